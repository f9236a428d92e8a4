import { describe, expect, it } from 'vitest'
import type { JsonLogicRule } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { memoFor } from '@/core/scoring/rule-memo'
import { multi, opt, resp, section, tpl, yesNo } from './builders'

const hiddenOf = (r: ReturnType<typeof scoreResponse>, id: string): boolean | undefined => r.items.find((i) => i.id === id)?.hidden

describe('reusing visibleIf decisions between scorings', () => {
  it('follows a changed answer when the same template is scored again and again', () => {
    const t = tpl([section('s', [yesNo('has', 2), yesNo('detail', 5, { visibleIf: { '==': [{ var: 'has' }, 'yes'] } })])])
    const seen = ['yes', 'no', 'no', 'yes', 'yes', 'part', undefined, 'yes'].map((has) =>
      hiddenOf(scoreResponse(t, resp(has === undefined ? {} : { has })), 'detail'),
    )
    expect(seen).toEqual([false, true, true, false, false, true, true, false])
  })

  it('evaluates afresh a rule reading an array answer that was changed in place', () => {
    const t = tpl([
      section('s', [multi('found', [opt('x'), opt('y')]), yesNo('fix', 2, { visibleIf: { in: ['x', { var: 'found' }] } })]),
    ])
    const response = resp({ found: [] as string[] })
    expect(hiddenOf(scoreResponse(t, response), 'fix')).toBe(true)
    ;(response.answers.found?.value as string[]).push('x')
    expect(hiddenOf(scoreResponse(t, response), 'fix')).toBe(false)
  })

  it('keys a rule on every item it reads', () => {
    const rule: JsonLogicRule = { and: [{ '==': [{ var: 'a' }, 'yes'] }, { '!=': [{ var: ['b.length', 0] }, 0] }, { var: 'a' }] }
    expect(memoFor(rule)?.inputs).toEqual(['a', 'b'])
  })

  it.each<[string, JsonLogicRule]>([
    ['a computed path', { var: { cat: ['q', '1'] } }],
    ['the whole data', { var: '' }],
    ['missing', { missing: ['q1'] }],
    ['an array operator, whose var reads each element', { some: [{ var: 'q1' }, { '==': [{ var: '' }, 'x'] }] }],
    ['a forbidden path', { var: 'q1.constructor' }],
    ['an object that is data, not an operation', { '==': [{ a: 1, b: 2 }, { var: 'q1' }] }],
  ])('gives no memo to a rule with %s: it is always evaluated', (_name, rule) => {
    expect(memoFor(rule)).toBeNull()
  })
})
