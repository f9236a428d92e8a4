import { describe, expect, it } from 'vitest'
import type { Answer, Item, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { deriveItemStates, patchItemStates, progressOf, stepsEqual, submitBlockers, type ItemState } from '@/core/answers'

const template: Template = {
  id: 't',
  version: 1,
  title: 'T',
  sections: [
    {
      id: 's',
      title: 'S',
      items: [
        { id: 'a', type: 'count', title: 'A', max: 4, deductEach: 1, flag: true, evidence: { required: 'onFlag', min: 2 } },
        { id: 'b', type: 'text', title: 'B', requiredIf: { '>': [{ var: 'a' }, 0] } },
        { id: 'c', type: 'info', title: 'C' },
      ],
    },
  ],
}

const oneSection = (items: Item[]): Template => ({ id: 't', version: 1, title: 'T', sections: [{ id: 's', title: 'S', items }] })

function statesOf(tpl: Template, answers: Record<string, Answer>, previous?: readonly ItemState[]): ItemState[] {
  return deriveItemStates(tpl, answers, scoreResponse(tpl, { templateId: 't', templateVersion: 1, answers }), previous)
}

const states = (answers: Record<string, Answer>) => statesOf(template, answers)

describe('the answer model', () => {
  it('asks for evidence and makes an item required as the answers change', () => {
    const [quietA, quietB] = states({ a: { value: 0 } })
    expect(quietA?.evidenceNeeded).toBe(0)
    expect(quietB?.required).toBe(false)
    const found = states({ a: { value: 2 } })
    expect(found[0]).toMatchObject({ flagged: true, evidenceNeeded: 2, missingEvidence: true })
    expect(found[1]?.required).toBe(true)
    expect(submitBlockers(template, found).map((b) => [b.itemId, b.reason])).toEqual([
      ['a', 'evidence'],
      ['b', 'required'],
    ])
  })

  it('never blocks a review for evidence, which is the reviewed self-assessment\'s, but still for answers', () => {
    const found = states({ a: { value: 2 } })
    expect(submitBlockers(template, found, 'review').map((b) => [b.itemId, b.reason])).toEqual([['b', 'required']])
    expect(submitBlockers(template, found, 'self').map((b) => b.reason)).toEqual(['evidence', 'required'])
  })

  it('counts evidence attached to the answer', () => {
    const found = states({ a: { value: 2, attachments: ['p1', 'p2'] }, b: { value: '插线板已收' } })
    expect(found[0]).toMatchObject({ evidenceNeeded: 2, missingEvidence: false })
    expect(submitBlockers(template, found)).toEqual([])
  })

  it('does not count white space only as an answer', () => {
    const found = states({ a: { value: 1, attachments: ['p1', 'p2'] }, b: { value: '  \n' } })
    expect(found[1]).toMatchObject({ required: true, answered: false })
    expect(submitBlockers(template, found).map((b) => b.itemId)).toEqual(['b'])
  })

  it('shows the default as the value and counts it as an answer', () => {
    const tpl = oneSection([{ id: 'q', type: 'single', title: 'Q', required: true, default: 'ok', options: [{ id: 'ok', label: 'OK', points: 1 }] }])
    const [q] = statesOf(tpl, {})
    expect(q).toMatchObject({ value: 'ok', answered: true, required: true })
    expect(submitBlockers(tpl, statesOf(tpl, {}))).toEqual([])
  })

  it('never blocks on a hidden or N/A item', () => {
    const tpl = oneSection([
      { id: 'gate', type: 'single', title: 'Gate', options: [{ id: 'y', label: 'Y' }, { id: 'n', label: 'N' }] },
      { id: 'hid', type: 'text', title: 'Hid', required: true, visibleIf: { '==': [{ var: 'gate' }, 'y'] } },
      { id: 'na', type: 'text', title: 'NA', required: true, na: true, evidence: { required: 'always' } },
    ])
    const s = statesOf(tpl, { gate: { value: 'n' }, na: { na: true } })
    expect(s[1]).toMatchObject({ hidden: true, required: false })
    expect(s[2]).toMatchObject({ na: true, evidenceNeeded: 0, missingEvidence: false })
    expect(submitBlockers(tpl, s)).toEqual([])
    expect(submitBlockers(tpl, statesOf(tpl, { gate: { value: 'y' } })).map((b) => [b.itemId, b.reason])).toEqual([
      ['hid', 'required'],
      ['na', 'required'],
      ['na', 'evidence'],
    ])
  })

  it('counts progress over visible, applicable items that take an answer', () => {
    expect(progressOf(template, states({ a: { value: 0 } }))).toEqual({ answered: 1, applicable: 2 })
  })

  it('reuses the state object of an item that did not change', () => {
    const before = states({ a: { value: 0 } })
    const after = statesOf(template, { a: { value: 1 } }, before)
    expect(after[2]).toBe(before[2])
    expect(after[0]).not.toBe(before[0])
    expect(after[0]?.score).toBe(3)
  })

  it('patches only the entries that changed', () => {
    const before = states({ a: { value: 0 } })
    const target = new Map<string, ItemState>()
    expect(patchItemStates(target, template, before, [])).toBe(3)
    const keptC = target.get('c')
    const after = statesOf(template, { a: { value: 1 } }, before)
    // a's points change, and b becomes required.
    expect(patchItemStates(target, template, after, before)).toBe(2)
    expect(target.get('c')).toBe(keptC)
    expect(target.get('a')?.score).toBe(3)
  })

  it('decides requiredIf for a stored result too (not the last one scored)', () => {
    const answers = { a: { value: 2 } }
    const stored = structuredClone(scoreResponse(template, { templateId: 't', templateVersion: 1, answers }))
    scoreResponse(template, { templateId: 't', templateVersion: 1, answers: {} })
    expect(deriveItemStates(template, answers, stored)[1]?.required).toBe(true)
  })

  it('compares steps by content, including array figures', () => {
    expect(stepsEqual([{ rule: 'x', n: 1, ids: ['a'] }], [{ rule: 'x', n: 1, ids: ['a'] }])).toBe(true)
    expect(stepsEqual([{ rule: 'x', n: 1 }], [{ rule: 'x', n: 2 }])).toBe(false)
    expect(stepsEqual([{ rule: 'x', ids: ['a'] }], [{ rule: 'x', ids: ['b'] }])).toBe(false)
    expect(stepsEqual([{ rule: 'x' }], [{ rule: 'x', extra: null }])).toBe(false)
  })
})
