/**
 * Where the label page gets its rooms. The register (another page) hands them over without a
 * prop, since the label page is a route of its own that opens in a fresh view or tab:
 *
 * - `history.state.labels`, set by `router.push({ name: 'register-labels', state: { labels } })`
 *   (the list must be plain JSON: `JSON.parse(JSON.stringify(subjects))` or `toRaw` copies);
 * - else session storage `qingdan.labels`, a JSON array: for a page opened in a new tab, and
 *   still there when the page is reloaded.
 *
 * Both are untrusted (anything on the device can write them), so every entry is checked by
 * `readLabelSubjects` and a bad list prints nothing.
 */
import type { RegisterSubject } from '@/core/register/types'
import { readLabelSubjects } from '@/core/register/labels'
import type { Result } from '@/core/result'

export const LABELS_STORAGE_KEY = 'qingdan.labels'

export interface LabelSourceOptions {
  state?: unknown
  storage?: Pick<Storage, 'getItem'>
}

/** The rooms to print, from history state first, then session storage; ok with [] when neither holds any. */
export async function labelSubjects({ state = history.state, storage = sessionStorage }: LabelSourceOptions = {}): Promise<Result<RegisterSubject[]>> {
  const fromState = typeof state === 'object' && state !== null ? (state as { labels?: unknown }).labels : undefined
  if (fromState !== undefined) return readLabelSubjects(fromState)
  let text: string | null = null
  try {
    text = storage.getItem(LABELS_STORAGE_KEY)
  } catch {
    // Storage blocked (private mode, policy): nothing was handed over that way.
  }
  if (text === null) return { ok: true, value: [], warnings: [] }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return readLabelSubjects(undefined)
  }
  return readLabelSubjects(parsed)
}

/** Hands rooms to the label page through session storage (survives a reload of that page). */
export function storeLabelSubjects(subjects: readonly RegisterSubject[], storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(LABELS_STORAGE_KEY, JSON.stringify(subjects))
}
