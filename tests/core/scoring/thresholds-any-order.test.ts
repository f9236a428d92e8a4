import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Threshold } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { validateTemplate } from '@/core/validate'
import { num, resp, section, tpl } from './builders'

const scoreOf = (thresholds: Threshold[], value: number): number | null => {
  const t = tpl([section('s', [num('q', { thresholds })])])
  return scoreResponse(t, resp({ q: value })).items.find((i) => i.id === 'q')?.score ?? null
}

/** 1–8 steps with distinct mins in [0, 100] and points in hundredths. */
const steps: fc.Arbitrary<Threshold[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 })
  .chain((mins) => fc.tuple(...mins.map((min) => fc.integer({ min: 0, max: 1000 }).map((h): Threshold => ({ min, points: h / 100 })))))

/** A permutation of the list (shuffledSubarray of full length keeps every element). */
const withPermutation = steps.chain((list) =>
  fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
)

describe('number thresholds in any order', () => {
  it('scores a best-first list (90→4, 80→3, 60→1) by the highest min reached', () => {
    const bestFirst = [{ min: 90, points: 4 }, { min: 80, points: 3 }, { min: 60, points: 1 }]
    expect([95, 90, 85, 60, 59].map((v) => scoreOf(bestFirst, v))).toEqual([4, 4, 3, 1, 0])
  })

  it('the score does not depend on the order the thresholds are listed in', () => {
    fc.assert(
      fc.property(withPermutation, fc.integer({ min: -10, max: 110 }), ([list, shuffled], value) => {
        const reached = list.filter((t) => t.min <= value).sort((a, b) => b.min - a.min)[0]
        expect(scoreOf(shuffled, value)).toBe(scoreOf(list, value))
        expect(scoreOf(shuffled, value)).toBe(reached?.points ?? 0)
      }),
    )
  })

  it('a template accepts its thresholds in every order', () => {
    fc.assert(
      fc.property(withPermutation, ([, shuffled]) => {
        const t = tpl([section('s', [num('q', { thresholds: shuffled })])])
        expect(validateTemplate(t).ok).toBe(true)
      }),
    )
  })
})
