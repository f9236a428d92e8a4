/**
 * A weighted variant (评星定级: 基础项 × 70 % + 评议项 × 30 %) kept in tests/fixtures, because no
 * shipped sample weights its sections. Hand arithmetic in the comments; rule numbers from format.md.
 */
import { describe, expect, it } from 'vitest'
import type { Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { fixture, itemResult, readJson, sectionFigures, summary } from '../fixtures/load'

const template = readJson('tests/fixtures/star-rating-weighted/template.json') as Template
const score = (name: string) => scoreResponse(template, fixture('star-rating-weighted', name))

describe('weighted variant, scored by hand', () => {
  it('rounds a weighted share half-up to hundredths, exactly (59.745 → 59.75)', () => {
    const r = score('half-up-weighting')
    // base 50.35 + 35 = 85.35 / 100 → 85.35 % × 70 = 59.745 → 59.75 (a float would give 59.74)
    // review 45.5 + 40 = 85.5 / 100 → 85.5 % × 30 = 25.65; total 59.75 + 25.65 = 85.4 → 四星
    expect(summary(r)).toEqual({
      total: 85.4, max: 100, percent: 85.4, band: '四星', vetoed: false, complete: true, findings: [], unanswered: [],
    })
    expect(sectionFigures(r)).toMatchObject({ base: [85.35, 100, 85.35], review: [85.5, 100, 85.5] })
  })

  it('caps a section at its max, adds the bonus after weighting and caps the total at the max', () => {
    const r = score('bonus-capped-at-max')
    // base 60 + 40 − 1×2 (allowNegative item: −2) = 98 / 100 → × 70 = 68.6
    // review 55 + 50 = 105 → capped at the section max 100 → 100 % × 30 = 30 → base total 98.6
    // bonus 创新 5 (≤ bonusMax 5) → 103.6 → capped at max 100 (no allowOverMax) → 100 → 五星
    expect(summary(r)).toMatchObject({ total: 100, max: 100, percent: 100, band: '五星' })
    expect(r.base).toBe(98.6)
    expect(r.bonus).toBe(5)
    expect(sectionFigures(r)).toMatchObject({ base: [98, 100, 98], review: [100, 100, 100] })
    expect(itemResult(r, 'penalty').score).toBe(-2)
  })

  it('zeroes only the section a red line names', () => {
    const r = score('section-zeroed')
    // 台账弄虚作假 → zero: section → base 0 → 0 × 70 = 0; review 60 / 100 × 30 = 18 → total 18 → 一星
    expect(summary(r)).toEqual({
      total: 18, max: 100, percent: 18, band: '一星', vetoed: false, complete: true,
      findings: ['falsified'], unanswered: [],
    })
    expect(r.zeroes).toEqual([expect.objectContaining({ itemId: 'falsified', scope: 'section', sectionId: 'base' })])
    expect(sectionFigures(r).base?.[0]).toBe(0)
  })

  it('lets a negative item pull its section down but never below 0', () => {
    const r = score('negative-penalty-floored')
    // penalty 2 × 2 = −4 (allowNegative); base 1 + 0 − 4 = −3 → section floor 0
    // review 60 + 40 = 100 → 30; total 0 + 30 = 30 → 一星
    expect(summary(r)).toMatchObject({ total: 30, max: 100, band: '一星' })
    expect(itemResult(r, 'penalty').score).toBe(-4)
    expect(sectionFigures(r).base).toEqual([0, 100, 0])
  })
})

describe('normalizing with nothing applicable', () => {
  it('scores 0 and says why when every item is not applicable', () => {
    // Tiny builder: two N/A-able yes/no items, both answered 不适用 → applicableMax 0 → total 0 (rule 5)
    const yn = (id: string) => ({
      id, type: 'single' as const, title: id, na: true,
      options: [{ id: 'yes', label: '是', points: 1 }, { id: 'no', label: '否', points: 0 }],
    })
    const t: Template = {
      id: 'all-na', version: 1, title: 'all N/A',
      sections: [{ id: 's', title: 's', items: [yn('a'), yn('b')] }],
      scoring: { normalize: true, max: 100 },
    }
    const r = scoreResponse(t, { templateId: 'all-na', templateVersion: 1, answers: { a: { na: true }, b: { na: true } } })
    expect(r.total).toBe(0)
    expect(r.max).toBe(100)
    expect(r.band).toBeNull()
    expect(r.notes.length).toBeGreaterThan(0)
  })
})
