/** Languages every user-facing core message exists in. zh-CN is the default. */
export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** A message in every supported language, so the UI and the CLI pick one without a lookup table. */
export type LocalizedText = Record<Lang, string>

export type Severity = 'error' | 'warning'

/**
 * One problem found in user data. `pointer` is an RFC 6901 JSON pointer into the document that
 * was checked ('' is the whole document); `itemId` names the item when the problem is about one.
 */
export interface Issue {
  code: string
  pointer: string
  severity: Severity
  message: LocalizedText
  itemId?: string
  params?: Record<string, string | number>
}

/** Results, not throws, for user data (see shared/style.md §3). */
export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] }

export function ok<T>(value: T, warnings: Issue[] = []): Result<T> {
  return { ok: true, value, warnings }
}

export function fail<T>(issues: Issue[]): Result<T> {
  return { ok: false, issues }
}

/** Builds a JSON pointer from path segments, escaping '~' and '/' as RFC 6901 requires. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}
