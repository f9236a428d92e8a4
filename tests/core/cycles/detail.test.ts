/** panelDetail: one subject's reviews side by side with the panel result (issue #15 item 3). */
import { describe, expect, it } from 'vitest'
import { evaluateCycle, panelDetail, type PanelDetail } from '@/core/cycles'
import { cycle, miniFixture, redFlagFixture, review, template } from './builders'

function detail(...args: Parameters<typeof panelDetail>): PanelDetail {
  const d = panelDetail(...args)
  if (d === null) throw new Error('no panel detail')
  return d
}

describe('panelDetail on the mini fixture', () => {
  const { cycle: c, template: t, responses } = miniFixture()
  const result = evaluateCycle(c, t, responses)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))

  it('S1: every review’s total, percent and sections in review order; c is 5 ≥ 3 from the panel’s 95', () => {
    const d = detail(c, t, responses, { unit: 'S1' })
    expect(d.result).toEqual(result.value.subjects[0])
    expect(d.reviews).toEqual([
      { reviewer: 'a', total: 95, percent: 95, sections: { a: 45, b: 50 }, vetoed: false, deviates: false },
      { reviewer: 'b', total: 96, percent: 96, sections: { a: 48, b: 48 }, vetoed: false, deviates: false },
      { reviewer: 'c', total: 90, percent: 90, sections: { a: 45, b: 45 }, vetoed: false, deviates: true },
    ])
  })

  it('S1: each item’s points per review, spread and max; 3 / 50 and 5 / 50 are under 20 %', () => {
    expect(detail(c, t, responses, { unit: 'S1' }).items).toEqual([
      { itemId: 'x', title: 'x', max: 50, points: [45, 48, 45], spread: 3, flagged: false },
      { itemId: 'y', title: 'y', max: 50, points: [50, 48, 45], spread: 5, flagged: false },
      { itemId: 'v', title: '否决情形', max: 0, points: [0, 0, 0], spread: 0, flagged: false },
    ])
  })

  it('S1: the self-assessment (100) beside the panel, 5 points off it', () => {
    expect(detail(c, t, responses, { unit: 'S1' }).self).toEqual({ reviewer: '', total: 100, percent: 100, sections: { a: 50, b: 50 }, vetoed: false, deviates: true })
  })

  it('S4: the vetoed review, its item x spread 29.5 of 50 (59 % ≥ 20 %) flagged; no self', () => {
    const d = detail(c, t, responses, { unit: 'S4' })
    expect(d.reviews.map((r) => [r.reviewer, r.total, r.vetoed, r.deviates])).toEqual([['a', 70, true, true], ['b', 99, false, false], ['c', 99, false, false]])
    expect(d.items[0]).toEqual({ itemId: 'x', title: 'x', max: 50, points: [20, 49.5, 49.5], spread: 29.5, flagged: true })
    expect(d.self).toBeNull()
  })

  it.each([
    ['a key written with spaces is the same subject', { unit: ' S2 ' }, 'S2'],
    ['a key that names no reviewed subject', { unit: 'S9' }, null],
    ['a key without the key field', { other: 'S1' }, null],
  ])('%s', (_name, key, expected) => {
    expect(panelDetail(c, t, responses, key)?.key.unit ?? null).toBe(expected)
  })

  it('is null for a cycle that does not fit the template', () => {
    expect(panelDetail({ ...c, template: { id: 'mini-panel', version: 2 } }, t, responses, { unit: 'S1' })).toBeNull()
  })
})

describe('panelDetail on the red-flag panel fixture agrees with evaluateCycle', () => {
  const { cycle: c, template: t, responses } = redFlagFixture()
  const r = evaluateCycle(c, t, responses)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))

  it.each(r.value.subjects.map((s) => [s.key.branch, s] as const))('%s: totals, reviewers and flags are the result’s', (branch, s) => {
    const d = detail(c, t, responses, { branch: branch ?? '' })
    expect(d.result).toEqual(s)
    expect(d.reviews.map((x) => x.reviewer)).toEqual(s.reviewers)
    expect(d.reviews.map((x) => x.total)).toEqual(s.totals)
    expect(d.reviews.filter((x) => x.deviates).map((x) => x.reviewer)).toEqual(s.disagreements.reviewers)
    expect(d.items.filter((x) => x.flagged).map((x) => x.itemId)).toEqual(s.disagreements.items)
    expect(d.reviews.filter((x) => x.vetoed)).toHaveLength(s.vetoedReviews)
    expect(d.self?.total ?? null).toBe(s.self)
  })

  it('一支部: the figures checked by hand in fixtures.test.ts, and W’s N/A 党小组会 left out of the spread', () => {
    const d = detail(c, t, responses, { branch: '一支部' })
    expect(d.reviews.map((x) => x.total)).toEqual([100.55, 96.1, 98, 100.55, 96.1])
    // 政治引领 per review: S 19.5, R 18, W 20, S 19.5, R 18 → the trimmed mean 19 of fixtures.test.ts
    expect(d.reviews.map((x) => x.sections.political)).toEqual([19.5, 18, 20, 19.5, 18])
    // group-meeting: W answered N/A, so its points are null and the spread is 1.25 − 1 = 0.25 of 2 (12.5 %)
    expect(d.items.find((x) => x.itemId === 'group-meeting')).toMatchObject({ max: 2, points: [1.25, 1, null, 1.25, 1], spread: 0.25, flagged: false })
    // warning-education 3 3 0 → 100 % of 3
    expect(d.items.find((x) => x.itemId === 'warning-education')).toMatchObject({ max: 3, spread: 3, flagged: true })
  })

  it('二支部: p5’s 34.9 is ≥ 10 from 97.33', () => {
    expect(detail(c, t, responses, { branch: '二支部' }).reviews.map((x) => [x.reviewer, x.deviates])).toEqual([
      ['p1', false], ['p2', false], ['p3', false], ['p4', false], ['p5', true],
    ])
  })

  it('六支部, which nobody reviewed, has no panel view', () => {
    expect(panelDetail(c, t, responses, { branch: '六支部' })).toBeNull()
  })
})

describe('panelDetail without disagreement thresholds flags nothing, and carries response ids', () => {
  it('leaves every flag false and names each review’s response', () => {
    const responses = [{ ...review('U', 'a', 50, 50), id: 'r-a' }, { ...review('U', 'b', 0, 0), id: 'r-b' }]
    const d = detail(cycle(), template, responses, { unit: 'U' })
    expect(d.reviews.map((x) => [x.responseId, x.deviates])).toEqual([['r-a', false], ['r-b', false]])
    expect(d.items.filter((x) => x.itemId !== 'v').map((x) => [x.itemId, x.spread, x.flagged])).toEqual([['x', 50, false], ['y', 50, false]])
  })
})
