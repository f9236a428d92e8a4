/**
 * The static bound of a rule's steps (rule-steps.ts): exact where the rule has no choice to make,
 * and never below what the engine actually counts, over data as large as the bound assumes.
 */
import { describe, expect, it } from 'vitest'
import { applyRule, lastRuleSteps } from '@/core/conditions/engine'
import { ruleStepBound } from '@/core/validate/template/rule-steps'

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i)
const some = (over: unknown, body: unknown): unknown => ({ some: [over, body] })

/** [name, rule, longest answer array, expected bound]. */
const CASES: Array<[string, unknown, number, number]> = [
  ['a literal', true, 0, 1],
  ['a var', { var: 'q1' }, 0, 2],
  ['a comparison', { '==': [{ var: 'q1' }, 'a'] }, 0, 4],
  ['and of two', { and: [{ '==': [{ var: 'q1' }, 'a'] }, { '>': [{ var: 'q2' }, 3] }] }, 0, 9],
  ['if counts every branch', { if: [{ var: 'q1' }, 1, { var: 'q2' }, 2, 3] }, 0, 8],
  ['a literal array', { in: ['a', ['a', 'b', 'c']] }, 0, 6],
  ['some over a literal', some(range(10), { '==': [{ var: '' }, 3] }), 0, 1 + 11 + 10 * 4],
  ['some over an answer', some({ var: 'q1' }, { '==': [{ var: '' }, 'x'] }), 7, 1 + 2 + 7 * 4],
  ['map in map', { map: [range(20), { map: [range(30), 1] }] }, 0, 1 + 21 + 20 * (1 + 31 + 30 * 1)],
  ['an absent body still costs a step', { all: [range(5)] }, 0, 1 + 6 + 5],
  ['var inside a body reads the longest array', { map: [range(3), { some: [{ var: '' }, 1] }] }, 2, 1 + 4 + 3 * (1 + 2 + 3 * 1)],
  ['merge: its parts, summed', { some: [{ merge: [range(4), range(5), 1] }, 1] }, 0, 1 + (1 + 5 + 6 + 1) + (4 + 5 + 1) * 1],
  ['merge inside a body may be as long as MAX_RULE_BUILD', { map: [range(2), { some: [{ merge: [{ var: '' }] }, 1] }] }, 0, 1 + 3 + 2 * (1 + 3 + 10_000)],
  ['missing: two steps a key and the longest array', { missing: ['a', 'b', 'c'] }, 0, 1 + 3 + 3 * (2 + 3)],
  ['reduce with initial', { reduce: [range(4), { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, 0, 1 + 5 + 1 + 4 * 5],
]

describe('ruleStepBound', () => {
  it.each(CASES)('%s', (_name, rule, answers, expected) => {
    expect(ruleStepBound(rule, answers)).toBe(expected)
  })

  /** Rules run over data as long as the bound assumes: the engine never counts more than the bound. */
  const data = { q1: range(7).map(String), q2: 5, current: 1 }
  it.each(CASES)('%s: the engine counts no more', (_name, rule, answers) => {
    try {
      applyRule(rule, data)
    } catch {
      // A broken rule still reports its steps.
    }
    expect(lastRuleSteps()).toBeLessThanOrEqual(ruleStepBound(rule, Math.max(answers, 7)))
  })

  it('worst cases that a rule could actually hit are bounded', () => {
    const nasty: unknown[] = [
      { missing_some: [1, [range(50).map(String)]] },
      { reduce: [range(30), { merge: [{ var: 'accumulator' }, [1, 2]] }, []] },
      { some: [{ reduce: [range(30), { merge: [{ var: 'accumulator' }, [1, 2]] }, []] }, { '==': [{ var: '' }, 9] }] },
      { filter: [{ map: [range(40), { var: '' }] }, { if: [{ var: '' }, { cat: ['a', 'b'] }, false] }] },
    ]
    for (const rule of nasty) {
      applyRule(rule, {})
      expect(lastRuleSteps()).toBeLessThanOrEqual(ruleStepBound(rule, 0))
    }
  })
})
