/**
 * A response checked without its template: guards and the JSON Schema only. src/core/validate
 * exports no such entry point (validateResponse needs the template), so this reuses its preflight
 * step directly; if core grows a public one, use it here instead.
 */
import type { Response } from '@/core/format/types'
import { fail, ok, type Result } from '@/core/result'
import { responseSchemaValidator } from '@/core/validate/ajv'
import { internalIssue, preflight } from '@/core/validate/preflight'

export function validateResponseShape(json: unknown): Result<Response> {
  try {
    const issues = preflight(json, responseSchemaValidator, {})
    return issues.length > 0 ? fail(issues) : ok(json as Response)
  } catch (error) {
    return fail([internalIssue(error)])
  }
}
