import type { Response, Template } from '@/core/format/types'
import { fail, ok, type Issue, type Result } from '@/core/result'
import { responseSchemaValidator } from './ajv'
import { capIssues, makeIssue } from './issues'
import { internalIssue, preflight } from './preflight'
import { checkAnswers } from './response/check-answers'
import { checkBlockers } from './response/check-blockers'
import { checkSubject } from './response/check-subject'
import { indexTemplate } from '@/core/scoring'
import type { ValidateOptions } from './validate-template'

function templateMismatch(template: Template, response: Response): Issue[] {
  if (response.templateId !== template.id) {
    return [makeIssue('response.templateMismatch', '/templateId', { expected: template.id, actual: response.templateId })]
  }
  if (response.templateVersion !== template.version) {
    return [makeIssue('response.versionMismatch', '/templateVersion', { expected: template.version, actual: response.templateVersion })]
  }
  return []
}

/**
 * Checks untrusted JSON as a response to `template` (which should itself have passed
 * `validateTemplate`): the schema, that it belongs to this template version, that every answer
 * names a known item and fits it, that the subject fits the subject fields and, once submitted,
 * that nothing blocks it (required items answered, evidence attached) and subject fields are filled.
 * Never throws.
 */
export function validateResponse(template: Template, json: unknown, options: ValidateOptions = {}): Result<Response> {
  try {
    const early = preflight(json, responseSchemaValidator, options)
    if (early.length > 0) return fail(early)
    const response = json as Response
    const mismatch = templateMismatch(template, response)
    // Answers to another template would only produce noise: stop at the mismatch.
    if (mismatch.length > 0) return fail(mismatch)
    const index = indexTemplate(template)
    const issues = [...checkSubject(template, response), ...checkAnswers(index, response), ...checkBlockers(template, response)]
    if (issues.some((issue) => issue.severity === 'error')) return fail(capIssues(issues))
    return ok(response, capIssues(issues))
  } catch (error) {
    return fail([internalIssue(error)])
  }
}
