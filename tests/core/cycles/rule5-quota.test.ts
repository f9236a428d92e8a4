/** evaluation.md rule 5: a band for at most a share of the subjects; ties with the last place keep it. */
import { describe, expect, it } from 'vitest'
import { quotaPlaces } from '@/core/cycles'
import { cycle, evaluate, review, reviewsOf, subjectOf } from './builders'

describe('rule 5: places = floor(n × maxPercent / 100), at least 1 when n > 0', () => {
  it.each([
    [5, 30, 1], // 1.5
    [10, 30, 3],
    [3, 30, 1], // 0.9 → 0 → at least 1
    [1, 0, 1],
    [0, 30, 0],
    [200, 30, 60],
    [7, 14.29, 1], // 1.0003
    [100, 33.33, 33], // exact in hundredths: 3333 × 100 / 10000
    [3, 33.34, 1], // 1.0002
  ])('n = %i, maxPercent = %d → %i', (n, maxPercent, places) => {
    expect(quotaPlaces(n, maxPercent)).toBe(places)
  })
})

/** One single-review subject per total, named by its place in the list: U0, U1, … */
function subjects(totals: number[], extra: Parameters<typeof review>[4] = {}) {
  return totals.map((t, i) => review(`U${i}`, 'r', t >= 50 ? 50 : t, t >= 50 ? Math.round((t - 50) * 100) / 100 : 0, extra))
}

describe('rule 5: who keeps the band', () => {
  it.each<[string, number[], number, Array<[string, boolean, boolean]>]>([
    // [band, quotaTie, quotaDemoted] per subject U0, U1, …; 优秀 is ≥ 90, then 合格 ≥ 60
    // n = 4, 50 % → q = 2: of the holders 95, 96, 92 the two best keep 优秀; 92 drops to 合格.
    ['the first q by total keep it, the others drop to the next band they reach',
      [95, 96, 92, 70], 50, [['优秀', false, false], ['优秀', false, false], ['合格', false, true], ['合格', false, false]]],
    ['a tie with the q-th keeps the band, and the whole tie is marked 并列超额',
      [95, 95, 92, 70], 25, [['优秀', true, false], ['优秀', true, false], ['合格', false, true], ['合格', false, false]]],
    ['a tie below the q-th does not keep it',
      [96, 95, 95, 70], 25, [['优秀', false, false], ['合格', false, true], ['合格', false, true], ['合格', false, false]]],
    ['a tie that fits within q is not marked',
      [96, 95, 95, 70, 60, 61, 62, 63], 40, [['优秀', false, false], ['优秀', false, false], ['优秀', false, false],
        ['合格', false, false], ['合格', false, false], ['合格', false, false], ['合格', false, false], ['合格', false, false]]],
    ['a tie at the q-th beyond q marks only the tied ones',
      [96, 95, 95, 70, 60, 61, 62, 63], 25, [['优秀', false, false], ['优秀', true, false], ['优秀', true, false],
        ['合格', false, false], ['合格', false, false], ['合格', false, false], ['合格', false, false], ['合格', false, false]]],
    ['fewer holders than places: nobody moves', [95, 70, 71, 72], 50, [['优秀', false, false], ['合格', false, false], ['合格', false, false], ['合格', false, false]]],
  ])('%s', (_name, totals, maxPercent, expected) => {
    const result = evaluate(cycle({ quotas: [{ band: 'top', maxPercent }] }), subjects(totals))
    const got = totals.map((_t, i) => {
      const s = subjectOf(result, `U${i}`)
      return [s.band, s.quotaTie, s.quotaDemoted]
    })
    expect(got).toEqual(expected)
  })

  it('counts n over the subjects with a review only, and reports places, kept and demoted', () => {
    // Listed: U0…U3 and V (no review) → n = 4, q = floor(4 × 50 / 100) = 2: 96 and 95 keep; 92 and 91 drop.
    const c = cycle({ quotas: [{ band: '优秀', maxPercent: 50 }], subjects: [{ unit: 'V' }] })
    const result = evaluate(c, subjects([92, 96, 95, 91]))
    expect(result.quotas).toEqual([{ band: '优秀', maxPercent: 50, places: 2, kept: 2, demoted: 2 }])
    expect(result.unreviewed).toHaveLength(1)
  })

  it('takes the next band whose `when` holds too, and gives no place to a subject the veto kept out of the band', () => {
    // U0: reviews (50, 50) and (50, 48) → 99 → 优秀, kept (q = 1). U1: (50, 46) → 96 → demoted to 合格.
    // U2: 98 but both reviews veto to 合格 (ceil) → 合格 by rule 3, never a holder, not demoted.
    const responses = [
      review('U0', 'a', 50, 50), review('U0', 'b', 50, 48),
      review('U1', 'a', 50, 46),
      review('U2', 'a', 50, 48, { v: 'ceil' }), review('U2', 'b', 50, 48, { v: 'ceil' }),
    ]
    const result = evaluate(cycle({ quotas: [{ band: 'top', maxPercent: 10 }] }), responses)
    expect(result.subjects.map((s) => [s.key.unit, s.total, s.band, s.quotaDemoted])).toEqual([
      ['U0', 99, '优秀', false],
      ['U1', 96, '合格', true],
      ['U2', 98, '合格', false], // vetoed: ranks after the others (rule 6)
    ])
  })

  it('applies quotas best band first, so a subject moved down counts under the lower band’s quota', () => {
    // 优秀 quota 25 % of 4 → 1: U0 98 keeps; U1 95 → 合格. 合格 quota 25 % → 1 place among U1 95, U2 80, U3 70:
    // U1 keeps 合格, U2 and U3 drop to 不合格 (≥ 0).
    const c = cycle({ quotas: [{ band: 'mid', maxPercent: 25 }, { band: 'top', maxPercent: 25 }] })
    const result = evaluate(c, subjects([98, 95, 80, 70]))
    expect(result.subjects.map((s) => [s.key.unit, s.band])).toEqual([['U0', '优秀'], ['U1', '合格'], ['U2', '不合格'], ['U3', '不合格']])
    expect(result.quotas.map((q) => [q.band, q.places, q.kept, q.demoted])).toEqual([['优秀', 1, 1, 1], ['合格', 1, 1, 2]])
  })

  it('moves nobody under a quota on the lowest band', () => {
    const result = evaluate(cycle({ quotas: [{ band: 'low', maxPercent: 10 }] }), subjects([10, 20, 30]))
    expect(result.subjects.map((s) => [s.band, s.quotaTie, s.quotaDemoted])).toEqual([['不合格', false, false], ['不合格', false, false], ['不合格', false, false]])
  })

  it('keeps aggregated figures unchanged: a quota only moves bands', () => {
    const result = evaluate(cycle({ quotas: [{ band: 'top', maxPercent: 10 }] }), [...reviewsOf('A', [95, 97]), ...reviewsOf('B', [94, 94])])
    expect(result.subjects.map((s) => [s.total, s.band])).toEqual([[96, '优秀'], [94, '合格']])
  })
})
