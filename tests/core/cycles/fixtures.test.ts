/**
 * Two cycles worked out on paper from shared/evaluation.md (files under tests/fixtures/cycles/).
 * The comments show the arithmetic so a reviewer can redo it; the numbers were never copied from
 * the engine.
 */
import { describe, expect, it } from 'vitest'
import { evaluateCycle, validateCycle } from '@/core/cycles'
import { validateResponse, validateTemplate } from '@/core/validate'
import { miniFixture, redFlagFixture, subjectOf } from './builders'

describe('fixture tests/fixtures/cycles/mini: median, veto by any, a 25 % quota with a tie', () => {
  const { cycle, template, responses } = miniFixture()
  const r = evaluateCycle(cycle, template, responses)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  const result = r.value

  it('is made of a valid cycle, template and responses', () => {
    expect(validateCycle(cycle).ok).toBe(true)
    expect(validateTemplate(template).ok).toBe(true)
    expect(responses.map((x) => validateResponse(template, x).ok)).not.toContain(false)
  })

  it('counts the later of a reviewer’s two submissions and leaves out a draft and an inspection', () => {
    // S1 reviewer a: 60 on 06-01, 95 on 06-02 → 95 counts; d's draft (10) and S4's inspection are left out.
    expect(r.warnings.map((w) => [w.code, w.params?.response])).toEqual([
      ['cycle.reviewReplaced', 1], ['cycle.responseDraft', 4], ['cycle.responseRole', 15],
    ])
    // " S1 " and "S1" are one subject.
    expect(subjectOf(result, 'S1')).toMatchObject({ key: { unit: 'S1' }, reviewers: ['a', 'b', 'c'], totals: [95, 96, 90] })
  })

  it('aggregates by the median, each figure on its own', () => {
    // S1: median(95, 96, 90) = 95; 甲 x: median(45, 48, 45) = 45; 乙 y: median(50, 48, 45) = 48
    expect(subjectOf(result, 'S1')).toMatchObject({ total: 95, percent: 95, sections: { a: 45, b: 48 } })
    // S2: 94, 95, 95, 97 → (95 + 95) / 2 = 95; x: 47, 45, 50, 48.5 → sorted 45, 47, 48.5, 50 → (47 + 48.5) / 2 = 47.75
    expect(subjectOf(result, 'S2')).toMatchObject({ total: 95, sections: { a: 47.75, b: 47.75 } })
    // S3: (92.25 + 92.5) / 2 = 92.375 → half-up 92.38; x: (46 + 46.25) / 2 = 46.125 → 46.13
    expect(subjectOf(result, 'S3')).toMatchObject({ total: 92.38, sections: { a: 46.13, b: 46.25 } })
  })

  it('vetoes S4 on one vetoed review of three (veto: any) at the lowest band, keeping its points', () => {
    // S4: 70 (vetoed, option bad: veto true), 99, 99 → median 99; true → lowest band 不合格
    expect(subjectOf(result, 'S4')).toMatchObject({ total: 99, vetoed: true, vetoedReviews: 1, band: '不合格' })
  })

  it('gives 优秀 to 1 place (floor(4 × 25 / 100) = 1) and keeps the tie at 95, marked', () => {
    // 优秀 holders (≥ 90, not vetoed): S1 95, S2 95, S3 92.38. The 1st is 95; S2 ties it → both keep, 并列超额.
    // S3 drops to the next band it reaches: 合格 (≥ 60).
    expect(result.subjects.map((s) => [s.key.unit, s.band, s.quotaTie, s.quotaDemoted])).toEqual([
      ['S1', '优秀', true, false], ['S2', '优秀', true, false], ['S3', '合格', false, true], ['S4', '不合格', false, false],
    ])
    expect(result.quotas).toEqual([{ band: '优秀', maxPercent: 25, places: 1, kept: 2, demoted: 1 }])
  })

  it('ranks 1, 1, 3 and the vetoed S4 last', () => {
    expect(result.subjects.map((s) => s.rank)).toEqual([1, 1, 3, 4])
  })

  it('flags S1’s reviewer c (90 is 5 ≥ 3 from 95) and S4’s item x and reviewer a', () => {
    // S1 items: x 45, 48, 45 → spread 3 = 6 % of 50; y 50, 48, 45 → 5 = 10 % < 20 %. Totals: c |90 − 95| = 5.
    expect(subjectOf(result, 'S1').disagreements).toEqual({ items: [], reviewers: ['c'] })
    // S4: x 20, 49.5, 49.5 → 29.5 = 59 % ≥ 20 %; y 50, 49.5, 49.5 → 1 %; a |70 − 99| = 29.
    expect(subjectOf(result, 'S4').disagreements).toEqual({ items: ['x'], reviewers: ['a'] })
  })

  it('shows S1’s self-assessment beside the panel: 100, so the panel is 5 lower', () => {
    expect(subjectOf(result, 'S1')).toMatchObject({ self: 100, selfDifference: -5 })
  })
})

describe('fixture tests/fixtures/cycles/red-flag-panel: the 红旗 template, trimmed mean, veto by majority, a 30 % quota', () => {
  // Review totals, hand-checked in tests/core/samples-red-flag.test.ts:
  //   S self-red-flag 100.55   R review-red-flag 96.1   W weak-discipline-na-group 98 (纪律作风 50 %)
  //   V vetoed-incomplete 97 (veto → 优秀)   L low-with-floors 34.9 (veto → 优秀)
  const { cycle, template, responses } = redFlagFixture()
  const r = evaluateCycle(cycle, template, responses)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  const result = r.value

  it('is made of a valid cycle and responses that may be submitted', () => {
    expect(validateCycle(cycle).ok).toBe(true)
    expect(responses.map((x) => validateResponse(template, x))).toEqual(responses.map((x) => expect.objectContaining({ ok: true, value: x })))
  })

  it('一支部 (S R W S R): the trimmed mean drops one highest and one lowest of five', () => {
    // total: 96.1 96.1 98 100.55 100.55 → (96.1 + 98 + 100.55) / 3 = 294.65 / 3 = 98.2166… → 98.22
    // percent: W's max is 98 (党小组会 N/A) so its percent is 100: 96.1 96.1 100 100.55 100.55 → 296.65 / 3 → 98.88
    // 政治引领: 18 18 19.5 19.5 20 → 57 / 3 = 19;  组织建设: 19 19 19.5 19.5 20 → 58 / 3 = 19.33
    // 服务大局: 13 13 14 14 15 → 41 / 3 = 13.67;  纪律作风: 5 10 10 10 10 → 10;  加分: 4 4 5 5 5 → 14 / 3 = 4.67
    // section percents, e.g. 服务大局: 86.67 86.67 93.33 93.33 100 → 273.33 / 3 = 91.11; 纪律作风 100
    // every first-level indicator ≥ 80 % and 98.22 ≥ 95 → 红旗党支部
    expect(subjectOf(result, '一支部')).toMatchObject({
      reviews: 5, totals: [100.55, 96.1, 98, 100.55, 96.1], total: 98.22, percent: 98.88,
      sections: { political: 19, organization: 19.33, service: 13.67, discipline: 10, bonus: 4.67 },
      sectionPercents: { political: 95, service: 91.11, discipline: 100 },
      band: '红旗党支部', rank: 1, quotaTie: false, vetoed: false,
    })
  })

  it('一支部: items whose points spread ≥ 30 % of their max are flagged; no review is 10 points off', () => {
    // teaching-research 3 2 4 → 2/4 = 50 %; publicity 2 2 3 → 1/3 = 33 %; warning-education 3 3 0 → 100 %
    // integrity 4 4 2 → 50 %; honor 3 1 3 → 2/3; media 2 1 0 → 2/5 = 40 %
    // not: first-topic 4.5 4 5 → 1/5 = 20 %; ideology 4 3 4 → 25 %; minutes-quality 1.8 1.6 2 → 20 %;
    //      group-meeting 1.25 1 (W: N/A, left out) → 12.5 %
    // totals vs 98.22: at most |100.55 − 98.22| = 2.33 < 10
    expect(subjectOf(result, '一支部').disagreements).toEqual({
      items: ['teaching-research', 'publicity', 'warning-education', 'integrity', 'honor', 'media'],
      reviewers: [],
    })
    // self S 100.55 → 98.22 − 100.55 = −2.33
    expect(subjectOf(result, '一支部')).toMatchObject({ self: 100.55, selfDifference: -2.33 })
  })

  it('三支部 (R R S): three reviews are fewer than 2 × 1 + 3, so the plain mean; it loses 红旗 to the quota', () => {
    // (96.1 + 96.1 + 100.55) / 3 = 292.75 / 3 = 97.5833… → 97.58; percents 政治引领 (90 + 90 + 97.5) / 3 = 92.5,
    // 服务大局 (86.67 + 86.67 + 93.33) / 3 = 88.89 … all ≥ 80 → 红旗 by rule 4.
    // Rule 5: n = 5 reviewed branches (六支部 has none) → q = floor(5 × 30 / 100) = 1; holders 一支部 98.22,
    // 三支部 97.58 → 三支部 drops to 优秀 (≥ 90). Self W 98 → 97.58 − 98 = −0.42.
    expect(subjectOf(result, '三支部')).toMatchObject({
      total: 97.58, sectionPercents: { political: 92.5, service: 88.89 },
      band: '优秀', quotaDemoted: true, rank: 2, self: 98, selfDifference: -0.42,
    })
    expect(result.quotas).toEqual([{ band: '红旗党支部', maxPercent: 30, places: 1, kept: 1, demoted: 1 }])
  })

  it('四支部 (W W R R): 97.05 ≥ 95, but 纪律作风 averages 75 % < 80 %, so 优秀', () => {
    // (98 + 98 + 96.1 + 96.1) / 4 = 388.2 / 4 = 97.05; 纪律作风 (50 + 50 + 100 + 100) / 4 = 75
    expect(subjectOf(result, '四支部')).toMatchObject({ total: 97.05, sectionPercents: { discipline: 75 }, band: '优秀', quotaDemoted: false, rank: 3 })
  })

  it('二支部 (V V W S L): vetoed by 3 of 5 reviews, capped at 优秀 and ranked after the others', () => {
    // 97 97 98 100.55 34.9 → drop 34.9 and 100.55 → 292 / 3 = 97.33; vetoed reviews V V L = 3 > 5 / 2
    // the ceiling of V and L is 优秀 → 优秀 although 97.33 ≥ 95; L (34.9) is 62.43 ≥ 10 off → flagged
    const s = subjectOf(result, '二支部')
    expect(s).toMatchObject({ total: 97.33, vetoed: true, vetoedReviews: 3, band: '优秀', rank: 4 })
    expect(s.disagreements.reviewers).toEqual(['p5'])
    // minutes-quality V 2, V 2, W 2, S 1.8, L 1.4 → 0.6 / 2 = exactly 30 % → flagged;
    // membership 3 3 3 3 2.5 → 16.7 %, party-class 2 … 1.5 → 25 %, conduct all 3, veto-check max 0 → not
    expect(s.disagreements.items).toContain('minutes-quality')
    for (const id of ['membership', 'members-meeting', 'party-class', 'conduct', 'veto-check']) expect(s.disagreements.items).not.toContain(id)
  })

  it('五支部 (L L L V S): vetoed by 4 of 5; (34.9 + 34.9 + 97) / 3 = 55.6 → 不合格, last', () => {
    expect(subjectOf(result, '五支部')).toMatchObject({ total: 55.6, vetoed: true, vetoedReviews: 4, band: '不合格', rank: 5 })
  })

  it('lists the league table in rank order and 六支部, which nobody reviewed, apart', () => {
    expect(result.subjects.map((s) => [s.key.branch, s.rank])).toEqual([
      ['一支部', 1], ['三支部', 2], ['四支部', 3], ['二支部', 4], ['五支部', 5],
    ])
    expect(result.unreviewed).toEqual([{ key: { branch: '六支部' }, self: null }])
    expect(r.warnings).toEqual([])
  })
})
