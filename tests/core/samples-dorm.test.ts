/**
 * The dorm-room and floor-common-area samples scored by hand (arithmetic in the comments).
 * Dorm: sections 用电 30, 消防 28, 治安与纪律 32, 冬季专项 10 (only when the winter check is on).
 * Floor: yes/no points 2, 1.5, 1.5 | 1.5, 2, 0.5 | 1, 1 = 11, normalized to 100.
 */
import { describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import { fixture, itemResult, sample, sectionFigures, summary } from '../fixtures/load'

const dorm = sample('dorm-room-safety')
const floor = sample('floor-common-area')
const scoreDorm = (name: string) => scoreResponse(dorm, fixture('dorm-room-safety', name))
const scoreFloor = (name: string) => scoreResponse(floor, fixture('floor-common-area', name))

describe('dorm-room sample, scored by hand', () => {
  it('starts a room at full marks from the defaults alone, without the hidden winter items', () => {
    const r = scoreDorm('clean-room-defaults')
    // Every item has a compliant default → answered, no deduction; winter-check defaults to 否 so
    // heater-stored and heater-unattended are hidden: max 30 + 28 + 32 = 90, total 90 → 100 % → 优秀
    expect(summary(r)).toEqual({
      total: 90, max: 90, percent: 100, band: '优秀', vetoed: false, complete: true,
      findings: [], unanswered: [],
    })
    expect(itemResult(r, 'heater-stored')).toMatchObject({ hidden: true, score: 0, max: 0 })
  })

  it('deducts per occurrence with floors during a winter round and lists the findings for rectification', () => {
    const r = scoreDorm('winter-findings')
    // 用电: appliance-stored 4 − 2 = 2; power-strip 4 − 2×2 = 0; the rest full → 30 − 2 − 4 = 24 / 30
    // 消防: combustibles 4 − 4×2 = −4 → floor 0 → 28 − 4 = 24 / 28
    // 治安: unlocked 2 − 0.5 = 1.5 → 32 − 0.5 = 31.5 / 32
    // 冬季 (visible): heater-stored 4; heater-unattended 6 − 3 = 3 → 7 / 10
    // total 24 + 24 + 31.5 + 7 = 86.5 / 100 → 86.5 % → 良好 (basis percent)
    expect(summary(r)).toEqual({
      total: 86.5, max: 100, percent: 86.5, band: '良好', vetoed: false, complete: true,
      findings: ['appliance-stored', 'power-strip', 'socket-damaged', 'combustibles', 'unlocked', 'heater-unattended'],
      unanswered: [],
    })
    expect(sectionFigures(r)).toMatchObject({
      electric: [24, 30, 80], fire: [24, 28, 85.71], security: [31.5, 32, 98.44], winter: [7, 10, 70],
    })
    // Photos are required on flagged items that carry an evidence rule; two findings have none
    // (unlocked has no evidence rule: a door left open is not photographed).
    expect(r.missingEvidence).toEqual(['power-strip', 'heater-unattended'])
    const f = r.findings.find((x) => x.itemId === 'combustibles')
    expect(f).toMatchObject({ sectionId: 'fire', rootSectionId: 'fire', count: 4, attachments: ['ph-boxes'] })
  })

  it('sends the room to 0 on a red line (违规电器正在使用) and says which item did it', () => {
    const r = scoreDorm('red-line-in-use')
    // before the red line: 用电 30 − 4 = 26, 消防 28 − 5 = 23, 治安 32 → 81 / 90; zero: total → 0 → 不合格
    expect(summary(r)).toEqual({
      total: 0, max: 90, percent: 0, band: '不合格', vetoed: false, complete: true,
      findings: ['appliance-in-use', 'smoking'], unanswered: [],
    })
    expect(r.zeroes).toEqual([expect.objectContaining({ itemId: 'appliance-in-use', scope: 'total' })])
  })

  it('ignores an answer left on an item hidden by visibleIf', () => {
    const r = scoreDorm('winter-off-hidden-answer')
    // heater-stored = 3 but winter-check = 否 → hidden: removed from score, max and findings
    // knife 有 → 10 − 10 = 0 → 治安 22; total 30 + 28 + 22 = 80 / 90 = 88.888… → 88.89 % → 良好
    expect(summary(r)).toEqual({
      total: 80, max: 90, percent: 88.89, band: '良好', vetoed: false, complete: true,
      findings: ['knife'], unanswered: [],
    })
    expect(itemResult(r, 'heater-stored')).toMatchObject({ hidden: true, score: 0, max: 0, flagged: false })
  })
})

describe('floor-common-area sample, normalized to 100, scored by hand', () => {
  it('gives 100 when every applicable answer is 是', () => {
    // raw 11 / 11 × 100 = 100
    expect(summary(scoreFloor('all-yes'))).toEqual({
      total: 100, max: 100, percent: 100, band: '优秀', vetoed: false, complete: true, findings: [], unanswered: [],
    })
  })

  it('removes 不适用 items from the max before rescaling, rounding half-up to hundredths', () => {
    const r = scoreFloor('not-applicable-normalized')
    // N/A: smoke-detector 1.5, distribution-box 1 → applicable max 11 − 2.5 = 8.5
    // raw 2 + 1.5 + 1.5 + 2 + 0 (疏散图 否) + 0 (楼道 否) = 7 → 7 / 8.5 × 100 = 82.3529… → 82.35 → 良好
    expect(summary(r)).toEqual({
      total: 82.35, max: 100, percent: 82.35, band: '良好', vetoed: false, complete: true,
      findings: ['evacuation-map', 'corridor-clear'], unanswered: [],
    })
    expect(r.base).toBe(82.35)
    expect(r.missingEvidence).toEqual(['corridor-clear'])
  })

  it('keeps the max of unanswered items, so an incomplete round scores low and says what is missing', () => {
    const r = scoreFloor('incomplete')
    // extinguisher 否 0; hydrant and fire-door unanswered (0, max kept): raw 1.5 + 1.5 + 0.5 + 1 + 1 = 5.5
    // 5.5 / 11 × 100 = 50 → 不合格
    expect(summary(r)).toEqual({
      total: 50, max: 100, percent: 50, band: '不合格', vetoed: false, complete: false,
      findings: ['extinguisher'], unanswered: ['hydrant', 'fire-door'],
    })
  })
})
