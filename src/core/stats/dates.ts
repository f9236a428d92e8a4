/**
 * Calendar keys of an ISO timestamp in a fixed UTC offset. The offset is explicit (China is
 * UTC+8, no daylight saving) so that a check at 07:30 Beijing time counts for that day, and so
 * that stats are the same on every machine and in tests.
 */
export const CHINA_OFFSET_MINUTES = 8 * 60

function shifted(iso: string, offsetMinutes: number): Date | null {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? null : new Date(ms + offsetMinutes * 60_000)
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** `YYYY-MM-DD`, or '' for an unreadable timestamp. */
export function dayKey(iso: string, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  const d = shifted(iso, offsetMinutes)
  return d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : ''
}

/** `YYYY-MM`. */
export function monthKey(iso: string, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  return dayKey(iso, offsetMinutes).slice(0, 7)
}

/** ISO week `YYYY-Www` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function weekKey(iso: string, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  const d = shifted(iso, offsetMinutes)
  if (!d) return ''
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${pad(week)}`
}

/** The ISO timestamp `days` whole days after `iso` (deadlines). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString()
}
