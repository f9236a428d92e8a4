/** Ids must be unique: items across the whole template, sections too, options within their item. */
import type { Issue } from '@/core/result'
import { makeIssue } from '../issues'
import type { TemplateIndex } from '@/core/scoring'

export const MAX_TEMPLATE_ITEMS = 5000

/** Reports every later use of an id already seen, pointing at its `id` field. */
function duplicates<T>(
  entries: T[],
  idOf: (entry: T) => string,
  pointerOf: (entry: T) => string,
  report: (id: string, at: string, first: string, entry: T) => Issue,
): Issue[] {
  const first = new Map<string, string>()
  const issues: Issue[] = []
  for (const entry of entries) {
    const id = idOf(entry)
    const at = pointerOf(entry)
    const earlier = first.get(id)
    if (earlier === undefined) first.set(id, at)
    else issues.push(report(id, `${at}/id`, earlier, entry))
  }
  return issues
}

export function checkIds(index: TemplateIndex): Issue[] {
  const issues: Issue[] = []
  if (index.items.length > MAX_TEMPLATE_ITEMS) {
    issues.push(makeIssue('template.tooManyItems', '/sections', { count: index.items.length, limit: MAX_TEMPLATE_ITEMS }))
  }
  issues.push(
    ...duplicates(index.items, (e) => e.item.id, (e) => e.pointer,
      (id, at, first, e) => makeIssue('id.duplicateItem', at, { id, first }, e.item.id)),
    ...duplicates(index.sections, (e) => e.section.id, (e) => e.pointer,
      (id, at, first) => makeIssue('id.duplicateSection', at, { id, first })),
  )
  for (const { item, pointer } of index.items) {
    if (item.type !== 'single' && item.type !== 'multi') continue
    const options = item.options.map((option, i) => ({ option, at: `${pointer}/options/${i}` }))
    issues.push(...duplicates(options, (o) => o.option.id, (o) => o.at,
      (id, at) => makeIssue('id.duplicateOption', at, { id }, item.id)))
  }
  const fields = (index.template.subject?.fields ?? []).map((field, i) => ({ field, at: `/subject/fields/${i}` }))
  issues.push(...duplicates(fields, (f) => f.field.id, (f) => f.at,
    (id, at) => makeIssue('id.duplicateSubjectField', at, { id })))
  return issues
}
