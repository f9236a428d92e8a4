/** Each answer names a known item and fits it; N/A only where the item allows it. */
import type { Item, Response } from '@/core/format/types'
import { pointer, type Issue } from '@/core/result'
import { makeIssue } from '../issues'
import type { TemplateIndex } from '@/core/scoring'
import { checkValue } from '../values'

function allowsNa(item: Item): boolean {
  if (item.type === 'info') return false
  if (item.na === true) return true
  return (item.type === 'single' || item.type === 'multi') && item.options.some((o) => o.na === true)
}

export function checkAnswers(index: TemplateIndex, response: Response): Issue[] {
  const issues: Issue[] = []
  for (const [id, answer] of Object.entries(response.answers)) {
    const at = pointer('answers', id)
    const entry = index.itemsById.get(id)
    if (!entry) {
      issues.push(makeIssue('answer.unknownItem', at, { id }))
      continue
    }
    const item = entry.item
    if (item.type === 'info') {
      issues.push(makeIssue('answer.notAnswerable', at, { id }, id))
      continue
    }
    if (answer.value !== undefined) issues.push(...checkValue(item, answer.value, `${at}/value`))
    if (answer.na === true && !allowsNa(item)) issues.push(makeIssue('answer.naNotAllowed', `${at}/na`, { id }, id))
  }
  return issues
}
