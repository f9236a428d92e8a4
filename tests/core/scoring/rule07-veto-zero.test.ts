import { describe, expect, it } from 'vitest'
import type { TemplateScoring } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { count, ded, opt, resp, section, single, tpl, yesNo } from './builders'

const bands: TemplateScoring = {
  bands: [
    { id: 'red', label: '红旗', min: 95 },
    { label: '优秀', min: 90 },
    { id: 'good', label: '良好', min: 80 },
    { id: 'fail', label: '不合格', min: 0 },
  ],
}
/** A 100-point template whose item `v` carries the given veto on option `bad`. */
const withVeto = (veto: true | string, extra: Partial<TemplateScoring> = {}) =>
  tpl(
    [
      section('s', [
        yesNo('q', 99),
        single('v', [ded('ok', 0), ded('bad', 0, { veto })], { max: 1 }),
        single('w', [ded('ok', 0), ded('bad', 0, { veto: 'good' })], { max: 0 }),
      ]),
    ],
    { ...bands, ...extra },
  )

describe('rule 7: veto (一票否决) and red lines (红线)', () => {
  it.each([
    ['true caps at the lowest band', true as const, '不合格', 3],
    ['a band id caps at that band', 'good', '良好', 2],
    ['a label caps at a band without id', '优秀', '优秀', 1],
  ])('%s, and the points are still reported', (_name, veto, label, index) => {
    const r = scoreResponse(withVeto(veto), resp({ q: 'yes', v: 'bad', w: 'ok' }))
    expect(r).toMatchObject({ total: 100, vetoed: true, band: { label, index } })
    expect(r.vetoes).toEqual([{ itemId: 'v', optionId: 'bad', ceilingIndex: index, ceilingLabel: label }])
    // A band above the lowest only caps the grade: the step says so (等次上限, not 一票否决).
    expect(r.items[1]?.steps).toContainEqual({ rule: 'veto', ceiling: label, ...(index < 3 && { capped: true }) })
  })

  it('lets the lowest ceiling win when several vetoes fire', () => {
    const r = scoreResponse(withVeto('优秀'), resp({ q: 'yes', v: 'bad', w: 'bad' }))
    expect(r.band?.label).toBe('良好')
    expect(r.vetoes.map((v) => v.itemId)).toEqual(['v', 'w'])
  })

  it('vetoes on a count above 0, not at 0', () => {
    const t = tpl([section('s', [yesNo('q', 100), count('c', 0, 0, { veto: true })])], bands)
    expect(scoreResponse(t, resp({ q: 'yes', c: 0 })).band?.label).toBe('红旗')
    expect(scoreResponse(t, resp({ q: 'yes', c: 2 })).band?.label).toBe('不合格')
  })

  it('ignores the veto of a hidden item', () => {
    const t = tpl([section('s', [yesNo('q', 100), single('v', [ded('bad', 0, { veto: true })], { max: 0, visibleIf: false })])], bands)
    expect(scoreResponse(t, resp({ q: 'yes', v: 'bad' })).vetoed).toBe(false)
  })

  it('zeroes the item only, keeping its max, with zero: item', () => {
    const t = tpl([section('s', [single('q', [opt('good', { points: 5 }), opt('fake', { points: 5, zero: 'item' })]), yesNo('r', 5)])])
    const r = scoreResponse(t, resp({ q: 'fake', r: 'yes' }))
    expect(r.items[0]).toMatchObject({ score: 0, max: 5 })
    expect(r).toMatchObject({ total: 5, max: 10 })
    expect(r.zeroes).toEqual([{ itemId: 'q', optionId: 'fake', scope: 'item' }])
  })

  it('zeroes the innermost section and its bonus, keeping its max, with zero: section', () => {
    const inner = section('inner', [count('cable', 5, 2, { zero: 'section' }), yesNo('b', 5, { bonus: true })])
    const t = tpl([section('outer', [yesNo('a', 10), inner])], { allowOverMax: true })
    const r = scoreResponse(t, resp({ a: 'yes', cable: 1, b: 'yes' }))
    expect(r.sections[0]?.sections[0]).toMatchObject({ score: 0, max: 5, bonus: 0, zeroed: true })
    expect(r.sections[0]).toMatchObject({ score: 10, max: 15, zeroed: false })
    expect(r.zeroes).toEqual([{ itemId: 'cable', scope: 'section', sectionId: 'inner' }])
  })

  it('sends the total to 0 last with zero: total (the room scores 0)', () => {
    const t = tpl([section('s', [yesNo('a', 95), count('fire', 5, 5, { zero: 'total', flag: true })])], bands)
    const r = scoreResponse(t, resp({ a: 'yes', fire: 1 }))
    expect(r).toMatchObject({ total: 0, max: 100, base: 95, percent: 0, band: { label: '不合格' } })
    expect(r.steps.at(-1)).toEqual({ rule: 'zeroTotal', itemId: 'fire', from: 95 })
    expect(r.zeroes).toEqual([{ itemId: 'fire', scope: 'total' }])
  })
})
