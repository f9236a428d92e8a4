/**
 * `validateCycle`: untrusted JSON as a cycle document — the same guards and JSON Schema step as
 * templates and responses (core/validate), then the checks a schema cannot express.
 */
import { fail, ok, pointer, type Issue, type Result } from '../result'
import { cycleSchemaValidator } from '../validate/ajv'
import { capIssues, makeIssue } from '../validate/issues'
import { internalIssue, preflight } from '../validate/preflight'
import type { ValidateOptions } from '../validate'
import { keyId, keyOf } from './subjects'
import type { Cycle } from './types'

function subjectIssues(cycle: Cycle): Issue[] {
  const issues: Issue[] = []
  const first = new Map<string, number>()
  cycle.subjects?.forEach((subject, i) => {
    const key = keyOf(cycle.subjectKey, subject)
    if ('missing' in key) {
      issues.push(makeIssue('cycle.subjectMissingKey', pointer('subjects', i), { id: key.missing }))
      return
    }
    const id = keyId(cycle.subjectKey, key)
    const earlier = first.get(id)
    if (earlier !== undefined) issues.push(makeIssue('cycle.duplicateSubject', pointer('subjects', i), { first: earlier + 1 }))
    else first.set(id, i)
  })
  return issues
}

function panelIssues(cycle: Cycle): Issue[] {
  const panel = cycle.panel
  if (panel?.trim !== undefined && (panel.aggregate ?? 'mean') !== 'trimmedMean') return [makeIssue('cycle.trimIgnored', '/panel/trim')]
  return []
}

function deadlineIssues(cycle: Cycle): Issue[] {
  const { self, review } = cycle.deadlines ?? {}
  if (self === undefined || review === undefined) return []
  return Date.parse(review) < Date.parse(self) ? [makeIssue('cycle.deadlineOrder', '/deadlines/review', { self, review })] : []
}

/** Checks `json` as a cycle document, never throwing. Warnings do not fail the result. */
export function validateCycle(json: unknown, options: ValidateOptions = {}): Result<Cycle> {
  try {
    const early = preflight(json, cycleSchemaValidator, options)
    if (early.length > 0) return fail(early)
    const cycle = json as Cycle
    const issues = capIssues([...subjectIssues(cycle), ...panelIssues(cycle), ...deadlineIssues(cycle)])
    return issues.some((i) => i.severity === 'error') ? fail(issues) : ok(cycle, issues)
  } catch (error) {
    return fail([internalIssue(error)])
  }
}
