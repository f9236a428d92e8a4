/**
 * Remembering what a `visibleIf` rule last decided, so live re-scoring (one answer changes per
 * tap) does not run JSON Logic again for rules whose inputs did not change. Nothing is
 * evaluated here: a rule is either run through `ruleHolds` or its last answer is reused.
 *
 * Reuse is sound only when the result is a function of the inputs we compare, so a rule gets a
 * memo only if it is built from pure, unscoped operators over literals and `var`s with literal
 * paths: then it reads nothing but `data[id]` for the first segment of each path. Rules with a
 * computed path, whole-data `var`, `missing`, or the array operators (whose `var`s read each
 * element) are always evaluated. Only primitive inputs are compared: an array answer could be
 * changed in place between scorings, so a rule reading one is evaluated afresh.
 */
import { FORBIDDEN_SEGMENTS, ruleHolds, type RuleBudget } from '../conditions'
import type { JsonLogicRule } from '../format/types'

/** Operators whose result depends on nothing but their evaluated arguments. */
const PURE_OPERATORS: ReadonlySet<string> = new Set([
  'if', '?:', 'and', 'or', '!', '!!',
  '==', '===', '!=', '!==', '>', '>=', '<', '<=',
  'max', 'min', '+', '-', '*', '/', '%', 'in', 'cat', 'substr',
])

export interface RuleMemo {
  /** The item ids the rule reads (first path segments), without repeats. */
  inputs: readonly string[]
  /** Their values when `holds` was decided; meaningful only while `valid`. */
  values: unknown[]
  holds: boolean
  /** Steps the evaluation that decided `holds` took: charged again on reuse (see `RuleBudget.charge`). */
  steps: number
  valid: boolean
}

/** Adds the ids `node` reads to `inputs`; false when `node` reads data in a way not keyed by them. */
function collect(node: unknown, inputs: Set<string>): boolean {
  if (node === null || typeof node !== 'object') return true
  if (Array.isArray(node)) return node.every((n) => collect(n, inputs))
  const keys = Object.keys(node)
  // An object with several keys is data to json-logic-js, not an operation; keep it simple.
  if (keys.length !== 1) return false
  const op = keys[0] as string
  const args: unknown = (node as Record<string, unknown>)[op]
  if (op === 'var') {
    const list: unknown[] = Array.isArray(args) ? args : [args]
    const path = list[0]
    if (typeof path !== 'string' || path === '' || list.length > 2) return false
    const segments = path.split('.')
    if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) return false
    const fallback = list[1]
    if (fallback !== undefined && fallback !== null && typeof fallback === 'object') return false
    inputs.add(segments[0] as string)
    return true
  }
  return PURE_OPERATORS.has(op) && collect(args, inputs)
}

/** A memo for `rule`, or null when its result cannot be keyed by the answers it reads. */
export function memoFor(rule: JsonLogicRule | undefined): RuleMemo | null {
  if (rule === undefined) return null
  const inputs = new Set<string>()
  if (!collect(rule, inputs)) return null
  const ids = [...inputs]
  return { inputs: ids, values: ids.map(() => undefined), holds: false, steps: 0, valid: false }
}

/**
 * `ruleHolds(rule, data, pass)`, reusing the memo's last answer when every input is unchanged.
 * A reused answer costs the pass what its evaluation did, and an answer cut short by the pass's
 * budget is never kept.
 */
export function holdsWithMemo(rule: JsonLogicRule, memo: RuleMemo | null, data: Record<string, unknown>, pass: RuleBudget): boolean {
  if (memo === null) return ruleHolds(rule, data, pass)
  const { inputs, values } = memo
  let same = memo.valid
  let primitive = true
  for (let k = 0; k < inputs.length; k++) {
    const value = data[inputs[k] as string]
    if (typeof value === 'object' && value !== null) primitive = false
    // Object.is: -0 and 0 can decide differently ({"/": [1, x]}), NaN equals itself.
    if (!Object.is(value, values[k])) same = false
  }
  // A rule a fresh evaluation could not finish within the pass is broken, hence false.
  if (same && primitive) return pass.charge(memo.steps) && memo.holds
  const before = pass.left
  const holds = ruleHolds(rule, data, pass)
  memo.valid = primitive && !pass.exhausted
  if (memo.valid) {
    for (let k = 0; k < inputs.length; k++) values[k] = data[inputs[k] as string]
    memo.holds = holds
    memo.steps = before - pass.left
  }
  return holds
}
