import { describe, expect, it } from 'vitest'
import {
  blankItem,
  changeItemType,
  createHistory,
  diffTemplates,
  nextId,
  pointerTarget,
  presetOptions,
  record,
  redo,
  rescore,
  undo,
  updateItem,
  usedIds,
} from '@/core/builder'
import { ITEM_TYPES, type SingleItem, type Template } from '@/core/format/types'
import { validateTemplate } from '@/core/validate'
import { section, single, template } from './build'

describe('ids and presets', () => {
  it('picks the id after the highest used, never refilling a gap a deleted item left', () => {
    const t = template([section('s1', [single('q1'), single('q2'), single('q4')])])
    const taken = usedIds(t)
    expect(nextId('q', taken)).toBe('q5')
    expect(nextId('q', taken)).toBe('q6')
    expect(nextId('s', taken)).toBe('s2')
  })

  it('gives blank items of every type that validate in a template', () => {
    const items = ITEM_TYPES.map((type, i) => blankItem(type, `q${i}`, `题${i}`))
    const r = validateTemplate(template([section('s1', items)]))
    expect(r.ok ? [] : r.issues.filter((x) => x.severity === 'error')).toEqual([])
  })

  it('scales the 符合/基本符合/不符合 preset to the item max', () => {
    expect(presetOptions('comply3', 3).map((o) => o.deduct)).toEqual([0, 1.5, 3])
    expect(presetOptions('yesNoNa', 2).find((o) => o.id === 'na')?.na).toBe(true)
  })

  it('keeps the common fields and the options when the type changes between single and multi', () => {
    const item = { ...single('q1'), help: '说明', required: true }
    const multi = changeItemType(item, 'multi')
    expect(multi).toMatchObject({ type: 'multi', help: '说明', required: true })
    expect(multi.type === 'multi' ? multi.options : null).toEqual(item.type === 'single' ? item.options : 'not single')
    expect(changeItemType(item, 'count')).toMatchObject({ type: 'count', deductEach: 0.5, help: '说明' })
  })

  it('keeps a round-level (carryOver) mark when the type changes', () => {
    expect(changeItemType({ ...(single('q1') as SingleItem), carryOver: true }, 'multi')).toMatchObject({ type: 'multi', carryOver: true })
  })
})

describe('history', () => {
  it('undoes and redoes, drops the redo branch on a new edit, and keeps at most the limit', () => {
    let h = createHistory(0, 100)
    for (let i = 1; i <= 150; i++) h = record(h, i)
    expect(h.past.length).toBe(100)
    h = undo(undo(h))
    expect(h.present).toBe(148)
    h = redo(h)
    expect(h.present).toBe(149)
    h = record(h, 999)
    expect(h.future).toEqual([])
    expect(undo(h).present).toBe(149)
  })
})

describe('pointer target', () => {
  it('maps an issue pointer to the item or section at fault and the field within it', () => {
    const t = template([section('s1', [single('a')], [section('s1a', [single('b')])])])
    expect(pointerTarget(t, '/sections/0/sections/0/items/0/options/1/deduct')).toEqual({
      node: { kind: 'item', id: 'b' },
      field: ['options', '1', 'deduct'],
    })
    expect(pointerTarget(t, '/sections/0/max')).toEqual({ node: { kind: 'section', id: 's1' }, field: ['max'] })
    expect(pointerTarget(t, '/scoring/bands/0/min')).toEqual({ node: { kind: 'template' }, field: ['scoring', 'bands', '0', 'min'] })
  })
})

describe('diff and re-score', () => {
  const v1: Template = template([section('s1', [single('a', 2), single('b', 3)])])
  const v2: Template = { ...updateItem(v1, 'a', (i) => ({ ...i, title: '改了' })), version: 2 }
  const v2b: Template = { ...v2, sections: [{ ...v2.sections[0]!, items: [v2.sections[0]!.items[0]!, single('c', 5)] }] }

  it('lists items added, removed and changed with the fields, and the max before and after', () => {
    const d = diffTemplates(v1, v2b)
    expect(d.added).toEqual([{ id: 'c', title: '题 c' }])
    expect(d.removed).toEqual([{ id: 'b', title: '题 b' }])
    expect(d.changed).toEqual([{ id: 'a', title: '改了', fields: ['title'] }])
    expect([d.maxBefore, d.maxAfter]).toEqual([5, 7])
  })

  it('re-scores old answers under the new version for carried-over items only', () => {
    const response = { id: 'r1', templateId: 't', templateVersion: 1, answers: { a: { value: 'no' }, b: { value: 'ok' } } }
    const r = rescore(response, v1, v2b)
    expect([r.oldTotal, r.oldMax]).toEqual([3, 5])
    expect([r.newTotal, r.newMax, r.carried, r.dropped]).toEqual([0, 7, 1, 1])
  })
})
