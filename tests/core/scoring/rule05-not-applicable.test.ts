import { describe, expect, it } from 'vitest'
import { forgetTemplate, scoreResponse } from '@/core/scoring'
import { NA, ded, opt, resp, section, single, text, tpl, yesNo } from './builders'

describe('rule 5: not applicable and hidden', () => {
  it('removes an N/A answer from both score and max', () => {
    const t = tpl([section('s', [yesNo('a', 5, { na: true }), yesNo('b', 5)])])
    const r = scoreResponse(t, resp({ a: NA, b: 'part' }))
    expect(r).toMatchObject({ total: 4, max: 5, percent: 80 })
    expect(r.items[0]).toMatchObject({ na: true, score: 0, max: 0, steps: [{ rule: 'na' }] })
  })

  it('treats choosing an option marked na as not applicable', () => {
    const t = tpl([section('s', [single('a', [ded('y', 0), ded('n', 3), opt('x', { na: true })], { max: 3 }), yesNo('b', 5)])])
    const r = scoreResponse(t, resp({ a: 'x', b: 'yes' }))
    expect(r).toMatchObject({ total: 5, max: 5 })
    expect(r.items[0]?.na).toBe(true)
  })

  it('removes a hidden item the same way, even when it was answered', () => {
    const t = tpl([section('s', [yesNo('has', 2), yesNo('detail', 5, { visibleIf: { '==': [{ var: 'has' }, 'yes'] } })])])
    const r = scoreResponse(t, resp({ has: 'no', detail: 'no' }))
    expect(r).toMatchObject({ total: 0, max: 2 })
    expect(r.items[1]).toMatchObject({ hidden: true, score: 0, max: 0, steps: [{ rule: 'hidden' }] })
  })

  it('makes a hidden item read as null to the conditions after it', () => {
    const t = tpl([
      section('s', [
        yesNo('a', 1),
        yesNo('b', 1, { visibleIf: { '==': [{ var: 'a' }, 'yes'] } }),
        // Declared before the item it reads: order of evaluation follows the dependencies.
        yesNo('d', 1, { visibleIf: { '==': [{ var: 'c' }, null] } }),
        yesNo('c', 1, { visibleIf: { '==': [{ var: 'b' }, 'yes'] } }),
      ]),
    ])
    const r = scoreResponse(t, resp({ a: 'no', b: 'yes', c: 'yes', d: 'yes' }))
    expect(r.items.map((i) => [i.id, i.hidden])).toEqual([['a', false], ['b', true], ['d', false], ['c', true]])
  })

  it('hides every item of a section whose condition fails, nested sections included', () => {
    const t = tpl([
      section('gate', [yesNo('hasLab', 1)]),
      section('lab', [yesNo('l1', 5), section('sub', [yesNo('l2', 5)])], { visibleIf: { '==': [{ var: 'hasLab' }, 'yes'] } }),
    ])
    const r = scoreResponse(t, resp({ hasLab: 'no', l1: 'yes', l2: 'yes' }))
    expect(r).toMatchObject({ total: 0, max: 1 })
    expect(r.sections[1]).toMatchObject({ hidden: true, score: 0, max: 0, percent: null })
    expect(r.sections[1]?.sections[0]?.hidden).toBe(true)
    expect(r.unanswered).toEqual([])
  })

  it('rescales to scoring.max with normalize, over the applicable max', () => {
    const t = tpl([section('s', [yesNo('a', 5, { na: true }), yesNo('b', 5), yesNo('c', 10)])], { normalize: true, max: 100 })
    const r = scoreResponse(t, resp({ a: NA, b: 'yes', c: 'part' }))
    expect(r).toMatchObject({ total: 93.33, max: 100, base: 93.33 })
    expect(r.steps).toContainEqual({ rule: 'normalize', raw: 14, applicableMax: 15, scale: 100, value: 93.33 })
  })

  it('scores 0 and says why when nothing applicable is left to normalize', () => {
    const t = tpl([section('s', [yesNo('a', 5, { na: true })])], { normalize: true, max: 100 })
    const r = scoreResponse(t, resp({ a: NA }))
    expect(r).toMatchObject({ total: 0, max: 100, percent: 0 })
    expect(r.notes.map((n) => n.code)).toContain('applicableMaxZero')
  })

  it('shows the items of a visibility cycle and notes it', () => {
    const t = tpl([
      section('s', [
        yesNo('a', 1, { visibleIf: { '==': [{ var: 'b' }, 'no'] } }),
        yesNo('b', 1, { visibleIf: { '==': [{ var: 'a' }, 'no'] } }),
        text('t', { visibleIf: { '==': [{ var: 'a' }, 'no'] } }),
      ]),
    ])
    const r = scoreResponse(t, resp({ a: 'yes', b: 'yes' }))
    expect(r.items.map((i) => i.hidden)).toEqual([false, false, true])
    expect(r.notes.map((n) => n.code)).toContain('visibilityCycle')
  })
})

describe('the per-template cache', () => {
  it('scores an edited template afresh after forgetTemplate', () => {
    const t = tpl([section('s', [yesNo('a', 5), yesNo('b', 5)])])
    expect(scoreResponse(t, resp({ a: 'yes', b: 'yes' })).max).toBe(10)
    const b = t.sections[0]?.items[1]
    if (b) b.visibleIf = false
    forgetTemplate(t)
    expect(scoreResponse(t, resp({ a: 'yes', b: 'yes' })).max).toBe(5)
  })
})
