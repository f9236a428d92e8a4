import { describe, expect, it } from 'vitest'
import { compareResults, scoreResponse } from '@/core/scoring'
import { NA, count, pts, resp, scored, section, single, tpl, yesNo } from './builders'

const t = tpl([
  section('a', [scored('x', 10), count('c', 3, 0.1)]),
  section('b', [yesNo('y', 5, { na: true }), section('b1', [scored('z', 2)])]),
])

describe('rule 12: self-assessment against review', () => {
  const self = scoreResponse(t, resp({ x: 9.5, c: 1, y: 'yes', z: 2 }, { role: 'self' }))
  const review = scoreResponse(t, resp({ x: 8, c: 3, y: NA, z: 1.5 }, { role: 'review' }))
  const cmp = compareResults(self, review)

  it('compares every item, review minus self, exactly', () => {
    expect(cmp.items).toEqual([
      { id: 'x', self: 9.5, review: 8, difference: -1.5, selfMax: 10, reviewMax: 10 },
      { id: 'c', self: 2.9, review: 2.7, difference: -0.2, selfMax: 3, reviewMax: 3 },
      { id: 'y', self: 5, review: null, difference: null, selfMax: 5, reviewMax: null },
      { id: 'z', self: 2, review: 1.5, difference: -0.5, selfMax: 2, reviewMax: 2 },
    ])
  })

  it('compares sections nested like the template, and the total', () => {
    expect(cmp.sections.map((s) => [s.id, s.self, s.review, s.difference])).toEqual([
      ['a', 12.4, 10.7, -1.7],
      ['b', 7, 1.5, -5.5],
    ])
    expect(cmp.sections[1]?.sections).toEqual([
      { id: 'b1', self: 2, review: 1.5, difference: -0.5, selfMax: 2, reviewMax: 2, selfBonus: 0, reviewBonus: 0, sections: [] },
    ])
    expect(cmp.total).toMatchObject({ self: 19.4, review: 12.2, difference: -7.2, selfMax: 20, reviewMax: 15 })
  })

  it('shows an identical review as no difference anywhere', () => {
    const same = compareResults(self, self)
    expect(same.items.every((i) => i.difference === 0 || i.difference === null)).toBe(true)
    expect(same.total.difference).toBe(0)
  })
})

describe('rule 12: bonus on each side', () => {
  // A 加分项 section: base 0 and max 0, so its points are all bonus.
  const t2 = tpl([
    section('a', [scored('x', 10)]),
    section('plus', [single('promoted', [pts('no', 0), pts('yes', 2)]), scored('media', 5, { bonus: true })], { bonus: true }),
  ], { allowOverMax: true })
  const self = scoreResponse(t2, resp({ x: 9, promoted: 'yes' }, { role: 'self' }))
  const review = scoreResponse(t2, resp({ x: 8, promoted: 'no', media: 0.5 }, { role: 'review' }))
  const cmp = compareResults(self, review)

  it('counts a bonus section by its bonus, not its base of 0', () => {
    expect(cmp.sections.find((s) => s.id === 'plus')).toMatchObject({
      self: 2, review: 0.5, difference: -1.5, selfBonus: 2, reviewBonus: 0.5, selfMax: 0, reviewMax: 0,
    })
    expect(cmp.sections.find((s) => s.id === 'a')).toMatchObject({ self: 9, review: 8, difference: -1, selfBonus: 0, reviewBonus: 0 })
  })

  it('states the bonus within each total', () => {
    expect(cmp.total).toMatchObject({ self: 11, review: 8.5, difference: -2.5, selfBonus: 2, reviewBonus: 0.5 })
  })
})
