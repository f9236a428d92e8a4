/** Properties of the app's views of a cycle (progress, panel detail, summary) on random cycles (fast-check). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AGGREGATE_METHODS, cycleProgress, panelDetail, summaryTable, type Cycle } from '@/core/cycles'
import type { Response } from '@/core/format/types'
import { cycle, evaluate, review, template } from './builders'

const REVIEWERS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5']
const points = fc.integer({ min: 0, max: 5000 }).map((h) => h / 100)
const entryArb = fc.record({
  unit: fc.constantFrom('U0', 'U1', 'U2', ' U2 ', 'U3'),
  who: fc.constantFrom(...REVIEWERS),
  role: fc.constantFrom<'review' | 'self'>('review', 'review', 'review', 'self'),
  status: fc.constantFrom<'draft' | 'submitted'>('draft', 'submitted', 'submitted'),
  x: points,
  y: points,
  v: fc.constantFrom<'ok' | 'ceil' | 'bad'>('ok', 'ok', 'ok', 'ceil', 'bad'),
  day: fc.integer({ min: 1, max: 9 }),
})
const responsesArb = fc.array(entryArb, { maxLength: 40 }).map((entries) =>
  entries.map((e, i): Response => ({ ...review(e.unit, e.who, e.x, e.y, { v: e.v, role: e.role, status: e.status, at: `2026-06-0${e.day}T08:00:00Z` }), id: `id-${i}` })),
)
const cycleArb = fc.record({
  members: fc.subarray(REVIEWERS),
  aggregate: fc.constantFrom(...AGGREGATE_METHODS),
  veto: fc.constantFrom('majority' as const, 'any' as const),
  itemSpreadPercent: fc.integer({ min: 0, max: 100 }),
  totalDeviation: fc.integer({ min: 0, max: 3000 }).map((h) => h / 100),
  listed: fc.subarray(['U0', 'U1', 'U9']),
}).map((p): Cycle => cycle({
  panel: { members: p.members, aggregate: p.aggregate, veto: p.veto, disagreement: { itemSpreadPercent: p.itemSpreadPercent, totalDeviation: p.totalDeviation } },
  subjects: p.listed.map((unit) => ({ unit })),
}))

describe('views of a cycle: properties', () => {
  it('progress: counts never exceed the subjects or the reviewers, and both views count the same reviews', () => {
    fc.assert(
      fc.property(cycleArb, responsesArb, (c, responses) => {
        const p = cycleProgress(c, responses)
        const members = new Set(c.panel?.members)
        for (const r of p.reviewers) {
          expect(r.of).toBe(p.subjects.length)
          expect(r.submitted + r.drafts).toBeLessThanOrEqual(r.of)
        }
        for (const s of p.subjects) {
          const reviewers = Object.keys(s.reviews)
          expect(s.submittedReviews).toBeLessThanOrEqual(reviewers.length)
          // Every review is by a member or by a reviewer the progress lists after the members.
          expect(reviewers.every((r) => members.has(r) || p.reviewers.some((x) => x.reviewer === r))).toBe(true)
          if (reviewers.every((r) => members.has(r))) expect(reviewers.length).toBeLessThanOrEqual(members.size)
        }
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
        expect(sum(p.reviewers.map((r) => r.submitted))).toBe(sum(p.subjects.map((s) => s.submittedReviews)))
        expect(p.reviewers.slice(0, members.size).map((r) => r.reviewer)).toEqual(c.panel?.members)
        // Each subject's submitted reviews are those the evaluation counts.
        const result = evaluate(c, responses)
        for (const s of result.subjects) {
          const row = p.subjects.find((x) => x.key.unit === s.key.unit)
          expect(row?.submittedReviews).toBe(s.reviews)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('summary: rows in the result’s order with its ranks, each reviewer’s total in its column', () => {
    fc.assert(
      fc.property(cycleArb, responsesArb, (c, responses) => {
        const result = evaluate(c, responses)
        const table = summaryTable(c, result)
        expect(table.rows.map((r) => [r.key, r.rank, r.total])).toEqual(result.subjects.map((s) => [s.key, s.rank, s.total]))
        expect(new Set(table.reviewers).size).toBe(table.reviewers.length)
        table.rows.forEach((row, i) => {
          const s = result.subjects[i]
          expect(row.totals).toHaveLength(table.reviewers.length)
          expect(row.totals.filter((t) => t !== null)).toHaveLength(s?.reviews ?? -1)
          s?.reviewers.forEach((r, j) => expect(row.totals[table.reviewers.indexOf(r)]).toBe(s.totals[j]))
        })
      }),
      { numRuns: 60 },
    )
  })

  it('panel detail: its reviews are the result’s, in its order, and its flags are rule 7’s', () => {
    fc.assert(
      fc.property(cycleArb, responsesArb, (c, responses) => {
        for (const s of evaluate(c, responses).subjects) {
          const d = panelDetail(c, template, responses, s.key)
          expect(d?.result).toEqual(s)
          expect(d?.reviews.map((r) => [r.reviewer, r.total])).toEqual(s.reviewers.map((r, i) => [r, s.totals[i]]))
          expect(d?.reviews.filter((r) => r.deviates).map((r) => r.reviewer)).toEqual(s.disagreements.reviewers)
          expect(d?.items.filter((x) => x.flagged).map((x) => x.itemId)).toEqual(s.disagreements.items)
          for (const item of d?.items ?? []) {
            expect(item.points).toHaveLength(s.reviews)
            expect(item.spread).toBeGreaterThanOrEqual(0)
            expect(item.spread).toBeLessThanOrEqual(item.max)
          }
        }
      }),
      { numRuns: 40 },
    )
  })
})
