/** Properties of evaluation.md that hold for every cycle, checked on random ones (fast-check). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AGGREGATE_METHODS, evaluateCycle, type Cycle, type CycleResult } from '@/core/cycles'
import type { Response } from '@/core/format/types'
import { cycle, review, template } from './builders'

/** Points in hundredths up to 50, as the builder's score items take them. */
const points = fc.integer({ min: 0, max: 5000 }).map((h) => h / 100)
const vetoOption = fc.constantFrom<'ok' | 'ceil' | 'bad'>('ok', 'ok', 'ok', 'ceil', 'bad')
const reviewArb = fc.record({ x: points, y: points, v: vetoOption })
/** Up to 12 subjects with 1–7 reviews each, by distinct reviewers r0, r1, … */
const subjectsArb = fc.array(fc.array(reviewArb, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 12 })
const panelArb = fc.record({
  aggregate: fc.constantFrom(...AGGREGATE_METHODS),
  trim: fc.integer({ min: 0, max: 2 }),
  veto: fc.constantFrom('majority' as const, 'any' as const),
})
const quotaArb = fc.record({ band: fc.constantFrom('top', 'mid'), maxPercent: fc.integer({ min: 0, max: 10000 }).map((h) => h / 100) })

function responsesOf(subjects: Array<Array<{ x: number; y: number; v: 'ok' | 'ceil' | 'bad' }>>): Response[] {
  return subjects.flatMap((reviews, s) => reviews.map((r, i) => review(`U${s}`, `r${i}`, r.x, r.y, { v: r.v })))
}

function run(c: Cycle, responses: Response[]): CycleResult {
  const r = evaluateCycle(c, template, responses)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.value
}

describe('evaluation.md properties', () => {
  it('every aggregate lies between the lowest and the highest of the reviews’ totals', () => {
    fc.assert(
      fc.property(subjectsArb, panelArb, (subjects, panel) => {
        for (const s of run(cycle({ panel }), responsesOf(subjects)).subjects) {
          expect(s.total).toBeGreaterThanOrEqual(Math.min(...s.totals))
          expect(s.total).toBeLessThanOrEqual(Math.max(...s.totals))
        }
      }),
    )
  })

  it('a quota is never exceeded except by subjects tied with the last place, and those are marked', () => {
    fc.assert(
      fc.property(subjectsArb, panelArb, quotaArb, (subjects, panel, quota) => {
        const result = run(cycle({ panel, quotas: [quota] }), responsesOf(subjects))
        const label = quota.band === 'top' ? '优秀' : '合格'
        const holders = result.subjects.filter((s) => s.band === label)
        const [q] = result.quotas
        expect(q?.places).toBe(Math.max(1, Math.floor((result.subjects.length * quota.maxPercent) / 100 + 1e-9)))
        const places = q?.places ?? 0
        if (holders.length <= places) {
          expect(holders.every((s) => !s.quotaTie)).toBe(true)
          return
        }
        // Over the quota: the holders above the lowest kept total fit within the places, and every
        // holder at that total is marked as a tie.
        const cutoff = Math.min(...holders.map((s) => s.total))
        expect(holders.filter((s) => s.total > cutoff).length).toBeLessThan(places)
        expect(holders.filter((s) => s.total === cutoff).every((s) => s.quotaTie)).toBe(true)
      }),
    )
  })

  it('ranks are a competition ranking: 1 + the subjects strictly ahead, vetoed after the rest', () => {
    fc.assert(
      fc.property(subjectsArb, panelArb, (subjects, panel) => {
        const list = run(cycle({ panel }), responsesOf(subjects)).subjects
        const ahead = (a: (typeof list)[number], b: (typeof list)[number]) =>
          (a.vetoed ? 1 : 0) < (b.vetoed ? 1 : 0) || (a.vetoed === b.vetoed && a.total > b.total)
        for (const s of list) expect(s.rank).toBe(1 + list.filter((o) => ahead(o, s)).length)
        // A permutation with ties: sorted, each rank is its place or the rank before it.
        list.forEach((s, i) => expect(s.rank === i + 1 || s.rank === list[i - 1]?.rank).toBe(true))
      }),
    )
  })

  it('the result does not depend on the order the responses come in', () => {
    fc.assert(
      fc.property(
        subjectsArb.chain((subjects) => {
          const responses = responsesOf(subjects)
          return fc.tuple(fc.constant(responses), fc.shuffledSubarray(responses, { minLength: responses.length, maxLength: responses.length }))
        }),
        panelArb,
        quotaArb,
        ([responses, shuffled], panel, quota) => {
          const c = cycle({ panel: { ...panel, disagreement: { itemSpreadPercent: 20, totalDeviation: 5 } }, quotas: [quota] })
          expect(run(c, shuffled)).toEqual(run(c, responses))
        },
      ),
    )
  })
})
