import { describe, expect, it } from 'vitest'
import { scoreResponse, summarizeSections } from '@/core/scoring'
import { resp, section, tpl, yesNo } from './builders'

const template = tpl([section('a', [yesNo('a1', 2)]), section('b', [yesNo('b1', 3)], { visibleIf: { '==': [{ var: 'a1' }, 'no'] } })])
const score = (answers: Record<string, string>) => scoreResponse(template, resp(answers))

describe('summarizeSections', () => {
  it('gives each top-level section its figures and title, hidden sections marked', () => {
    const out = summarizeSections(template.sections, score({ a1: 'part' }))
    expect(out).toEqual([
      { id: 'a', title: 'a', hidden: false, zeroed: false, score: 1, max: 2, percent: 50, bonus: 0 },
      { id: 'b', title: 'b', hidden: true, zeroed: false, score: 0, max: 0, percent: null, bonus: 0 },
    ])
  })

  it('keeps an unchanged section the same object, and the list itself when nothing changed', () => {
    const first = summarizeSections(template.sections, score({ a1: 'part' }))
    expect(summarizeSections(template.sections, score({ a1: 'part' }), first)).toBe(first)
    const next = summarizeSections(template.sections, score({ a1: 'yes' }), first)
    expect(next).not.toBe(first)
    expect(next[0]).not.toBe(first[0])
    expect(next[1]).toBe(first[1])
  })

  it('is all zero before there is a score', () => {
    expect(summarizeSections(template.sections, null).map((s) => s.score)).toEqual([0, 0])
  })
})
