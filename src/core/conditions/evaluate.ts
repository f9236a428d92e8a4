import type { JsonLogicRule } from '@/core/format/types'
import { applyRule, truthy } from './engine'

/**
 * Evaluates a JSON Logic rule against data; never throws (a broken rule yields `undefined`).
 *
 * The data is read as given, not copied: the scorer builds it once per scoring (see
 * `toRuleData`) because a copy per call would cost more than the evaluation itself. Safety does
 * not rest on the copy: the hardened `var` reads only own properties and refuses prototype paths.
 */
export function evaluateRule(rule: JsonLogicRule, data: Record<string, unknown>): unknown {
  try {
    return applyRule(rule, data)
  } catch {
    // Unknown operators, forbidden paths, step or size limits, stack overflows: all "broken".
    return undefined
  }
}

/** JSON Logic truthiness of the result ([] and '' and 0 are false, as in JSON Logic). */
export function ruleHolds(rule: JsonLogicRule | undefined, data: Record<string, unknown>): boolean {
  if (rule === undefined) return true
  return truthy(evaluateRule(rule, data))
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
