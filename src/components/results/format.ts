/** Display helpers shared by result components (plain functions: easy to test, no Vue). */
import type { SubjectField } from '@/core/format/types'
import type { Lang } from '@/core/result'

/** `3号楼 · 2 · 203`, fields in template order when the fields are known. */
export function subjectText(subject: Record<string, string | number>, fields?: readonly SubjectField[]): string {
  const ids = fields?.map((f) => f.id) ?? Object.keys(subject)
  return ids
    .map((id) => subject[id])
    .filter((v) => v !== undefined && String(v).trim() !== '')
    .join(' · ')
}

/** Date and time in China time, as people there read it. */
export function dateTimeText(iso: string | undefined, lang: Lang): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
}

export function dateText(iso: string | undefined, lang: Lang): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleDateString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
}

/** Points as people write them: no trailing zeros, at most two decimals. */
export function pointsText(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return String(Math.round(n * 100) / 100)
}

export function percentText(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${Math.round(n * 10) / 10}%`
}
