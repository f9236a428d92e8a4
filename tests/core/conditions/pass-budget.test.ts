/**
 * One step budget per pass across all rules (#11, finding 10): thousands of rules each near its
 * own limit are refused by validation, and a template that bypassed validation still costs a
 * scoring pass at most MAX_PASS_STEPS steps (counted, not timed), with a note saying so.
 */
import jsonLogic from 'json-logic-js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deriveItemStates } from '@/core/answers'
import { MAX_PASS_STEPS, MAX_RULE_STEPS, RuleBudget, evaluateRule } from '@/core/conditions'
import type { Item, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { validateTemplate } from '@/core/validate'
import { ruleStepBound } from '@/core/validate/template/rule-steps'

const N = 4_000
/** Scans N zeros for a 1 that is last: 1 + (1 + N) + N × 4 steps, ≈ 20,000 — under the rule limit. */
const heavy = { some: [[...Array.from({ length: N - 1 }, () => 0), 1], { '==': [{ var: '' }, 1] }] }
const HEAVY_STEPS = 1 + (1 + N) + N * 4

function hostile(rules: number, site: 'visibleIf' | 'requiredIf'): Template {
  const items: Item[] = []
  for (let i = 0; i < rules; i++) items.push({ id: `q${i}`, type: 'text', title: `Q${i}`, [site]: heavy } as Item)
  return { id: 'hostile', version: 1, title: 'Hostile', sections: [{ id: 's', title: 'S', items }] }
}

/** Counts every node json-logic-js applies below a rule's root (the engine's own counter is private). */
let applied = 0
// The engine's `countedApply`, with the library's loose types: it is called with rule nodes only.
const counted = jsonLogic.apply as (logic: unknown, data?: unknown) => unknown
beforeEach(() => {
  applied = 0
  Object.assign(jsonLogic, {
    apply(this: unknown, logic: unknown, data?: unknown): unknown {
      applied++
      return counted.call(jsonLogic, logic, data)
    },
  })
})
afterEach(() => {
  Object.assign(jsonLogic, { apply: counted })
})

describe('the per-pass rule budget', () => {
  it('the heavy rule fits its own limit, and the bound is exact for it', () => {
    expect(HEAVY_STEPS).toBeLessThan(MAX_RULE_STEPS)
    expect(ruleStepBound(heavy, 0)).toBe(HEAVY_STEPS)
  })

  it('charges each rule to the pass and refuses rules once it is spent', () => {
    const pass = new RuleBudget(HEAVY_STEPS * 2 + 10)
    expect(evaluateRule(heavy, {}, pass)).toBe(true)
    expect(evaluateRule(heavy, {}, pass)).toBe(true)
    expect(pass.left).toBe(10)
    expect(pass.exhausted).toBe(false)
    expect(evaluateRule(heavy, {}, pass)).toBeUndefined()
    expect(pass.exhausted).toBe(true)
    expect(pass.left).toBe(0)
  })

  it('validation refuses a template whose rules cannot fit one pass, at the rule that crosses it', () => {
    const result = validateTemplate(hostile(200, 'visibleIf'))
    if (result.ok) throw new Error('accepted')
    const issue = result.issues.find((i) => i.code === 'rule.passBudget')
    const crossing = Math.floor(MAX_PASS_STEPS / HEAVY_STEPS)
    expect(issue?.pointer).toBe(`/sections/0/items/${crossing}/visibleIf`)
    expect(issue?.params).toEqual({ steps: 200 * HEAVY_STEPS, limit: MAX_PASS_STEPS })
    expect(issue?.message['zh-CN']).toContain('条件太多或太复杂')
    expect(issue?.message.en).toContain('Too many or too complex conditions')
  })

  it('as many heavy rules as fit are accepted', () => {
    const fits = Math.floor(MAX_PASS_STEPS / HEAVY_STEPS)
    const result = validateTemplate(hostile(fits, 'visibleIf'))
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  it('scoring a template that bypassed validation stays within one budget, and says so', () => {
    const template = hostile(200, 'visibleIf')
    const result = scoreResponse(template, { templateId: 'hostile', templateVersion: 1, answers: {} })
    // Unbounded, this scoring would visit 200 × HEAVY_STEPS ≈ 4 million nodes.
    expect(applied).toBeLessThanOrEqual(MAX_PASS_STEPS)
    expect(result.notes.map((n) => n.code)).toContain('ruleBudgetExhausted')
    // Rules that ran are visible (they hold); those past the budget count as broken: hidden.
    const fits = Math.floor(MAX_PASS_STEPS / HEAVY_STEPS)
    expect(result.items.slice(0, fits).every((i) => !i.hidden)).toBe(true)
    expect(result.items.slice(fits).every((i) => i.hidden)).toBe(true)
  })

  it('a second scoring of the same answers decides the same, memo or not', () => {
    const template = hostile(200, 'visibleIf')
    const response = { templateId: 'hostile', templateVersion: 1, answers: {} }
    const first = scoreResponse(template, response).items.map((i) => i.hidden)
    applied = 0
    const second = scoreResponse(template, response)
    expect(second.items.map((i) => i.hidden)).toEqual(first)
    expect(second.notes.map((n) => n.code)).toContain('ruleBudgetExhausted')
    expect(applied).toBeLessThanOrEqual(MAX_PASS_STEPS)
  })

  it('deriving item states (requiredIf) is bounded per pass too', () => {
    const template = hostile(200, 'requiredIf')
    const answers = {}
    const result = scoreResponse(template, { templateId: 'hostile', templateVersion: 1, answers })
    expect(applied).toBeLessThanOrEqual(MAX_PASS_STEPS)
    applied = 0
    const states = deriveItemStates(template, answers, result)
    expect(applied).toBeLessThanOrEqual(MAX_PASS_STEPS)
    const fits = Math.floor(MAX_PASS_STEPS / HEAVY_STEPS)
    expect(states.slice(0, fits).every((s) => s.required)).toBe(true)
    expect(states.slice(fits).every((s) => !s.required)).toBe(true)
  })
})
