/**
 * The one place that touches `json-logic-js`. Rules in templates are untrusted data, so the
 * shared evaluator is hardened once, when this module loads:
 *  - `method` (calls a method on a value in older releases) and `log` (a console side effect)
 *    are removed;
 *  - `var` is replaced by a version that reads only own properties and refuses the segments
 *    `__proto__`, `constructor` and `prototype`, so no rule can walk to a prototype, a
 *    constructor or a global, even with a path computed at run time (`{"var": {"cat": …}}`);
 *  - every evaluation has a step budget, and `cat`/`merge` a size cap, so a hostile rule
 *    (nested `map`s over long literals, a `reduce` that doubles a string) cannot hang the page;
 *    a pass over many rules also shares one budget (budget.ts), so thousands of them cannot.
 */
import jsonLogic from 'json-logic-js'

/** Path segments a rule may never read: they lead from plain data to prototypes and functions. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Operations a rule may use: json-logic-js's own, minus `method` and `log`. */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'var', 'missing', 'missing_some',
  'if', '?:', 'and', 'or', '!', '!!',
  '==', '===', '!=', '!==', '>', '>=', '<', '<=',
  'max', 'min', '+', '-', '*', '/', '%',
  'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in', 'cat', 'substr',
])

/** Thrown by the hardened `var`; `evaluateRule` turns it into `undefined` (a broken rule). */
export class ForbiddenPathError extends Error {
  constructor(readonly segment: string) {
    super(`Forbidden var path segment: ${segment}`)
  }
}

const hasOwn = Object.prototype.hasOwnProperty

/**
 * JSON Logic `var` with the same semantics as the library's (dot paths, a default for missing
 * values, '' or null meaning the whole data), but own properties only: `"q1.length"` still
 * works on arrays and strings, `"q1.toString"` does not.
 */
function safeVar(this: unknown, path?: unknown, fallback?: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback
  if (path === undefined || path === '' || path === null) return this
  // Fast path for the common case, a plain item id: no split, one own-property read.
  if (typeof path === 'string' && !path.includes('.')) {
    if (FORBIDDEN_SEGMENTS.has(path)) throw new ForbiddenPathError(path)
    const data = this as Record<string, unknown> | null | undefined
    if (data === null || data === undefined || !hasOwn.call(data, path)) return notFound
    const value = data[path]
    return value === undefined ? notFound : value
  }
  const segments = String(path).split('.')
  // json-logic-js binds the data to `this`; walking down from it needs a mutable cursor.
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  let current: unknown = this
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) throw new ForbiddenPathError(segment)
    if (current === null || current === undefined) return notFound
    // hasOwnProperty.call boxes primitives, so string and array `length` and indexes stay readable.
    if (!hasOwn.call(current, segment)) return notFound
    current = (current as Record<string, unknown>)[segment]
    if (current === undefined) return notFound
  }
  return current
}

/** Thrown when a rule works too hard; `evaluateRule` turns it into `undefined` (a broken rule). */
export class RuleLimitError extends Error {}

/** The step budget (the rule's own, or what is left of its scoring pass's) ran out. */
export class RuleStepsError extends RuleLimitError {}

/** Rule nodes visited per evaluation. Real rules visit tens; `all` over 50 sections a few hundred. */
export const MAX_RULE_STEPS = 50_000
/** Longest string (`cat`) or array (`merge`) a rule may build. */
export const MAX_RULE_BUILD = 10_000

function cappedCat(...parts: unknown[]): string {
  // Same as the library's: Array.prototype.join turns null and undefined into ''.
  const joined = parts.join('')
  if (joined.length > MAX_RULE_BUILD) throw new RuleLimitError('cat result too long')
  return joined
}

function cappedMerge(...parts: unknown[]): unknown[] {
  let merged: unknown[] = []
  for (const part of parts) {
    merged = merged.concat(part)
    if (merged.length > MAX_RULE_BUILD) throw new RuleLimitError('merge result too long')
  }
  return merged
}

jsonLogic.rm_operation('method')
jsonLogic.rm_operation('log')
jsonLogic.add_operation('var', safeVar)
jsonLogic.add_operation('cat', cappedCat)
jsonLogic.add_operation('merge', cappedMerge)

type Apply = (logic: unknown, data?: unknown) => unknown
const rawApply = jsonLogic.apply as Apply
/** Steps left in the current `applyRule`; null outside one, so other callers are never limited. */
let budget: number | null = null
/** Steps the last `applyRule` took (its limit when it ran out). */
let lastSteps = 0

/**
 * json-logic-js recurses through its own `jsonLogic.apply` property, so replacing that property
 * counts every node visited, including those inside `map`/`filter`/`reduce`/`all`/`some`/`none`.
 */
Object.assign(jsonLogic, {
  apply: function countedApply(logic: unknown, data?: unknown): unknown {
    if (budget !== null && --budget < 0) throw new RuleStepsError('rule evaluation took too many steps')
    return rawApply.call(jsonLogic, logic, data)
  },
})

/**
 * Evaluates with a budget of `limit` steps (at least 1, at most MAX_RULE_STEPS); throws on broken
 * or over-budget rules (the caller catches). `lastRuleSteps()` then tells what it took.
 */
export function applyRule(rule: unknown, data: unknown, limit: number = MAX_RULE_STEPS): unknown {
  // The root node is counted here and evaluated directly, one wrapper call fewer per rule
  // (visibility rules run on every re-score); every node below it goes through `countedApply`.
  budget = limit - 1
  try {
    return rawApply.call(jsonLogic, rule, data)
  } finally {
    lastSteps = Math.min(limit, limit - budget)
    budget = null
  }
}

/** Steps the last `applyRule` visited, counting the root; its whole limit when it ran out. */
export const lastRuleSteps = (): number => lastSteps

/** The library's truthiness, read once rather than through the module object on every call. */
const libraryTruthy = jsonLogic.truthy.bind(jsonLogic) as (value: unknown) => boolean

/** JSON Logic truthiness ([] is false), from the library. */
export const truthy = (value: unknown): boolean => libraryTruthy(value)
