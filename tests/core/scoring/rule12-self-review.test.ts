import { describe, expect, it } from 'vitest'
import { compareResults, scoreResponse } from '@/core/scoring'
import { NA, count, resp, scored, section, tpl, yesNo } from './builders'

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
      { id: 'b1', self: 2, review: 1.5, difference: -0.5, selfMax: 2, reviewMax: 2, sections: [] },
    ])
    expect(cmp.total).toMatchObject({ self: 19.4, review: 12.2, difference: -7.2, selfMax: 20, reviewMax: 15 })
  })

  it('shows an identical review as no difference anywhere', () => {
    const same = compareResults(self, self)
    expect(same.items.every((i) => i.difference === 0 || i.difference === null)).toBe(true)
    expect(same.total.difference).toBe(0)
  })
})
