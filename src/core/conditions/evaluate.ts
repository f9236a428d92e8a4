import type { JsonLogicRule } from '@/core/format/types'
import type { RuleBudget } from './budget'
import { applyRule, lastRuleSteps, MAX_RULE_STEPS, RuleStepsError, truthy } from './engine'

/**
 * Evaluates a JSON Logic rule against data; never throws (a broken rule yields `undefined`).
 * With a `pass`, the rule may take no more steps than the pass has left, and what it took is
 * charged to the pass; without one, only the rule's own limit applies.
 *
 * The data is read as given, not copied: the scorer builds it once per scoring (see
 * `toRuleData`) because a copy per call would cost more than the evaluation itself. Safety does
 * not rest on the copy: the hardened `var` reads only own properties and refuses prototype paths.
 */
export function evaluateRule(rule: JsonLogicRule, data: Record<string, unknown>, pass?: RuleBudget): unknown {
  const limit = pass === undefined ? MAX_RULE_STEPS : Math.min(MAX_RULE_STEPS, pass.left)
  if (limit <= 0) {
    // `pass` is defined here: MAX_RULE_STEPS is positive.
    if (pass !== undefined) pass.exhausted = true
    return undefined
  }
  try {
    return applyRule(rule, data, limit)
  } catch (error) {
    // Cut by the pass's budget rather than by the rule's own: the pass must say so.
    if (pass !== undefined && error instanceof RuleStepsError && limit < MAX_RULE_STEPS) pass.exhausted = true
    // Unknown operators, forbidden paths, step or size limits, stack overflows: all "broken".
    return undefined
  } finally {
    if (pass !== undefined) pass.left -= lastRuleSteps()
  }
}

/** JSON Logic truthiness of the result ([] and '' and 0 are false, as in JSON Logic). */
export function ruleHolds(rule: JsonLogicRule | undefined, data: Record<string, unknown>, pass?: RuleBudget): boolean {
  if (rule === undefined) return true
  return truthy(evaluateRule(rule, data, pass))
}

/**
 * A null-prototype copy of `values` (item id → answer value), built once per scoring and passed
 * to every `evaluateRule` call, so even a lookup that slipped past the hardened `var` would
 * find no inherited property.
 */
export function toRuleData(values: Record<string, unknown>): Record<string, unknown> {
  const data = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(values)) data[key] = values[key]
  return data
}
