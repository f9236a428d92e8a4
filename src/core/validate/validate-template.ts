import type { Template } from '@/core/format/types'
import { fail, ok, type Result } from '@/core/result'
import { templateSchemaValidator } from './ajv'
import type { GuardOptions } from './guard'
import { capIssues } from './issues'
import { internalIssue, preflight } from './preflight'
import { semanticIssues } from './template'

export type ValidateOptions = GuardOptions

/**
 * Checks untrusted JSON as a template: size and depth guards, the JSON Schema, then the
 * semantic checks (ids, conditions, scoring, bands, items, defaults). Never throws. Warnings
 * do not fail the result; with errors, `issues` holds the warnings too.
 */
export function validateTemplate(json: unknown, options: ValidateOptions = {}): Result<Template> {
  try {
    const early = preflight(json, templateSchemaValidator, options)
    if (early.length > 0) return fail(early)
    const template = json as Template
    const issues = semanticIssues(template)
    if (issues.some((issue) => issue.severity === 'error')) return fail(capIssues(issues))
    return ok(template, capIssues(issues))
  } catch (error) {
    return fail([internalIssue(error)])
  }
}
