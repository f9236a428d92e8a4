import { describe, expect, it } from 'vitest'
import { evaluateRule, ruleHolds, toRuleData } from '@/core/conditions'
import type { JsonLogicRule } from '@/core/format/types'

const answers = (values: Record<string, unknown>) => toRuleData(values)

describe('evaluateRule', () => {
  it('reads answers by item id', () => {
    expect(evaluateRule({ '==': [{ var: 'q1' }, 'yes'] }, answers({ q1: 'yes' }))).toBe(true)
    expect(evaluateRule({ '==': [{ var: 'q1' }, 'yes'] }, answers({ q1: 'no' }))).toBe(false)
  })

  it('treats a multi answer as an array usable with in', () => {
    const rule = { in: ['fire', { var: 'q2' }] }
    expect(evaluateRule(rule, answers({ q2: ['fire', 'gas'] }))).toBe(true)
    expect(evaluateRule(rule, answers({ q2: ['gas'] }))).toBe(false)
  })

  it('returns null for an unanswered item and the default when one is given', () => {
    expect(evaluateRule({ var: 'q9' }, answers({}))).toBeNull()
    expect(evaluateRule({ var: ['q9', 0] }, answers({}))).toBe(0)
    expect(evaluateRule({ var: 'q1' }, answers({ q1: null }))).toBeNull()
  })

  it('still reads the length of arrays and strings', () => {
    expect(evaluateRule({ var: 'q2.length' }, answers({ q2: ['a', 'b', 'c'] }))).toBe(3)
    expect(evaluateRule({ var: 'q3.length' }, answers({ q3: 'abcd' }))).toBe(4)
    expect(evaluateRule({ var: 'q2.1' }, answers({ q2: ['a', 'b'] }))).toBe('b')
  })

  it('evaluates band conditions over every section with all and some', () => {
    const band = { total: 92, percent: 92, sections: [{ id: 's1', score: 45, max: 50, percent: 90 }, { id: 's2', score: 35, max: 50, percent: 70 }] }
    const every80: JsonLogicRule = { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] }
    const some80: JsonLogicRule = { some: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] }
    expect(evaluateRule(every80, band)).toBe(false)
    expect(evaluateRule(some80, band)).toBe(true)
    expect(evaluateRule(every80, { ...band, sections: [{ id: 's1', score: 45, max: 50, percent: 90 }] })).toBe(true)
  })

  it('returns undefined for an unknown operator instead of throwing', () => {
    expect(evaluateRule({ frobnicate: [1, 2] }, answers({}))).toBeUndefined()
  })

  it('returns undefined for a rule nested deep enough to overflow the stack', () => {
    let rule: JsonLogicRule = { var: 'q1' }
    for (let i = 0; i < 100_000; i++) rule = { '!': [rule] }
    expect(evaluateRule(rule, answers({ q1: 1 }))).toBeUndefined()
  })
})

describe('ruleHolds', () => {
  it('holds when there is no rule', () => {
    expect(ruleHolds(undefined, answers({}))).toBe(true)
  })

  it.each<[string, JsonLogicRule, boolean]>([
    ['an empty array is false', { var: 'q2' }, false],
    ['an empty string is false', { var: 'q3' }, false],
    ['zero is false', { var: 'q4' }, false],
    ['a non-empty array is true', { var: 'q5' }, true],
    ['a broken rule is false', { nope: [] }, false],
  ])('follows JSON Logic truthiness: %s', (_name, rule, expected) => {
    expect(ruleHolds(rule, answers({ q2: [], q3: '', q4: 0, q5: ['x'] }))).toBe(expected)
  })
})

describe('toRuleData', () => {
  it('builds a null-prototype copy of the values', () => {
    const data = toRuleData({ q1: 'a' })
    expect(Object.getPrototypeOf(data)).toBeNull()
    expect(data.q1).toBe('a')
  })
})
