/** summaryTable: the 评审汇总表, one column per reviewer (issue #15 item 4). */
import { describe, expect, it } from 'vitest'
import { summaryTable } from '@/core/cycles'
import { cycle, evaluate, miniFixture, redFlagFixture, review } from './builders'

describe('summaryTable on the mini fixture', () => {
  const { cycle: c, template: t, responses } = miniFixture()
  const result = evaluate(c, responses, t)
  const table = summaryTable(c, result)

  it('has a column per panel member, in the panel’s order', () => {
    expect(table.reviewers).toEqual(['a', 'b', 'c', 'd'])
  })

  it('has a row per ranked subject with each reviewer’s total, null where they did not review', () => {
    // d's draft of S1 and d's inspection of S4 are no reviews; S3 was reviewed by a and b only.
    expect(table.rows.map((r) => [r.rank, r.label, r.totals])).toEqual([
      [1, 'S1', [95, 96, 90, null]],
      [1, 'S2', [94, 95, 95, 97]],
      [3, 'S3', [92.25, 92.5, null, null]],
      [4, 'S4', [70, 99, 99, null]],
    ])
  })

  it('carries the result’s figures and marks, and no change without a previous cycle', () => {
    expect(table.rows[0]).toEqual({
      rank: 1, label: 'S1', key: { unit: 'S1' }, totals: [95, 96, 90, null], total: 95, percent: 95, self: 100, selfDifference: -5,
      band: '优秀', quotaTie: true, quotaDemoted: false, vetoed: false, rankChange: null, totalChange: null,
    })
    expect(table.rows.map((r) => [r.band, r.quotaTie, r.quotaDemoted, r.vetoed])).toEqual([
      ['优秀', true, false, false], ['优秀', true, false, false], ['合格', false, true, false], ['不合格', false, false, true],
    ])
  })
})

describe('summaryTable: reviewers, labels and the previous cycle', () => {
  it.each([
    ['no panel list: reviewers in code-unit order', undefined, ['B', 'a', 'b']],
    ['members first in their order, then others seen', ['b', 'zed'], ['b', 'zed', 'B', 'a']],
    ['members trimmed and listed once', [' a ', 'a'], ['a', 'B', 'b']],
  ])('%s', (_name, members, reviewers) => {
    const c = cycle(members === undefined ? {} : { panel: { members } })
    const table = summaryTable(c, evaluate(c, [review('U', 'b', 40, 40), review('U', 'a', 30, 30), review('V', 'B', 10, 10)]))
    expect(table.reviewers).toEqual(reviewers)
    const column = (name: string) => table.rows.map((r) => r.totals[reviewers.indexOf(name)])
    // Rows: U (a 60, b 80), then V (B 20).
    expect([column('a'), column('b'), column('B')]).toEqual([[60, null], [80, null], [null, 20]])
  })

  it('labels a subject of several key fields with its values in subjectKey order', () => {
    const c = cycle({ subjectKey: ['year', 'unit'] })
    const table = summaryTable(c, evaluate(c, [{ ...review('U', 'a', 40, 40), subject: { unit: '护理', year: 2026 } }]))
    expect(table.rows[0]).toMatchObject({ label: '2026 护理', key: { year: '2026', unit: '护理' } })
  })

  it('shows rank and total change against the previous cycle, null for a subject new to this one', () => {
    const before = evaluate(cycle({ id: 'c-2025' }), [review('A', 'a', 45, 45), review('B', 'a', 40, 40.5)])
    const c = cycle({ id: 'c-2026', previous: 'c-2025' })
    const now = evaluate(c, [review('A', 'a', 40, 40.2), review('B', 'a', 45, 45), review('N', 'a', 30, 30)])
    expect(summaryTable(c, now, before).rows.map((r) => [r.label, r.rank, r.rankChange, r.totalChange])).toEqual([
      ['B', 1, 1, 9.5], ['A', 2, -1, -9.8], ['N', 3, null, null],
    ])
  })
})

describe('summaryTable on the red-flag panel fixture', () => {
  const { cycle: c, template: t, responses } = redFlagFixture()
  const result = evaluate(c, responses, t)

  it('lists the five reviewed branches in rank order with p1…p5, leaving 六支部 out', () => {
    const table = summaryTable(c, result)
    expect(table.reviewers).toEqual(['p1', 'p2', 'p3', 'p4', 'p5'])
    expect(table.rows.map((r) => [r.rank, r.label, r.total, r.band, r.vetoed])).toEqual([
      [1, '一支部', 98.22, '红旗党支部', false],
      [2, '三支部', 97.58, '优秀', false],
      [3, '四支部', 97.05, '优秀', false],
      [4, '二支部', 97.33, '优秀', true],
      [5, '五支部', 55.6, '不合格', true],
    ])
    // 三支部 was reviewed by p1, p2, p3; 四支部 by p1 … p4.
    expect(table.rows[1]?.totals).toEqual([96.1, 96.1, 100.55, null, null])
    expect(table.rows[2]?.totals).toEqual([98, 98, 96.1, 96.1, null])
  })
})
