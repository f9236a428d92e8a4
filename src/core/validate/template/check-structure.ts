/** Shape rules the schema cannot express: nesting depth, empty sections, bonus inside bonus, subject fields. */
import type { Issue } from '@/core/result'
import { makeIssue } from '../issues'
import type { TemplateIndex } from '@/core/scoring'

export function checkStructure(index: TemplateIndex): Issue[] {
  const issues: Issue[] = []
  for (const entry of index.sections) {
    const { section, pointer } = entry
    if (entry.depth > 1) issues.push(makeIssue('section.tooDeep', pointer))
    if (section.items.length === 0 && (section.sections?.length ?? 0) === 0) {
      issues.push(makeIssue('section.empty', `${pointer}/items`, { id: section.id }))
    }
    // A node's `bonus` covers its ancestors: the parent's says whether some ancestor is a bonus section.
    const insideBonus = entry.parent !== null && index.sections[entry.parent]?.bonus === true
    if (insideBonus && section.bonus === true) issues.push(makeIssue('bonus.nested', `${pointer}/bonus`))
  }
  for (const { item, pointer, section } of index.items) {
    const inBonus = index.sections[section]?.bonus === true
    if (inBonus && item.type !== 'info' && item.bonus === true) {
      issues.push(makeIssue('bonus.nested', `${pointer}/bonus`, {}, item.id))
    }
  }
  index.template.subject?.fields.forEach((field, i) => {
    const at = `/subject/fields/${i}`
    if (field.type === 'select' && (field.options?.length ?? 0) === 0) issues.push(makeIssue('subject.optionsRequired', at))
    if (field.type !== 'select' && field.options !== undefined) issues.push(makeIssue('subject.optionsIgnored', `${at}/options`))
  })
  return issues
}
