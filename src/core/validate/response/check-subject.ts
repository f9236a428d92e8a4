/** The subject's values fit the template's subject fields; required ones are filled on submit. */
import type { Response, Template } from '@/core/format/types'
import { pointer, type Issue } from '@/core/result'
import { makeIssue } from '../issues'

export function checkSubject(template: Template, response: Response): Issue[] {
  const fields = template.subject?.fields ?? []
  const values = response.subject ?? {}
  const issues: Issue[] = []
  const known = new Set(fields.map((f) => f.id))
  for (const id of Object.keys(values)) {
    if (!known.has(id)) issues.push(makeIssue('subject.unknownField', pointer('subject', id), { id }))
  }
  for (const field of fields) {
    const value = Object.hasOwn(values, field.id) ? values[field.id] : undefined
    const at = pointer('subject', field.id)
    if (value === undefined || value === '') {
      if (field.required === true && response.status === 'submitted') issues.push(makeIssue('subject.required', at, { id: field.id }))
    } else if (field.type === 'select' && field.options && !field.options.includes(String(value))) {
      issues.push(makeIssue('subject.notAnOption', at, { id: field.id, value: String(value) }))
    }
  }
  return issues
}
