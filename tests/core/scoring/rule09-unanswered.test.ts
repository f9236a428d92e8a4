import { describe, expect, it } from 'vitest'
import type { Item } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { count, ded, multi, pts, resp, section, single, text, tpl, yesNo } from './builders'

describe('rule 9: unanswered', () => {
  it('scores an unanswered item 0, keeps its max, lists it and marks the result incomplete', () => {
    const t = tpl([section('s', [yesNo('a', 5), yesNo('b', 5)])])
    const r = scoreResponse(t, resp({ a: 'yes' }))
    expect(r).toMatchObject({ total: 5, max: 10, complete: false, unanswered: ['b'] })
    expect(r.items[1]).toMatchObject({ answered: false, score: 0, max: 5, steps: [{ rule: 'unanswered' }] })
  })

  it('is complete when every visible scored item is answered or N/A', () => {
    const t = tpl([section('s', [yesNo('a', 5, { na: true }), yesNo('b', 5, { visibleIf: false })])])
    expect(scoreResponse(t, resp({ a: { na: true } }))).toMatchObject({ complete: true, unanswered: [] })
  })

  it('counts an item with a default as answered with it (a dorm round starts at full marks)', () => {
    const t = tpl([section('s', [yesNo('a', 5, { default: 'yes' }), count('c', 3, 1, { default: 0 })])])
    const r = scoreResponse(t, resp({}))
    expect(r).toMatchObject({ total: 8, max: 8, complete: true })
    // The default step carries the option's label, so the breakdown never shows the id.
    expect(r.items[0]?.steps).toEqual([{ rule: 'default', value: 'yes', labels: ['yes'] }, expect.objectContaining({ rule: 'deduct' })])
  })

  it('names a choice default by its option label, not its id', () => {
    const t = tpl([section('s', [single('a', [ded('yes', 0, { label: '符合' }), ded('no', 5, { label: '不符合' })], { max: 5, default: 'no' })])])
    expect(scoreResponse(t, resp({})).items[0]?.steps[0]).toEqual({ rule: 'default', value: 'no', labels: ['不符合'] })
  })

  it('lets a given answer override the default', () => {
    const t = tpl([section('s', [count('c', 3, 1, { default: 0 })])])
    expect(scoreResponse(t, resp({ c: 2 })).total).toBe(1)
  })

  it('lists required unscored items without an answer, and requiredIf when it holds', () => {
    const t = tpl([
      section('s', [
        yesNo('a', 5),
        text('why', { requiredIf: { '==': [{ var: 'a' }, 'no'] } } as Partial<Item>),
        text('who', { required: true } as Partial<Item>),
        text('free'),
        { id: 'i', type: 'info', title: 'read me' },
      ]),
    ])
    expect(scoreResponse(t, resp({ a: 'yes' })).unanswered).toEqual(['who'])
    expect(scoreResponse(t, resp({ a: 'no' })).unanswered).toEqual(['why', 'who'])
    expect(scoreResponse(t, resp({ a: 'no', why: 'broken', who: '张三' })).complete).toBe(true)
  })

  it.each<[string, Item, unknown, boolean]>([
    ['a photo with one id', { id: 'p', type: 'photo', title: 'p', required: true }, ['blob-1'], true],
    ['a photo with no id', { id: 'p', type: 'photo', title: 'p', required: true }, [], false],
    ['a multi with an empty selection', multi('p', [pts('x', 1)]), [], true],
    ['a single with an empty string', single('p', [pts('x', 1)]), '', false],
    ['a count given as text', count('p', 3, 1), '2', false],
  ])('counts %s as answered: %s', (_name, item, value, answered) => {
    const t = tpl([section('s', [item])])
    const r = scoreResponse(t, resp({ p: { value: value as string } }))
    expect(r.items[0]?.answered).toBe(answered)
    expect(r.unanswered).toEqual(answered ? [] : ['p'])
  })

  it('treats an answer naming an unknown option as unanswered, and notes it', () => {
    const t = tpl([section('s', [yesNo('a', 5)])])
    const r = scoreResponse(t, resp({ a: 'maybe' }))
    expect(r).toMatchObject({ total: 0, unanswered: ['a'] })
    expect(r.notes.map((n) => n.code)).toEqual(['unknownOption'])
  })

  it('never reads an answer from Object.prototype for an item named like one of its properties', () => {
    const t = tpl([section('s', [yesNo('constructor', 5), yesNo('toString', 5)])])
    const r = scoreResponse(t, resp({ toString: 'yes' }))
    expect(r).toMatchObject({ total: 5, max: 10, unanswered: ['constructor'] })
  })
})
