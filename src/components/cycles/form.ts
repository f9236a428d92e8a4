/** Helpers of the cycle form: deadlines between ISO and `datetime-local`, issue places, key fields. */
import type { Template } from '@/core/format/types'
import type { RegisterSubject } from '@/core/register'

const pad = (n: number): string => String(n).padStart(2, '0')

/** An ISO time as a `datetime-local` value in the device's zone ('' without one). */
export function toLocalInput(iso: string | undefined): string {
  if (iso === undefined) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A `datetime-local` value (device zone) as ISO 8601 UTC; undefined when empty or not a time. */
export function fromLocalInput(value: string): string | undefined {
  if (value.trim() === '') return undefined
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** The form sections a cycle issue's pointer lands in (its first segment), for "where". */
export const ISSUE_SECTIONS = ['title', 'template', 'subjectKey', 'subjects', 'panel', 'quotas', 'deadlines', 'previous'] as const
export type IssueSection = (typeof ISSUE_SECTIONS)[number] | 'cycle'

export function issueSection(pointer: string): IssueSection {
  const first = pointer.split('/')[1] ?? ''
  return (ISSUE_SECTIONS as readonly string[]).includes(first) ? (first as IssueSection) : 'cycle'
}

/**
 * The template's subject fields that name a branch: those every entry fills. When the template
 * has a `branch` field and the entries fill it, that one alone (a branch's other fields, such as
 * its secretary, change between cycles and must not split a branch in two).
 */
export function keyFieldsOf(template: Template, entries: readonly RegisterSubject[]): string[] {
  const filled = (template.subject?.fields ?? []).map((f) => f.id).filter((id) => entries.length > 0 && entries.every((e) => (e.fields[id] ?? '').trim() !== ''))
  return filled.includes('branch') ? ['branch'] : filled
}
