/** evaluation.md rule 7: items whose points spread too far, reviews too far from the panel total. */
import { describe, expect, it } from 'vitest'
import type { Response } from '@/core/format/types'
import type { DisagreementSpec } from '@/core/cycles'
import { cycle, evaluate, review, subjectOf } from './builders'

function flags(responses: Response[], disagreement?: DisagreementSpec) {
  return subjectOf(evaluate(cycle({ panel: disagreement === undefined ? {} : { disagreement } }), responses), 'U').disagreements
}

describe('rule 7: item spread ≥ itemSpreadPercent % of the item max', () => {
  it.each<[string, Array<[number, number]>, number, string[]]>([
    ['a spread of exactly the share is flagged (15 of 50 = 30 %)', [[30, 40], [45, 40]], 30, ['x']],
    ['a spread just under it is not (14.99 of 50)', [[30, 40], [44.99, 40]], 30, []],
    ['every item is judged on its own, in template order', [[10, 10], [50, 50], [30, 30]], 50, ['x', 'y']],
    ['only max − min counts, not the distance from the panel', [[20, 40], [21, 40], [22, 40], [23, 40], [24, 40]], 10, []],
  ])('%s', (_name, xy, itemSpreadPercent, items) => {
    const responses = xy.map(([x, y], i) => review('U', `r${i}`, x, y))
    expect(flags(responses, { itemSpreadPercent }).items).toEqual(items)
  })

  it('compares only the reviews where the item applies (N/A is no points to disagree on)', () => {
    const na = review('U', 'a', 0, 40)
    na.answers.x = { na: true }
    expect(flags([na, review('U', 'b', 50, 40)], { itemSpreadPercent: 10 }).items).toEqual([])
    expect(flags([na, review('U', 'b', 50, 40), review('U', 'c', 40, 40)], { itemSpreadPercent: 10 }).items).toEqual(['x'])
  })

  it('never flags an item with one review, nor an item without points (the veto item)', () => {
    expect(flags([review('U', 'a', 0, 0)], { itemSpreadPercent: 1 }).items).toEqual([])
    expect(flags([review('U', 'a', 40, 40, { v: 'bad' }), review('U', 'b', 40, 40)], { itemSpreadPercent: 1 }).items).toEqual([])
  })
})

describe('rule 7: review total ≥ totalDeviation points from the panel total', () => {
  it.each<[string, number[], number, string[]]>([
    // mean of 80, 90, 100 = 90: deviations 10, 0, 10
    ['a deviation of exactly the limit is flagged', [80, 90, 100], 10, ['r1', 'r3']],
    ['a deviation under it is not', [80, 90, 100], 10.01, []],
    ['deviations are exact in hundredths (90.1 − 90 = 0.1)', [89.9, 90.1], 0.1, ['r1', 'r2']],
  ])('%s', (_name, totals, totalDeviation, reviewers) => {
    const responses = totals.map((t, i) => review('U', `r${i + 1}`, Math.min(t, 50), Math.round((t - Math.min(t, 50)) * 100) / 100))
    expect(flags(responses, { totalDeviation }).reviewers).toEqual(reviewers)
  })

  it('flags nothing without thresholds', () => {
    expect(flags([review('U', 'a', 0, 0), review('U', 'b', 50, 50)])).toEqual({ items: [], reviewers: [] })
  })
})
