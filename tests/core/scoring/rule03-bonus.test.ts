import { describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import { pts, resp, section, single, tpl, yesNo } from './builders'

const award = (id: string, extra = {}) => single(id, [pts('none', 0), pts('school', 1), pts('city', 3)], extra)

describe('rule 3: bonus (加分项)', () => {
  it('adds a bonus item to the section bonus and nothing to its score or max', () => {
    const t = tpl([section('s', [yesNo('q', 10), award('b', { bonus: true })])])
    const r = scoreResponse(t, resp({ q: 'yes', b: 'city' }))
    expect(r.sections[0]).toMatchObject({ score: 10, max: 10, bonus: 3 })
    expect(r.items[1]).toMatchObject({ bonus: true, score: 3 })
    expect(r).toMatchObject({ base: 10, bonus: 3, max: 10 })
  })

  it('collects a bonus section apart: score 0, max 0, no percentage', () => {
    const t = tpl([section('s', [yesNo('q', 10)]), section('plus', [award('b')], { bonus: true })], { allowOverMax: true })
    const r = scoreResponse(t, resp({ q: 'part', b: 'city' }))
    expect(r.sections[1]).toMatchObject({ id: 'plus', isBonus: true, score: 0, max: 0, percent: null, bonus: 3 })
    expect(r).toMatchObject({ base: 9, bonus: 3, total: 12, max: 10 })
  })

  it.each([
    ['the section bonusMax', { bonusMax: 2 }, undefined, 2],
    ['the template bonusMax', {}, 1.5, 1.5],
    ['the lower of both', { bonusMax: 2 }, 1, 1],
  ])('caps the bonus by %s', (_name, sectionExtra, templateCap, expected) => {
    const plus = section('plus', [award('b1'), award('b2')], { bonus: true, ...sectionExtra })
    const t = tpl([section('s', [yesNo('q', 10)]), plus], { allowOverMax: true, bonusMax: templateCap })
    const r = scoreResponse(t, resp({ q: 'part', b1: 'city', b2: 'school' }))
    expect(r.bonus).toBe(expected)
    expect(r.total).toBe(9 + expected)
  })

  it('rolls a child bonus up to its parent, where the parent cap applies again', () => {
    const child = section('child', [award('b1', { bonus: true }), yesNo('q', 4)], { bonusMax: 3 })
    const t = tpl([section('parent', [child, award('b2', { bonus: true })], { bonusMax: 4 })], { allowOverMax: true })
    const r = scoreResponse(t, resp({ q: 'yes', b1: 'city', b2: 'city' }))
    expect(r.sections[0]?.sections[0]?.bonus).toBe(3)
    expect(r.sections[0]?.bonus).toBe(4)
    expect(r.sections[0]?.steps).toContainEqual({ rule: 'bonusCap', from: 6, to: 4, cap: 4 })
    expect(r.total).toBe(8)
  })

  it('adds the bonus after normalizing, then caps at the max unless allowOverMax', () => {
    const sections = [section('s', [yesNo('q', 10)]), section('plus', [award('b')], { bonus: true })]
    const capped = scoreResponse(tpl(sections, { normalize: true, max: 100 }), resp({ q: 'yes', b: 'city' }))
    expect(capped).toMatchObject({ base: 100, bonus: 3, total: 100, max: 100 })
    const over = scoreResponse(tpl(sections, { normalize: true, max: 100, allowOverMax: true }), resp({ q: 'part', b: 'city' }))
    expect(over).toMatchObject({ base: 90, bonus: 3, total: 93 })
  })
})
