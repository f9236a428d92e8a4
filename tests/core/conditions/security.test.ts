import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkRule, evaluateRule, ruleHolds, toRuleData } from '@/core/conditions'
import type { JsonLogicRule } from '@/core/format/types'

const plain = { q1: 'yes', q2: ['a'], q3: 5, nested: { deep: 1 } }

describe('a rule cannot leave the data it is given', () => {
  afterEach(() => vi.restoreAllMocks())

  it.each<[string, JsonLogicRule]>([
    ['__proto__ at the top', { var: '__proto__' }],
    ['constructor at the top', { var: 'constructor' }],
    ['constructor of an answer', { var: 'q1.constructor' }],
    ['the Function constructor', { var: 'q1.constructor.constructor' }],
    ['prototype of a constructor', { var: 'q3.constructor.prototype' }],
    ['__proto__ of a nested object', { var: 'nested.__proto__' }],
    ['a forbidden path behind a default', { var: ['constructor', 'fallback'] }],
    ['a forbidden path computed at run time', { var: { cat: ['__pro', 'to__'] } }],
    ['a forbidden path through missing', { missing: ['constructor'] }],
    ['a forbidden path inside an array scope', { map: [{ var: 'q2' }, { var: 'constructor' }] }],
  ])('refuses %s', (_name, rule) => {
    for (const data of [plain, toRuleData(plain)]) {
      const result = evaluateRule(rule, data)
      expect(result === undefined || result === null).toBe(true)
      expect(ruleHolds(rule, data)).toBe(false)
    }
  })

  it('does not read inherited methods such as toString or valueOf', () => {
    expect(evaluateRule({ var: 'q1.toString' }, plain)).toBeNull()
    expect(evaluateRule({ var: 'q3.valueOf' }, plain)).toBeNull()
    expect(evaluateRule({ var: 'hasOwnProperty' }, plain)).toBeNull()
  })

  it('cannot name a global such as process, globalThis or console', () => {
    for (const name of ['process', 'globalThis', 'console', 'window', 'Function']) {
      expect(evaluateRule({ var: name }, plain)).toBeNull()
      expect(evaluateRule({ [name]: [] }, plain)).toBeUndefined()
    }
  })

  it('cannot call methods: method is not an operation', () => {
    const rule = { method: ['abc', 'toUpperCase'] }
    expect(evaluateRule(rule, plain)).toBeUndefined()
    expect(checkRule(rule)).toEqual([{ code: 'rule.method', path: '' }])
  })

  it('cannot reach prototype methods through a dotted operator name', () => {
    expect(evaluateRule({ 'hasOwnProperty.call': [1] }, plain)).toBeUndefined()
    expect(evaluateRule({ 'constructor.constructor': ['return 1'] }, plain)).toBeUndefined()
  })

  it('cannot write to the console through log', () => {
    const spy = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    expect(evaluateRule({ log: 'hello' }, plain)).toBeUndefined()
    expect(spy).not.toHaveBeenCalled()
  })

  it('does not pollute Object.prototype through an own __proto__ key in the rule', () => {
    const rule = JSON.parse('{"__proto__": {"polluted": true}}') as JsonLogicRule
    expect(evaluateRule(rule, plain)).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads nothing but own data from a null-prototype object either', () => {
    const data = toRuleData(plain)
    expect(evaluateRule({ var: 'q1' }, data)).toBe('yes')
    expect(evaluateRule({ var: 'toString' }, data)).toBeNull()
  })
})

describe('a rule cannot hang the page', () => {
  const long = Array.from({ length: 1000 }, (_, i) => i)

  it('stops nested loops over long literals after a step budget', () => {
    const rule: JsonLogicRule = { map: [long, { map: [long, { map: [long, { '+': [1, 1] }] }] }] }
    // Without the budget this returns an array of 10^k results; undefined means it was stopped.
    expect(evaluateRule(rule, {})).toBeUndefined()
  })

  it('stops a reduce that doubles a string or an array', () => {
    const doubling = (op: string, seed: JsonLogicRule): JsonLogicRule => ({
      reduce: [long.slice(0, 60), { [op]: [{ var: 'accumulator' }, { var: 'accumulator' }] }, seed],
    })
    expect(evaluateRule(doubling('cat', 'x'), {})).toBeUndefined()
    expect(evaluateRule(doubling('merge', [1]), {})).toBeUndefined()
  })

  it('keeps cat and merge working within their limits', () => {
    expect(evaluateRule({ cat: ['a', null, 1, 'b'] }, {})).toBe('a1b')
    expect(evaluateRule({ merge: [[1, 2], 3, [[4]]] }, {})).toEqual([1, 2, 3, [4]])
  })

  it('gives every evaluation a fresh budget', () => {
    const busy: JsonLogicRule = { map: [long, { '+': [{ var: '' }, 1] }] }
    for (let i = 0; i < 100; i++) expect(evaluateRule(busy, {})).toHaveLength(1000)
  })
})
