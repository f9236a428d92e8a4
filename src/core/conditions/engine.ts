/**
 * The one place that touches `json-logic-js`. Rules in templates are untrusted data, so the
 * shared evaluator is hardened once, when this module loads:
 *  - `method` (calls a method on a value in older releases) and `log` (a console side effect)
 *    are removed;
 *  - `var` is replaced by a version that reads only own properties and refuses the segments
 *    `__proto__`, `constructor` and `prototype`, so no rule can walk to a prototype, a
 *    constructor or a global, even with a path computed at run time (`{"var": {"cat": …}}`).
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

jsonLogic.rm_operation('method')
jsonLogic.rm_operation('log')
jsonLogic.add_operation('var', safeVar)

/** The hardened evaluator; callers go through `evaluateRule`, which also catches its throws. */
export const hardenedLogic = jsonLogic
