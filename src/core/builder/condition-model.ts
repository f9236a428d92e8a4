/**
 * The visual condition editor's model and its round trip with JSON Logic.
 *
 * A condition is AND/OR groups of clauses "item · operator · value". `toJsonLogic` writes the
 * rule; `fromJsonLogic` reads back any rule this editor wrote (and common hand-written shapes),
 * and returns null for anything else, which the editor then shows read-only as JSON.
 */
import type { JsonLogicRule, JsonValue } from '../format/types'

export const CLAUSE_OPS = ['==', '!=', '>', '>=', '<', '<=', 'in', 'answered', 'unanswered'] as const
export type ClauseOp = (typeof CLAUSE_OPS)[number]

/** Operators that take no value. */
export const UNARY_OPS: ReadonlySet<ClauseOp> = new Set(['answered', 'unanswered'])

export type ClauseValue = string | number | boolean | null

export interface Clause {
  kind: 'clause'
  /** The item id the clause reads. */
  var: string
  op: ClauseOp
  value: ClauseValue
}

export interface Group {
  kind: 'group'
  op: 'and' | 'or'
  children: Array<Clause | Group>
}

export type ConditionNode = Clause | Group

export function emptyGroup(op: 'and' | 'or' = 'and'): Group {
  return { kind: 'group', op, children: [] }
}

export function clause(varName: string, op: ClauseOp = '==', value: ClauseValue = ''): Clause {
  return { kind: 'clause', var: varName, op, value }
}

function clauseToRule(c: Clause): JsonLogicRule {
  const v: JsonValue = { var: c.var }
  switch (c.op) {
    case 'answered':
      return { '!!': [v] }
    case 'unanswered':
      return { '!': [v] }
    case 'in':
      // "the answer (a multi's set) contains the option": {"in": [value, {var}]}
      return { in: [c.value, v] }
    case '==':
    case '!=':
    case '>':
    case '>=':
    case '<':
    case '<=':
      return { [c.op]: [v, c.value] }
    default: {
      const never: never = c.op
      return never
    }
  }
}

/** The JSON Logic of a model. An empty group is "always" and returns undefined (no rule). */
export function toJsonLogic(node: ConditionNode): JsonLogicRule | undefined {
  if (node.kind === 'clause') return clauseToRule(node)
  const parts = node.children.map(toJsonLogic).filter((r): r is JsonLogicRule => r !== undefined)
  if (parts.length === 0) return undefined
  if (parts.length === 1) return parts[0]
  return { [node.op]: parts }
}

const isObject = (x: unknown): x is Record<string, JsonValue> => typeof x === 'object' && x !== null && !Array.isArray(x)

function varName(x: unknown): string | null {
  if (!isObject(x) || Object.keys(x).length !== 1) return null
  const v = x.var
  if (typeof v === 'string') return v
  if (Array.isArray(v) && typeof v[0] === 'string' && v.length === 1) return v[0]
  return null
}

const isScalar = (x: unknown): x is ClauseValue =>
  x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'

function ruleToNode(rule: unknown): ConditionNode | null {
  if (!isObject(rule)) return null
  const keys = Object.keys(rule)
  if (keys.length !== 1) return null
  const op = keys[0] as string
  const raw = rule[op]
  const args = Array.isArray(raw) ? raw : [raw]
  if (op === 'and' || op === 'or') {
    const children = args.map(ruleToNode)
    if (children.some((c) => c === null)) return null
    return { kind: 'group', op, children: children as ConditionNode[] }
  }
  if (op === '!!' || op === '!') {
    const name = args.length === 1 ? varName(args[0]) : null
    return name === null ? null : clause(name, op === '!!' ? 'answered' : 'unanswered', null)
  }
  if (op === 'in') {
    const name = args.length === 2 ? varName(args[1]) : null
    return name !== null && isScalar(args[0]) ? clause(name, 'in', args[0]) : null
  }
  if (op === '===' || op === '!==') return ruleToNode({ [op === '===' ? '==' : '!=']: raw ?? null })
  if ((CLAUSE_OPS as readonly string[]).includes(op) && args.length === 2) {
    const name = varName(args[0])
    if (name !== null && isScalar(args[1])) return clause(name, op as ClauseOp, args[1])
  }
  return null
}

/**
 * The model of a rule, always as a top-level group; null when the rule has a shape the visual
 * editor cannot show (it is kept and shown as JSON).
 */
export function fromJsonLogic(rule: JsonLogicRule | undefined): Group | null {
  if (rule === undefined) return emptyGroup()
  const node = ruleToNode(rule)
  if (node === null) return null
  return node.kind === 'group' ? node : { kind: 'group', op: 'and', children: [node] }
}

/** Reads a typed text from a value box: numbers and booleans become themselves, the rest text. */
export function parseClauseValue(text: string): ClauseValue {
  const t = text.trim()
  if (t === 'true') return true
  if (t === 'false') return false
  if (t !== '' && Number.isFinite(Number(t))) return Number(t)
  return text
}
