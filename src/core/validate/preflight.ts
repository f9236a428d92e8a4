/** Steps both validators take before their own checks: guards, format version, JSON Schema. */
import type { ValidateFunction } from 'ajv'
import { FORMAT_VERSION } from '@/core/format/types'
import type { Issue } from '@/core/result'
import { ajvIssues } from './ajv-issues'
import { guardDocument, type GuardOptions } from './guard'
import { capIssues, makeIssue } from './issues'

/** Issues that stop validation early (empty: the document matches the schema). */
export function preflight(json: unknown, schema: () => ValidateFunction, options: GuardOptions): Issue[] {
  const guarded = guardDocument(json, options)
  if (guarded.length > 0) return guarded
  const version = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).formatVersion : undefined
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    // A newer format may have fields we do not know: one clear issue beats a page of "unknown property".
    return [makeIssue('document.formatVersion', '/formatVersion', { version, supported: FORMAT_VERSION })]
  }
  const validate = schema()
  if (validate(json)) return []
  return capIssues(ajvIssues(validate.errors, json))
}

/** Turns an unexpected throw into an issue: validators promise never to throw. */
export function internalIssue(error: unknown): Issue {
  return makeIssue('validate.internal', '', { reason: error instanceof Error ? error.message : String(error) })
}
