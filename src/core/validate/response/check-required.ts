/**
 * On a submitted response, every visible item that is required (`required`, or `requiredIf`
 * holding) has an answer, N/A, or a default (format.md rule 9). Drafts may be incomplete.
 */
import { ruleHolds, toRuleData } from '@/core/conditions'
import type { Item, Response } from '@/core/format/types'
import { pointer, type Issue } from '@/core/result'
import { makeIssue } from '../issues'
import type { TemplateIndex } from '../template'
import { visibilityOf } from './visibility'

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false
  return !Array.isArray(value) || value.length > 0
}

function effectiveValue(item: Item, response: Response): unknown {
  const answer = Object.hasOwn(response.answers, item.id) ? response.answers[item.id] : undefined
  if (answer?.na === true) return null
  if (hasValue(answer?.value)) return answer?.value
  return 'default' in item && item.default !== undefined ? item.default : null
}

export function checkRequired(index: TemplateIndex, response: Response): Issue[] {
  if (response.status !== 'submitted') return []
  // item id → answer value, null for unanswered / N/A (and, once known, hidden) items.
  const values: Record<string, unknown> = {}
  for (const { item } of index.items) values[item.id] = item.type === 'info' ? null : effectiveValue(item, response)
  const data = toRuleData(values)
  const visibility = visibilityOf(index, data)
  const issues: Issue[] = []
  for (const entry of index.items) {
    const item = entry.item
    if (item.type === 'info' || !visibility.isVisible(entry)) continue
    let required = item.required === true
    if (!required && item.requiredIf !== undefined) {
      visibility.settle(item.requiredIf)
      required = ruleHolds(item.requiredIf, data)
    }
    if (!required) continue
    const answer = Object.hasOwn(response.answers, item.id) ? response.answers[item.id] : undefined
    if (answer?.na === true || hasValue(effectiveValue(item, response))) continue
    issues.push(makeIssue('answer.required', pointer('answers', item.id), { id: item.id }, item.id))
  }
  return issues
}
