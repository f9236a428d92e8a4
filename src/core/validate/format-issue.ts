import type { Issue, Lang } from '@/core/result'

/** One line for a terminal or a log: `file:pointer: message` (pointer left out for the whole document). */
export function formatIssue(issue: Issue, lang: Lang, file?: string): string {
  const where = [file, issue.pointer].filter((part) => part !== undefined && part !== '').join(':')
  const message = issue.message[lang]
  return where === '' ? message : `${where}: ${message}`
}
