/**
 * The red-flag branch sample scored by hand. Every expected figure below was worked out on paper
 * from shared/format.md; the comments show the arithmetic so a reviewer can redo it.
 */
import { describe, expect, it } from 'vitest'
import { compareResults, scoreResponse } from '@/core/scoring'
import { fixture, itemResult, sample, sectionFigures, summary } from '../fixtures/load'

const template = sample('red-flag-party-branch')
const score = (name: string) => scoreResponse(template, fixture('red-flag-party-branch', name))

describe('red-flag branch sample, scored by hand', () => {
  it('grades a strong self-assessment 红旗党支部, with the bonus capped at 5 and allowed over 100', () => {
    const r = score('self-red-flag')
    // 政治引领: first-topic 5 − 1×0.5 = 4.5; study-plan 3; ideology 好 4; notes 4; lecture 4 → 19.5 / 20
    // 组织建设: committee 3; double-leader 3; recruitment 4 − 0.5 = 3.5; membership 3; org-life 2; room 5 → 19.5
    // 三会一课: 4 + (4 − 0.5) + (2 − 3×0.25 = 1.25) + 2 + attendance 95 ≥ 90 → 1 + 3 = 14.75 / 16
    // 记录与制度: (2 − 0.2 = 1.8) + 2 = 3.8 / 4 → 制度机制 14.75 + 3.8 = 18.55 / 20 (exact hundredths)
    // 服务大局: 5 + 较好 3 + 3 + 3 = 14 / 15;  示范带动: 4 + 5 + (3 − 1) + 3 = 14 / 15
    // 纪律作风: 3 + 4 + 3 + veto-check 0 = 10 / 10
    // base 19.5 + 19.5 + 18.55 + 14 + 14 + 10 = 95.55; bonus 3 + 2 + 2 = 7 → capped at 5
    // total 100.55 (allowOverMax), max 100, percent 100.55; ≥ 95 and every indicator ≥ 80 % → 红旗
    expect(summary(r)).toEqual({
      total: 100.55, max: 100, percent: 100.55, band: '红旗党支部', vetoed: false, complete: true,
      findings: [], unanswered: [],
    })
    expect(r.base).toBe(95.55)
    expect(r.bonus).toBe(5)
    expect(r.missingEvidence).toEqual([])
    expect(sectionFigures(r)).toMatchObject({
      political: [19.5, 20, 97.5],
      organization: [19.5, 20, 97.5],
      system: [18.55, 20, 92.75],
      'system-meetings': [14.75, 16, 92.19], // 14.75 / 16 = 92.1875 → half-up 92.19
      'system-records': [3.8, 4, 95],
      service: [14, 15, 93.33], // 93.333… → 93.33
      example: [14, 15, 93.33],
      discipline: [10, 10, 100],
    })
    expect(itemResult(r, 'group-meeting').score).toBe(1.25)
  })

  it('gives 优秀, not 红旗, when the total reaches 95 but one indicator is under 80 %, and drops N/A from the max', () => {
    const r = score('weak-discipline-na-group')
    // 党小组会 N/A: 三会一课 max 16 − 2 = 14, all full → 14; 制度机制 18 / 18
    // 纪律作风: warning-education 3 − 2×1.5 = 0; integrity 诫勉1例 4 − 2 = 2; conduct 3 → 5 / 10 = 50 %
    // base 20 + 20 + 18 + 15 + 15 + 5 = 93 of max 98; bonus 3 + 2 + 0 = 5 → total 98, percent 98/98 = 100
    // 98 ≥ 95 but 纪律作风 50 % < 80 % → the 红旗 band's `when` fails → next band reached: 优秀 (≥ 90)
    expect(summary(r)).toEqual({
      total: 98, max: 98, percent: 100, band: '优秀', vetoed: false, complete: true,
      findings: ['integrity'], unanswered: [],
    })
    expect(sectionFigures(r)).toMatchObject({ system: [18, 18, 100], 'system-meetings': [14, 14, 100], discipline: [5, 10, 50] })
    expect(itemResult(r, 'group-meeting')).toMatchObject({ na: true, score: 0, max: 0 })
    // Evidence is required always on both and neither answer carries an attachment.
    expect(r.missingEvidence).toEqual(['first-topic', 'activity-room'])
  })

  it('caps a vetoed branch at 优秀 whatever its points, still reporting them, and lists the unanswered item', () => {
    const r = score('vetoed-incomplete')
    // All full except theme-day unanswered (0 of 3, keeps its max): 制度机制 17 / 20 = 85 %
    // attendance exactly 90 → no full 10 % below the target → 1 / 1
    // base 20 + 20 + 17 + 15 + 15 + 10 = 97, bonus 0 → 97 / 100; every indicator ≥ 85 %
    // Without the veto: 红旗. veto-check 重大安全责任事故 → ceiling 优秀 → 优秀.
    expect(summary(r)).toEqual({
      total: 97, max: 100, percent: 97, band: '优秀', vetoed: true, complete: false,
      findings: ['veto-check'], unanswered: ['theme-day'],
    })
    expect(r.vetoes).toEqual([
      expect.objectContaining({ itemId: 'veto-check', optionId: 'accident', ceilingLabel: '优秀' }),
    ])
  })

  it('applies floors, a zeroed item, multi deductions and the attendance threshold in a weak year', () => {
    const r = score('low-with-floors')
    // 政治引领: first-topic 5 − 12×0.5 = −1 → floor 0; 无计划 3 − 3 = 0; 差 0; notes 4 − 1.5 = 2.5;
    //           lecture 4 − 2 = 2 → 4.5 / 20 = 22.5 %
    // 组织建设: committee 3 − 1 − 1 = 1; double-leader 3 − 3 = 0; recruitment 4 − 5 → 0; membership 2.5;
    //           org-life 未召开 → zero: item → 0; room 5 − 3 = 2 → 5.5 / 20 = 27.5 %
    // 三会一课: 4 − 1 = 3; 4 − 2 = 2; 2 − 0.5 = 1.5; 2 − 0.5 = 1.5;
    //           attendance 68: 22 below 90 → 2 full units → 1 − 2 → floor 0; theme-day 3 − 2.5 = 0.5 → 8.5
    // 记录与制度: 2 − 3×0.2 = 1.4; 2 − 1 = 1 → 2.4 → 制度机制 10.9 / 20 = 54.5 %
    // 服务大局: 一般 2 + 差 0 + (3 − 1) + (3 − 1.5) = 5.5 / 15 = 36.666… → 36.67 %
    // 示范带动: 未设 0 + 一般 2 + (3 − 3) + 一般 1 = 3 / 15 = 20 %
    // 纪律作风: 3 − 1.5 = 1.5; 受处分 4 − 4 = 0 (veto 优秀); conduct 3; veto-check 0 → 4.5 / 10 = 45 %
    // base 4.5 + 5.5 + 10.9 + 5.5 + 3 + 4.5 = 33.9; bonus 校级 1 → 34.9 → 不合格 (veto ceiling 优秀 is moot)
    expect(summary(r)).toEqual({
      total: 34.9, max: 100, percent: 34.9, band: '不合格', vetoed: true, complete: true,
      findings: ['study-plan', 'ideology', 'committee', 'org-life', 'activity-room', 'pioneer-post', 'integrity'],
      unanswered: [],
    })
    expect(sectionFigures(r)).toMatchObject({
      political: [4.5, 20, 22.5],
      organization: [5.5, 20, 27.5],
      'system-meetings': [8.5, 16, 53.13], // 53.125 → half-up 53.13
      'system-records': [2.4, 4, 60],
      system: [10.9, 20, 54.5],
      service: [5.5, 15, 36.67],
      example: [3, 15, 20],
      discipline: [4.5, 10, 45],
    })
    expect(itemResult(r, 'first-topic').score).toBe(0)
    expect(itemResult(r, 'org-life').score).toBe(0)
    expect(itemResult(r, 'party-class-attendance').score).toBe(0)
    expect(r.zeroes).toEqual([expect.objectContaining({ itemId: 'org-life', optionId: 'not-held', scope: 'item' })])
  })

  it('compares the self-assessment with the review per section and in total (自查分 / 考核分)', () => {
    const self = score('self-red-flag')
    const review = score('review-red-flag')
    // Review: first-topic 5 − 1 = 4; ideology 较好 3 → 政治引领 18; recruitment 4 − 1 = 3 → 组织建设 19
    //   group-meeting 2 − 4×0.25 = 1 → 三会一课 14.5; minutes 2 − 0.4 = 1.6 → 记录 3.6 → 制度机制 18.1
    //   teaching-research 一般 2 → 服务大局 13; 示范带动 14; 纪律作风 10
    //   base 18 + 19 + 18.1 + 13 + 14 + 10 = 92.1; bonus 校级 1 + 2 + 1 = 4 → 96.1 → 红旗 (all ≥ 86.67 %)
    expect(summary(review)).toMatchObject({ total: 96.1, max: 100, band: '红旗党支部' })
    const c = compareResults(self, review)
    // difference = review − self: 96.1 − 100.55 = −4.45
    expect(c.total).toMatchObject({ self: 100.55, review: 96.1, difference: -4.45 })
    const bySection = Object.fromEntries(c.sections.map((s) => [s.id, s.difference]))
    // 18 − 19.5, 19 − 19.5, 18.1 − 18.55, 13 − 14, 14 − 14, 10 − 10
    expect(bySection).toMatchObject({
      political: -1.5, organization: -0.5, system: -0.45, service: -1, example: 0, discipline: 0,
    })
    const system = c.sections.find((s) => s.id === 'system')
    expect(system?.sections.map((s) => [s.id, s.difference])).toEqual([
      ['system-meetings', -0.25], // 14.5 − 14.75
      ['system-records', -0.2], // 3.6 − 3.8
    ])
    const row = c.items.find((i) => i.id === 'group-meeting')
    expect(row).toMatchObject({ self: 1.25, review: 1, difference: -0.25 })
  })
})
