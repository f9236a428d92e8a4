import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkRule, collectVars, evaluateRule, ruleHolds, toRuleData } from '@/core/conditions'
import type { JsonLogicRule } from '@/core/format/types'

describe('conditions on arbitrary rules', () => {
  it('never throw, and checkRule paths are JSON pointers', () => {
    const data = toRuleData({ q1: 'yes', q2: ['a', 'b'], q3: 3, q4: null })
    fc.assert(
      // fast-check's JsonValue allows `undefined` members, which JSON.parse never produces.
      fc.property(fc.jsonValue().map((v) => v as JsonLogicRule), (rule) => {
        evaluateRule(rule, data)
        expect(typeof ruleHolds(rule, data)).toBe('boolean')
        expect(collectVars(rule).every((v) => typeof v === 'string')).toBe(true)
        for (const problem of checkRule(rule)) expect(problem.path === '' || problem.path.startsWith('/')).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('no rule built from real operators and tempting paths ever yields a function', () => {
    const ops = fc.constantFrom('==', '!=', 'and', 'or', '!', 'in', 'var', 'cat', 'if', 'missing', 'some', 'map')
    const leaf = fc.oneof(fc.constantFrom('q1', 'q2', 'q3', 'toString', 'valueOf', 'length', 'q2.0'), fc.integer(), fc.boolean())
    const rule: fc.Arbitrary<JsonLogicRule> = fc.letrec<{ node: JsonLogicRule }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.tuple(ops, fc.array(tie('node'), { maxLength: 3 })).map(([op, args]): JsonLogicRule => ({ [op]: args }))),
    })).node
    const data = toRuleData({ q1: 'yes', q2: ['a', 'b'], q3: 3 })
    fc.assert(
      fc.property(rule, (r) => {
        const result = evaluateRule(r, data)
        expect(typeof result).not.toBe('function')
      }),
      { numRuns: 500 },
    )
  })
})
