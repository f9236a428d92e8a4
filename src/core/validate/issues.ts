import type { Issue } from '@/core/result'
import { MESSAGES, WARNING_CODES, type IssueCode } from './messages'

export type IssueParams = Record<string, string | number>

function fill(text: string, params: IssueParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/** Builds an issue with its bilingual message; the severity comes from the code (see WARNING_CODES). */
export function makeIssue(code: IssueCode, pointer: string, params: IssueParams = {}, itemId?: string): Issue {
  const text = MESSAGES[code]
  const issue: Issue = {
    code,
    pointer,
    severity: WARNING_CODES.has(code) ? 'warning' : 'error',
    message: { 'zh-CN': fill(text['zh-CN'], params), en: fill(text.en, params) },
  }
  if (itemId !== undefined) issue.itemId = itemId
  if (Object.keys(params).length > 0) issue.params = params
  return issue
}

/** Most issues a validator returns; a broken 5 MB file could otherwise yield a million of them. */
export const MAX_ISSUES = 200

/** Caps the list, saying how many were left out. */
export function capIssues(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues
  return [...issues.slice(0, MAX_ISSUES), makeIssue('validate.truncated', '', { shown: MAX_ISSUES, total: issues.length })]
}

/** Shortens a value for a message, so a huge string never ends up in one. */
export function preview(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  } catch {
    text = Object.prototype.toString.call(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
