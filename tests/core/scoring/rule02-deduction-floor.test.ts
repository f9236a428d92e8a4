import { describe, expect, it } from 'vitest'
import type { AnswerValue, Item } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { count, ded, multi, num, resp, section, single, tpl, yesNo } from './builders'

const scoreOf = (item: Item, value: AnswerValue) => {
  const t = tpl([section('s', [item])])
  const r = scoreResponse(t, resp({ [item.id]: value }))
  return r.items[0]
}

describe('rule 2: deduction with floor (扣完为止)', () => {
  it.each([
    ['full marks when nothing is deducted', 'yes', 5],
    ['max minus the option deduction', 'part', 4],
    ['0 when the deduction takes everything', 'no', 0],
  ])('a deductive single scores %s', (_name, value, expected) => {
    expect(scoreOf(yesNo('q', 5), value)?.score).toBe(expected)
  })

  it.each([
    [0, 3],
    [2, 2],
    [6, 0],
    [9, 0],
  ])('a count of %i at 0.5 each from 3 scores %d', (n, expected) => {
    expect(scoreOf(count('q', 3, 0.5), n)?.score).toBe(expected)
  })

  it('records the deduction and the floor as steps', () => {
    const item = scoreOf(count('q', 3, 2), 2)
    expect(item?.steps).toEqual([
      { rule: 'deductEach', count: 2, each: 2, deducted: 4 },
      { rule: 'floor', from: -1, to: 0 },
    ])
  })

  it('lets a deduction go below 0 with allowNegative', () => {
    expect(scoreOf(count('q', 3, 2, { allowNegative: true }), 2)?.score).toBe(-1)
  })

  it('sums the deductions of the chosen options of a deductive multi', () => {
    const item = multi('q', [ded('a', 1), ded('b', 1.5), ded('c', 3)], { max: 5 })
    expect(scoreOf(item, ['a', 'b'])?.score).toBe(2.5)
    expect(scoreOf(item, ['a', 'b', 'c'])?.score).toBe(0)
    expect(scoreOf(item, [])?.score).toBe(5)
  })

  it.each([
    [95, 3],
    [90, 3],
    [85, 3],
    [80, 2],
    [75, 2],
    [61, 1],
    [20, 0],
  ])('出勤率 %i%% with "below 90%% each full 10%% −1" from 3 scores %d', (value, expected) => {
    const item = num('rate', { target: 90, unit: 10, deductEach: 1, max: 3 })
    expect(scoreOf(item, value)?.score).toBe(expected)
  })

  it('keeps a single option with no deduction at full marks', () => {
    expect(scoreOf(single('q', [ded('ok', 0), ded('bad', 2)], { max: 2 }), 'ok')?.score).toBe(2)
  })
})

