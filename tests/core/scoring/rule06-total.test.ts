import { describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import { NA, count, pts, resp, scored, section, single, tpl, yesNo } from './builders'

describe('rule 6: the total, in order', () => {
  it('adds the top-level sections by default', () => {
    const t = tpl([section('a', [yesNo('x', 5)]), section('b', [scored('y', 10)])])
    const r = scoreResponse(t, resp({ x: 'part', y: 7.5 }))
    expect(r).toMatchObject({ total: 11.5, max: 15, base: 11.5, percent: 76.67 })
    expect(r.steps).toEqual([{ rule: 'sum', score: 11.5, max: 15 }])
  })

  it('weights each section percentage, rounding each product half-up to hundredths', () => {
    // 2/3 × 45 = 30; 1/3 × 35 = 11.666… → 11.67; 7/8 × 20 = 17.5
    const t = tpl(
      [
        section('a', [scored('x', 3)], { weight: 45 }),
        section('b', [scored('y', 3)], { weight: 35 }),
        section('c', [scored('z', 8)], { weight: 20 }),
      ],
      { method: 'weighted', max: 100 },
    )
    const r = scoreResponse(t, resp({ x: 2, y: 1, z: 7 }))
    expect(r).toMatchObject({ total: 59.17, max: 100 })
    expect(r.steps).toContainEqual({ rule: 'weighted', sectionId: 'b', score: 1, max: 3, weight: 35, value: 11.67 })
  })

  it('drops the weight of a section with nothing applicable from the max, and notes it', () => {
    const t = tpl(
      [section('a', [scored('x', 10)], { weight: 70 }), section('b', [yesNo('y', 5, { na: true })], { weight: 30 })],
      { method: 'weighted', max: 100 },
    )
    const r = scoreResponse(t, resp({ x: 5, y: NA }))
    expect(r).toMatchObject({ total: 35, max: 70, percent: 50 })
    expect(r.steps).toContainEqual({ rule: 'weightDropped', sectionId: 'b', weight: 30 })
    expect(r.notes.map((n) => n.code)).toContain('weightDropped')
  })

  it('normalizes a weighted total whose weights were dropped back to scoring.max', () => {
    const t = tpl(
      [section('a', [scored('x', 10)], { weight: 70 }), section('b', [yesNo('y', 5, { na: true })], { weight: 30 })],
      { method: 'weighted', max: 100, normalize: true },
    )
    expect(scoreResponse(t, resp({ x: 5, y: NA }))).toMatchObject({ total: 50, max: 100 })
  })

  it('records the steps in the order a, b, c, d, f', () => {
    const t = tpl(
      [
        section('s', [yesNo('q', 10), count('fire', 0, 0, { zero: 'total', flag: true })]),
        section('plus', [single('b', [pts('n', 0), pts('y', 5)])], { bonus: true }),
      ],
      { normalize: true, max: 100, bonusMax: 3 },
    )
    const r = scoreResponse(t, resp({ q: 'yes', fire: 1, b: 'y' }))
    expect(r.steps.map((s) => s.rule)).toEqual(['sum', 'normalize', 'bonusCap', 'addBonus', 'maxCap', 'zeroTotal'])
    expect(r).toMatchObject({ base: 100, bonus: 3, total: 0 })
  })

  it('goes over the max only with allowOverMax', () => {
    const sections = [section('s', [yesNo('q', 10)]), section('plus', [single('b', [pts('y', 2)])], { bonus: true })]
    expect(scoreResponse(tpl(sections), resp({ q: 'yes', b: 'y' })).total).toBe(10)
    expect(scoreResponse(tpl(sections, { allowOverMax: true }), resp({ q: 'yes', b: 'y' })).total).toBe(12)
  })
})
