import { describe, expect, it } from 'vitest'
import { checkRule, collectVarRefs, collectVars, MAX_RULE_DEPTH } from '@/core/conditions'
import type { JsonLogicRule } from '@/core/format/types'

describe('collectVars', () => {
  it.each<[string, JsonLogicRule, string[]]>([
    ['a single var', { var: 'q1' }, ['q1']],
    ['the item id of a dotted path', { var: 'q2.length' }, ['q2']],
    ['vars in nested operations, once each', { and: [{ '==': [{ var: 'q1' }, 'y'] }, { '>': [{ var: 'q3' }, { var: 'q1' }] }] }, ['q1', 'q3']],
    ['a var with a default', { var: ['q4', 0] }, ['q4']],
    ['keys of missing', { missing: ['q5', 'q6'] }, ['q5', 'q6']],
    ['keys of missing_some', { missing_some: [1, ['q7', 'q8']] }, ['q7', 'q8']],
    ['the array of an all, not the fields of its elements', { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] }, ['sections']],
    ['vars inside a computed path', { var: { cat: [{ var: 'q9' }, '.x'] } }, ['q9']],
    ['nothing from a literal', true, []],
    ['nothing from the whole-data var', { var: '' }, []],
  ])('finds %s', (_name, rule, expected) => {
    expect(collectVars(rule)).toEqual(expected)
  })
})

describe('checkRule', () => {
  it('finds nothing wrong with an ordinary rule', () => {
    expect(checkRule({ and: [{ '==': [{ var: 'q1' }, 'yes'] }, { in: ['a', { var: 'q2' }] }] })).toEqual([])
  })

  it.each<[string, JsonLogicRule, string, string]>([
    ['an unknown operator', { and: [{ frob: [1] }] }, 'rule.unknownOperator', '/and/0'],
    ['the method operator', { or: [{ method: ['x', 'toString'] }] }, 'rule.method', '/or/0'],
    ['the log operator, which is removed', { log: 1 }, 'rule.unknownOperator', ''],
    ['a forbidden var segment', { '!': [{ var: 'q1.constructor' }] }, 'rule.forbiddenVar', '/!/0/var'],
    ['a forbidden var with a default', { var: ['__proto__', 1] }, 'rule.forbiddenVar', '/var/0'],
    ['a forbidden key in missing', { missing: ['q1', 'prototype'] }, 'rule.forbiddenVar', '/missing/1'],
    ['a forbidden field inside an all', { all: [{ var: 's' }, { var: 'constructor' }] }, 'rule.forbiddenVar', '/all/1/var'],
    ['a path computed at run time', { var: { cat: ['a', 'b'] } }, 'rule.dynamicVar', '/var'],
    ['an object with two keys', { '==': [1, 1], '!=': [1, 2] }, 'rule.malformed', ''],
    ['an empty object inside a rule', { and: [{}] }, 'rule.malformed', '/and/0'],
  ])('reports %s', (_name, rule, code, path) => {
    expect(checkRule(rule)).toContainEqual({ code, path })
  })

  it('escapes operator names in paths as JSON pointers do', () => {
    expect(checkRule({ 'a/b~c': [{ var: '__proto__' }] })).toEqual([
      { code: 'rule.unknownOperator', path: '' },
      { code: 'rule.forbiddenVar', path: '/a~1b~0c/0/var' },
    ])
  })

  it('stops at a rule nested too deep, without overflowing', () => {
    let rule: JsonLogicRule = { var: 'q1' }
    for (let i = 0; i < 10_000; i++) rule = { '!': [rule] }
    const problems = checkRule(rule)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.code).toBe('rule.tooDeep')
    expect(MAX_RULE_DEPTH).toBeLessThan(10_000)
  })

  it('survives a cyclic object passed from code', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.and = [cyclic]
    expect(checkRule(cyclic as JsonLogicRule).some((p) => p.code === 'rule.tooDeep')).toBe(true)
    expect(collectVars(cyclic as JsonLogicRule)).toEqual([])
  })
})

describe('collectVarRefs', () => {
  it('gives every read with its JSON pointer inside the rule', () => {
    const rule: JsonLogicRule = { and: [{ '==': [{ var: 'q1' }, 'y'] }, { var: ['q2.length', 0] }, { missing: ['q3'] }] }
    expect(collectVarRefs(rule)).toEqual([
      { id: 'q1', path: '/and/0/==/0/var' },
      { id: 'q2', path: '/and/1/var/0' },
      { id: 'q3', path: '/and/2/missing/0' },
    ])
  })
})
