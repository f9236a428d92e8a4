/** Display helpers shared by result components (plain functions: easy to test, no Vue). */
import type { SubjectField } from '@/core/format/types'
import type { Lang } from '@/core/result'
import { DEFAULT_TIME_ZONE, localDate, localDateTime } from '@/core/time/local-time'

/** `3号楼 · 2 · 203`, fields in template order when the fields are known. */
export function subjectText(subject: Record<string, string | number>, fields?: readonly SubjectField[]): string {
  const ids = fields?.map((f) => f.id) ?? Object.keys(subject)
  return ids
    .map((id) => subject[id])
    .filter((v) => v !== undefined && String(v).trim() !== '')
    .join(' · ')
}

/**
 * Date and time in the given zone (the settings' zone; `useLocalTime()` binds it), as
 * "2026-12-02 19:42" in either language: core's localDateTime, the same text as the exports.
 * `_lang` stays for callers written before the zone was a setting; the format does not vary.
 */
export function dateTimeText(iso: string | undefined, _lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): string {
  return localDateTime(iso, timeZone)
}

/** "2026-12-02" in the given zone. */
export function dateText(iso: string | undefined, _lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): string {
  return localDate(iso, timeZone)
}

/** Points as people write them: no trailing zeros, at most two decimals. */
export function pointsText(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return String(Math.round(n * 100) / 100)
}

export function percentText(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${Math.round(n * 10) / 10}%`
}
