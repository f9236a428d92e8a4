/**
 * A static upper bound on the steps one evaluation of a rule can take in the engine
 * (core/conditions/engine.ts counts one step per node json-logic-js applies), so validation can
 * refuse templates whose rules could not all fit one pass's budget (MAX_PASS_STEPS).
 *
 * How the bound is built, node by node (an over-estimate, never an under-estimate):
 *  - a literal, a `var`'s argument, any node: 1 step, plus its children;
 *  - `if`/`?:`/`and`/`or` are counted as if every branch ran;
 *  - `map`/`filter`/`all`/`some`/`none`/`reduce` run their body once per element, so they cost
 *    the array's steps plus (its longest possible length × the body's steps);
 *  - `missing` reads each key through `var` (2 steps a key, more for an array key), and
 *    `missing_some` applies its evaluated options again and reads them through `missing`.
 * The longest array a node can yield:
 *  - a literal array: its length; `merge`: the sum of its parts, at most MAX_RULE_BUILD;
 *    `map`/`filter`: their input's; `missing`/`missing_some`: their key lists';
 *    `if`/`and`/`or`: their branches' longest;
 *  - `var` over the answers: the longest answer array (`answerArray`: a multi item's option count,
 *    an attachment list's `maxCount`; see `longestAnswerArray`);
 *  - `var` inside an iteration, and `reduce`: elements and accumulators can be anything the rule
 *    builds, so the rule's longest array of any kind: its longest literal array, the answers',
 *    and MAX_RULE_BUILD if it uses `merge` at all.
 * The engine never lets one rule run past MAX_RULE_STEPS, so callers cap the bound there.
 */
import { MAX_RULE_BUILD } from '@/core/conditions'

interface Bound {
  steps: number
  /** Longest array the node can evaluate to (0: never an array). */
  len: number
}

interface Scope {
  /** Longest array `var` can read here. */
  varLen: number
  /** Longest array anywhere in this rule (for `var` inside iterations and for `reduce`). */
  anyLen: number
}

const ITERATORS = new Set(['map', 'filter', 'all', 'some', 'none'])

/** The longest array anywhere in a rule's JSON, and whether it uses `merge`. */
function shape(node: unknown, acc: { longest: number; merge: boolean }): void {
  if (node === null || typeof node !== 'object') return
  if (Array.isArray(node)) {
    acc.longest = Math.max(acc.longest, node.length)
    for (const child of node) shape(child, acc)
    return
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'merge') acc.merge = true
    shape(value, acc)
  }
}

function bound(node: unknown, scope: Scope, inner: Scope): Bound {
  if (node === null || typeof node !== 'object') return { steps: 1, len: 0 }
  if (Array.isArray(node)) {
    let steps = 1
    for (const child of node) steps += bound(child, scope, inner).steps
    return { steps, len: node.length }
  }
  const keys = Object.keys(node)
  // Not an operation (json-logic-js returns such an object as it is).
  if (keys.length !== 1) return { steps: 1, len: 0 }
  const op = keys[0] as string
  const raw: unknown = (node as Record<string, unknown>)[op]
  const args: unknown[] = Array.isArray(raw) ? raw : [raw]
  const arg = (i: number, at: Scope = scope): Bound => (i < args.length ? bound(args[i], at, inner) : { steps: 0, len: 0 })

  if (ITERATORS.has(op) || op === 'reduce') {
    const over = arg(0)
    // The body always costs at least its own node (an absent body is applied as `undefined`).
    const body = Math.max(1, arg(1, inner).steps)
    const initial = op === 'reduce' ? arg(2).steps : 0
    const len = op === 'map' || op === 'filter' ? over.len : op === 'reduce' ? scope.anyLen : 0
    return { steps: 1 + over.steps + initial + over.len * body, len }
  }
  const parts = args.map((_, i) => arg(i))
  let steps = 1
  let longest = 0
  let total = 0
  for (const part of parts) {
    steps += part.steps
    longest = Math.max(longest, part.len)
    total += Math.max(1, part.len)
  }
  switch (op) {
    case 'var':
      return { steps, len: scope.varLen }
    case 'missing': {
      // Each key is read through `{"var": key}`: 2 steps, more if a key is itself an array.
      const keys = Math.max(args.length, parts[0]?.len ?? 0)
      return { steps: steps + keys * (2 + scope.anyLen), len: keys }
    }
    case 'missing_some': {
      // Its evaluated options are applied again, as `missing`'s arguments (each value node a
      // step: at most the options' own steps, each grown by an array a `var` in them read),
      // then read as `missing`'s keys (or, if the first is an array, that array).
      const keys = Math.max(1, parts[1]?.len ?? 0, scope.anyLen)
      const reapplied = 1 + (parts[1]?.steps ?? 0) * (1 + scope.anyLen)
      return { steps: steps + reapplied + keys * (2 + scope.anyLen), len: keys }
    }
    case 'merge':
      return { steps, len: Math.min(MAX_RULE_BUILD, total) }
    case 'if':
    case '?:':
    case 'and':
    case 'or':
      return { steps, len: longest }
    default:
      return { steps, len: 0 }
  }
}

/**
 * Upper bound on the steps one evaluation of `rule` takes, when no answer array (or, for a band
 * `when`, the `sections` list) is longer than `answerArray`. Not capped at MAX_RULE_STEPS.
 */
export function ruleStepBound(rule: unknown, answerArray: number): number {
  const acc = { longest: 0, merge: false }
  shape(rule, acc)
  const anyLen = Math.max(answerArray, acc.longest, acc.merge ? MAX_RULE_BUILD : 0)
  const inner: Scope = { varLen: anyLen, anyLen }
  return bound(rule, { varLen: answerArray, anyLen }, inner).steps
}
