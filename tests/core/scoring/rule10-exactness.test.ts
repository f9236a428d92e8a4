import { describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import { divRound, percentOf } from '@/core/scoring/hundredths'
import { count, multi, pts, resp, scored, section, tpl } from './builders'

describe('rule 10: exactness in hundredths', () => {
  it('makes ten 0.1 deductions exactly 1', () => {
    const t = tpl([section('s', [count('c', 2, 0.1)])])
    expect(scoreResponse(t, resp({ c: 10 })).total).toBe(1)
  })

  it('adds 0.1 + 0.2 to exactly 0.3', () => {
    const t = tpl([section('s', [multi('m', [pts('a', 0.1), pts('b', 0.2)])])])
    expect(scoreResponse(t, resp({ m: ['a', 'b'] })).total).toBe(0.3)
  })

  it('sums many two-decimal figures without drift', () => {
    const items = Array.from({ length: 30 }, (_, i) => scored(`x${i}`, 1))
    const answers = Object.fromEntries(items.map((it) => [it.id, 0.07]))
    expect(scoreResponse(tpl([section('s', items)]), resp(answers)).total).toBe(2.1)
  })

  it.each([
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5],
    [0.01, 8, 0.13],
    [5, 0, null],
  ])('rounds %d of %d half-up to %s percent', (score, max, expected) => {
    expect(percentOf(Math.round(score * 100), Math.round(max * 100))).toBe(expected)
  })

  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [7, 2, 4],
    [1, 3, 0],
    [2, 3, 1],
  ])('divides %i by %i rounding half away from zero to %i', (num, den, expected) => {
    expect(divRound(num, den)).toBe(expected)
  })

  it('rounds a normalized total half-up at that step only', () => {
    // 0.01 / 8 × 100 = 0.125 → 0.13
    const t = tpl([section('s', [scored('x', 8)])], { normalize: true, max: 100 })
    expect(scoreResponse(t, resp({ x: 0.01 })).total).toBe(0.13)
  })
})
