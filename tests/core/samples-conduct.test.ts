/**
 * The teacher-conduct negative list scored by hand: each 无 scores 1 (30 in all), and the grade
 * comes from vetoes alone (情节较轻 → at most 基本合格, 情节较重及以上 → the lowest band, 不合格).
 */
import { describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import { fixture, sample, summary } from '../fixtures/load'

const template = sample('teacher-conduct-negative-list')
const score = (name: string) => scoreResponse(template, fixture('teacher-conduct-negative-list', name))

describe('teacher-conduct negative list, scored by hand', () => {
  it('passes a teacher with no violation', () => {
    // 30 × 1 = 30 / 30; every band's min is 0 and nothing vetoes → the first band, 合格
    expect(summary(score('all-clear'))).toEqual({
      total: 30, max: 30, percent: 100, band: '合格', vetoed: false, complete: true, findings: [], unanswered: [],
    })
  })

  it('caps a minor violation at 基本合格 and turns it into a finding', () => {
    const r = score('one-minor')
    // 29 × 1 + 0 = 29 / 30 = 96.666… → 96.67 %; veto 'basic' → ceiling 基本合格 skips 合格
    expect(summary(r)).toEqual({
      total: 29, max: 30, percent: 96.67, band: '基本合格', vetoed: true, complete: true,
      findings: ['tch2'], unanswered: [],
    })
    expect(r.vetoes).toEqual([expect.objectContaining({ itemId: 'tch2', optionId: 'minor', ceilingLabel: '基本合格' })])
    // The flagged item has its document attached; the unscored record items are not "unanswered".
    expect(r.missingEvidence).toEqual([])
  })

  it('lets the lowest ceiling win when a minor and a major violation meet', () => {
    const r = score('minor-and-major')
    // 28 / 30 = 93.33 %; ceilings 基本合格 (tch4) and veto: true = lowest band 不合格 (int1) → 不合格
    expect(summary(r)).toEqual({
      total: 28, max: 30, percent: 93.33, band: '不合格', vetoed: true, complete: true,
      findings: ['tch4', 'int1'], unanswered: [],
    })
    expect(r.vetoes.map((v) => [v.itemId, v.ceilingLabel])).toEqual([
      ['tch4', '基本合格'],
      ['int1', '不合格'],
    ])
  })

  it('reports an unanswered item and an incomplete review without inventing a violation', () => {
    // aca3 unanswered: 0 of 1, max kept → 29 / 30; no veto → 合格, complete false
    expect(summary(score('unanswered-item'))).toEqual({
      total: 29, max: 30, percent: 96.67, band: '合格', vetoed: false, complete: false,
      findings: [], unanswered: ['aca3'],
    })
  })
})
