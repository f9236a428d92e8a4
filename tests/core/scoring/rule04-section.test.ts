import { describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import { count, pts, resp, scored, section, single, tpl, yesNo } from './builders'

describe('rule 4: section', () => {
  it('adds its items and its child sections', () => {
    const t = tpl([section('s', [yesNo('a', 5), section('c', [yesNo('b', 3), scored('x', 2)])])])
    const r = scoreResponse(t, resp({ a: 'part', b: 'yes', x: 1.5 }))
    expect(r.sections[0]).toMatchObject({ score: 8.5, max: 10, percent: 85 })
    expect(r.sections[0]?.sections[0]).toMatchObject({ id: 'c', score: 4.5, max: 5, percent: 90 })
  })

  it('caps its score and its max at its own max', () => {
    const t = tpl([section('s', [single('a', [pts('y', 6), pts('n', 0)]), single('b', [pts('y', 6), pts('n', 0)])], { max: 10 })])
    const r = scoreResponse(t, resp({ a: 'y', b: 'y' }))
    expect(r.sections[0]).toMatchObject({ score: 10, max: 10 })
    expect(r.sections[0]?.steps).toEqual([
      { rule: 'sectionMax', from: 12, to: 10 },
      { rule: 'sectionCap', from: 12, to: 10 },
    ])
  })

  it('keeps a smaller applicable max when N/A items leave the section', () => {
    const t = tpl([section('s', [yesNo('a', 6, { na: true }), yesNo('b', 6)], { max: 10 })])
    const r = scoreResponse(t, resp({ a: { na: true }, b: 'yes' }))
    expect(r.sections[0]).toMatchObject({ score: 6, max: 6 })
  })

  it('floors the section at 0 even when its items may go negative', () => {
    const t = tpl([section('s', [count('a', 2, 1, { allowNegative: true }), count('b', 1, 1)])])
    const r = scoreResponse(t, resp({ a: 5, b: 0 }))
    expect(r.items.map((i) => i.score)).toEqual([-3, 1])
    expect(r.sections[0]).toMatchObject({ score: 0, max: 3 })
    expect(r.sections[0]?.steps).toContainEqual({ rule: 'floor', from: -2, to: 0 })
  })
})
