/**
 * Static reading of JSON Logic rules, without evaluating them: which item ids a rule reads
 * (for unknown-item and cycle checks) and what makes a rule unsafe or malformed.
 */
import type { JsonLogicRule } from '@/core/format/types'
import { pointer } from '@/core/result'
import { ALLOWED_OPERATORS, FORBIDDEN_SEGMENTS } from './engine'

/** Rules nest far less than this; deeper means a mistake or an attack (and a stack risk). */
export const MAX_RULE_DEPTH = 64

/** Operations whose second argument is evaluated once per array element, with the element as data. */
const SCOPED_OPERATORS: ReadonlySet<string> = new Set(['all', 'none', 'some', 'map', 'filter', 'reduce'])

export const RULE_PROBLEM_CODES = [
  'rule.unknownOperator',
  'rule.method',
  'rule.forbiddenVar',
  'rule.dynamicVar',
  'rule.malformed',
  'rule.tooDeep',
] as const
export type RuleProblemCode = (typeof RULE_PROBLEM_CODES)[number]

/** `path` is a JSON pointer inside the rule, e.g. `/and/1/var`. */
export interface RuleProblem {
  code: RuleProblemCode
  path: string
}

/** One data path a rule reads in its outer scope, and where (a JSON pointer inside the rule). */
export interface VarRef {
  /** The first path segment: the item id (or, for band `when`, `total`/`percent`/`sections`). */
  id: string
  path: string
}

interface Visitor {
  /** A `var`/`missing` path read in the outer scope (the answers, or the band data). */
  onOuterPath(path: string, at: string): void
  onProblem(problem: RuleProblem): void
}

type Segment = string | number

function isPlainObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node)
}

function at(segments: Segment[]): string {
  return pointer(...segments)
}

function checkPath(path: string, segments: Segment[], outer: boolean, visitor: Visitor): void {
  if (path.split('.').some((s) => FORBIDDEN_SEGMENTS.has(s))) {
    visitor.onProblem({ code: 'rule.forbiddenVar', path: at(segments) })
  } else if (outer && path !== '') {
    visitor.onOuterPath(path, at(segments))
  }
}

/** A `var` operand: a path, `[path]`, `[path, default]`; a rule as path is dynamic. */
function visitVar(args: unknown, segments: Segment[], outer: boolean, depth: number, visitor: Visitor): void {
  const list = Array.isArray(args) ? args : [args]
  const pathSegments = Array.isArray(args) ? [...segments, 0] : segments
  const head: unknown = list[0]
  if (typeof head === 'string' || typeof head === 'number') {
    checkPath(String(head), pathSegments, outer, visitor)
  } else if (head !== undefined && head !== null) {
    visitor.onProblem({ code: 'rule.dynamicVar', path: at(pathSegments) })
    walk(head, pathSegments, outer, depth + 1, visitor)
  }
  if (Array.isArray(args)) {
    args.slice(1).forEach((arg: unknown, i) => walk(arg, [...segments, i + 1], outer, depth + 1, visitor))
  }
}

/** `missing` reads each key it is given; `missing_some` reads the keys in its second operand. */
function visitKeys(keys: unknown, segments: Segment[], outer: boolean, depth: number, visitor: Visitor): void {
  if (typeof keys === 'string' || typeof keys === 'number') {
    checkPath(String(keys), segments, outer, visitor)
  } else if (Array.isArray(keys)) {
    keys.forEach((key: unknown, i) => visitKeys(key, [...segments, i], outer, depth + 1, visitor))
  } else {
    walk(keys, segments, outer, depth + 1, visitor)
  }
}

function visitOperation(op: string, args: unknown, segments: Segment[], outer: boolean, depth: number, visitor: Visitor): void {
  const here = [...segments, op]
  if (op === 'method') visitor.onProblem({ code: 'rule.method', path: at(segments) })
  else if (!ALLOWED_OPERATORS.has(op)) visitor.onProblem({ code: 'rule.unknownOperator', path: at(segments) })

  if (op === 'var') return visitVar(args, here, outer, depth, visitor)
  if (op === 'missing') return visitKeys(args, here, outer, depth, visitor)
  if (op === 'missing_some' && Array.isArray(args)) {
    walk(args[0], [...here, 0], outer, depth + 1, visitor)
    return visitKeys(args[1], [...here, 1], outer, depth + 1, visitor)
  }
  if (SCOPED_OPERATORS.has(op) && Array.isArray(args)) {
    // Inside the per-element rule, `var` names the element's fields, not item ids.
    args.forEach((arg: unknown, i) => walk(arg, [...here, i], outer && i !== 1, depth + 1, visitor))
    return
  }
  walk(args, here, outer, depth + 1, visitor)
}

function walk(node: unknown, segments: Segment[], outer: boolean, depth: number, visitor: Visitor): void {
  if (depth > MAX_RULE_DEPTH) {
    visitor.onProblem({ code: 'rule.tooDeep', path: at(segments) })
    return
  }
  if (Array.isArray(node)) {
    node.forEach((child: unknown, i) => walk(child, [...segments, i], outer, depth + 1, visitor))
    return
  }
  if (!isPlainObject(node)) return
  const keys = Object.keys(node)
  const op = keys[0]
  if (keys.length !== 1 || op === undefined) {
    // json-logic-js would return such an object as a literal (always truthy): never what was meant.
    visitor.onProblem({ code: 'rule.malformed', path: at(segments) })
    return
  }
  visitOperation(op, node[op], segments, outer, depth, visitor)
}

/** Every `var` path the rule reads (first path segment is the item id), e.g. ['q1', 'q2']. */
export function collectVars(rule: JsonLogicRule): string[] {
  return [...new Set(collectVarRefs(rule).map((ref) => ref.id))]
}

/** Like `collectVars`, but every read with its place in the rule, so issues can point at it. */
export function collectVarRefs(rule: JsonLogicRule): VarRef[] {
  const refs: VarRef[] = []
  walk(rule, [], true, 0, {
    onOuterPath: (path, where) => refs.push({ id: path.split('.')[0] ?? path, path: where }),
    onProblem: () => undefined,
  })
  return refs
}

/** Problems that make a rule unsafe or malformed: unknown operators, `method`, forbidden var paths. */
export function checkRule(rule: JsonLogicRule): RuleProblem[] {
  const problems: RuleProblem[] = []
  walk(rule, [], true, 0, { onOuterPath: () => undefined, onProblem: (p) => problems.push(p) })
  return problems
}
