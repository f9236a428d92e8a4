/** Turns Ajv's errors into bilingual issues, keeping Ajv's instancePath as the pointer. */
import type { ErrorObject } from 'ajv'
import type { Issue } from '@/core/result'
import { makeIssue, preview, type IssueParams } from './issues'
import type { IssueCode } from './messages'

const LIMIT_KEYWORDS = new Set([
  'minLength', 'maxLength', 'minItems', 'maxItems', 'maxProperties',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
])
/** Keywords that only say "a subschema failed"; the subschema's own errors say what. */
const WRAPPER_KEYWORDS = new Set(['if', 'allOf', 'anyOf', 'oneOf', 'propertyNames'])

function param(error: ErrorObject, name: string): unknown {
  return (error.params as Record<string, unknown>)[name]
}

function text(value: unknown): string | number {
  if (typeof value === 'number') return value
  return Array.isArray(value) ? value.map((v) => preview(v)).join(', ') : preview(value)
}

/** The value at a JSON pointer (Ajv leaves `error.data` out unless run verbose). */
function valueAt(document: unknown, pointer: string): unknown {
  let node: unknown = document
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined
    node = (node as Record<string, unknown>)[segment]
  }
  return node
}

function translate(error: ErrorObject, document: unknown): [IssueCode, IssueParams] | null {
  const keyword = error.keyword
  if (WRAPPER_KEYWORDS.has(keyword)) return null
  if (error.propertyName !== undefined) return ['schema.propertyName', { property: preview(error.propertyName), limit: text(param(error, 'limit')) }]
  switch (keyword) {
    case 'required':
      return ['schema.required', { property: text(param(error, 'missingProperty')) }]
    case 'additionalProperties':
      return ['schema.unknownProperty', { property: text(param(error, 'additionalProperty')) }]
    case 'unevaluatedProperties':
      return ['schema.unknownProperty', { property: text(param(error, 'unevaluatedProperty')) }]
    case 'type':
      return ['schema.type', { expected: text(param(error, 'type')) }]
    case 'enum':
      return ['schema.enum', { allowed: text(param(error, 'allowedValues')) }]
    case 'const':
      return ['schema.const', { allowed: text(param(error, 'allowedValue')) }]
    case 'pattern':
      return ['schema.pattern', { pattern: text(param(error, 'pattern')) }]
    case 'format':
      return ['schema.format', { format: text(param(error, 'format')) }]
    case 'not':
      return ['schema.reserved', { value: preview(error.data ?? valueAt(document, error.instancePath)) }]
  }
  if (LIMIT_KEYWORDS.has(keyword)) return [`schema.${keyword}` as IssueCode, { limit: text(param(error, 'limit')) }]
  return ['schema.other', { keyword, reason: error.message ?? '' }]
}

const ITEM_POINTER = /^((?:\/sections\/\d+)+\/items\/\d+)(?:\/|$)/

/** The id of the item a pointer falls inside, read from the document, so the UI can jump to it. */
function itemIdAt(document: unknown, pointer: string): string | undefined {
  const match = ITEM_POINTER.exec(pointer)
  if (!match?.[1]) return undefined
  let node: unknown = document
  for (const segment of match[1].split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[segment]
  }
  const id = typeof node === 'object' && node !== null ? (node as Record<string, unknown>).id : undefined
  return typeof id === 'string' ? id : undefined
}

export function ajvIssues(errors: ErrorObject[] | null | undefined, document: unknown, itemIds = true): Issue[] {
  const seen = new Set<string>()
  const issues: Issue[] = []
  for (const error of errors ?? []) {
    const translated = translate(error, document)
    if (!translated) continue
    const [code, params] = translated
    const key = `${code}\u0000${error.instancePath}\u0000${JSON.stringify(params)}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(makeIssue(code, error.instancePath, params, itemIds ? itemIdAt(document, error.instancePath) : undefined))
  }
  return issues
}
