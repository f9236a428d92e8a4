import { describe, expect, it } from 'vitest'
import type { Band, TemplateScoring } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { resp, scored, section, tpl } from './builders'

const grades: Band[] = [
  { id: 'a', label: '优秀', min: 90, color: '#0a0' },
  { id: 'b', label: '良好', min: 75 },
  { id: 'c', label: '及格', min: 60 },
  { id: 'd', label: '不及格', min: 0 },
]
const one = (scoring: TemplateScoring, max = 100) => tpl([section('s', [scored('x', max)])], scoring)

describe('rule 8: grade bands', () => {
  it.each([
    [100, '优秀'],
    [90, '优秀'],
    [89.99, '良好'],
    [75, '良好'],
    [60, '及格'],
    [59.5, '不及格'],
    [0, '不及格'],
  ])('on points, a total of %d is %s (min inclusive)', (x, label) => {
    expect(scoreResponse(one({ bands: grades }), resp({ x })).band?.label).toBe(label)
  })

  it('reports the band id, label, color and index', () => {
    expect(scoreResponse(one({ bands: grades }), resp({ x: 95 })).band).toEqual({ id: 'a', label: '优秀', color: '#0a0', index: 0 })
  })

  it('compares the percentage on basis percent', () => {
    const r = scoreResponse(one({ bands: grades, basis: 'percent' }, 20), resp({ x: 18 }))
    expect(r).toMatchObject({ total: 18, percent: 90, band: { label: '优秀' } })
  })

  it('requires `when` to hold: 红旗 only if every first-level section reaches 80 %', () => {
    const scoring: TemplateScoring = {
      bands: [
        { id: 'red', label: '红旗', min: 95, when: { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] } },
        { id: 'ok', label: '合格', min: 0 },
      ],
    }
    const t = tpl([section('a', [scored('x', 90)]), section('b', [scored('y', 10)])], scoring)
    expect(scoreResponse(t, resp({ x: 90, y: 8 })).band?.label).toBe('红旗')
    expect(scoreResponse(t, resp({ x: 90, y: 7 })).band?.label).toBe('合格')
  })

  it('falls back to the lowest band, with a note, when no band qualifies', () => {
    const scoring: TemplateScoring = { bands: [{ label: '优秀', min: 90 }, { label: '合格', min: 60 }] }
    const r = scoreResponse(one(scoring), resp({ x: 40 }))
    expect(r.band).toEqual({ label: '合格', index: 1 })
    expect(r.notes.map((n) => n.code)).toContain('lowestBandFallback')
  })

  it('has no grade without bands', () => {
    expect(scoreResponse(one({}), resp({ x: 40 })).band).toBeNull()
  })
})
