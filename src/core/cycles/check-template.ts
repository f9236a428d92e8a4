/**
 * A cycle against the template it names: the same id and version, subject fields the template
 * has, quotas on bands it has. Pointers are into the cycle document.
 */
import type { Template } from '../format/types'
import { pointer, type Issue } from '../result'
import { makeIssue } from '../validate/issues'
import { bandIndexOf } from './quota'
import type { Cycle } from './types'

function quotaIssues(cycle: Cycle, template: Template): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<number>()
  const lowest = (template.scoring?.bands?.length ?? 0) - 1
  cycle.quotas?.forEach((quota, i) => {
    const at = pointer('quotas', i, 'band')
    const index = bandIndexOf(template, quota.band)
    if (index < 0) issues.push(makeIssue('cycle.unknownQuotaBand', at, { band: quota.band }))
    else if (seen.has(index)) issues.push(makeIssue('cycle.duplicateQuota', at, { band: quota.band }))
    else if (index === lowest) issues.push(makeIssue('cycle.quotaLowestBand', at, { band: quota.band }))
    seen.add(index)
  })
  return issues
}

/** Errors make the cycle unusable with this template; warnings (a quota on the lowest band) do not. */
export function checkCycleTemplate(cycle: Cycle, template: Template): Issue[] {
  const { id, version } = cycle.template
  if (id !== template.id || version !== template.version) {
    const at = id !== template.id ? '/template/id' : '/template/version'
    return [makeIssue('cycle.templateMismatch', at, { expected: `${id}@${version}`, actual: `${template.id}@${template.version}` })]
  }
  const fields = new Set((template.subject?.fields ?? []).map((f) => f.id))
  const issues: Issue[] = []
  cycle.subjectKey.forEach((field, i) => {
    if (!fields.has(field)) issues.push(makeIssue('cycle.unknownSubjectField', pointer('subjectKey', i), { id: field }))
  })
  return [...issues, ...quotaIssues(cycle, template)]
}
