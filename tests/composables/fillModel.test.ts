import { describe, expect, it } from 'vitest'
import type { Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { deriveItemStates, flattenItems, patchStates, stepsEqual, submitBlockers, type ItemState } from '@/composables/fillModel'

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
const items = flattenItems(template)

function states(answers: Record<string, { value?: number | string }>) {
  return deriveItemStates(items, answers, scoreResponse(template, { templateId: 't', templateVersion: 1, answers }))
}

describe('fill model', () => {
  it('asks for evidence and makes an item required as the answers change', () => {
    const quiet = states({ a: { value: 0 } })
    expect(quiet.get('a')?.evidenceNeeded).toBe(0)
    expect(quiet.get('b')?.required).toBe(false)
    const found = states({ a: { value: 2 } })
    expect(found.get('a')).toMatchObject({ flagged: true, evidenceNeeded: 2, missingEvidence: true })
    expect(found.get('b')?.required).toBe(true)
    expect(submitBlockers(items, found).map((b) => [b.itemId, b.reason])).toEqual([
      ['a', 'evidence'],
      ['b', 'required'],
    ])
  })

  it('patches only the entries that changed', () => {
    const target = new Map<string, ItemState>(states({ a: { value: 0 } }))
    const keptC = target.get('c')
    const changed = patchStates(target, states({ a: { value: 1 } }))
    expect(changed).toBe(2)
    expect(target.get('c')).toBe(keptC)
    expect(target.get('a')?.score).toBe(3)
  })

  it('compares steps by content, including array figures', () => {
    expect(stepsEqual([{ rule: 'x', n: 1, ids: ['a'] }], [{ rule: 'x', n: 1, ids: ['a'] }])).toBe(true)
    expect(stepsEqual([{ rule: 'x', n: 1 }], [{ rule: 'x', n: 2 }])).toBe(false)
    expect(stepsEqual([{ rule: 'x', ids: ['a'] }], [{ rule: 'x', ids: ['b'] }])).toBe(false)
    expect(stepsEqual([{ rule: 'x' }], [{ rule: 'x', extra: null }])).toBe(false)
  })
})
