import type { Role } from '../format/types'
import { dayKey } from './dates'
import type { ResultSummary } from './types'

/** Rectification state of a response: 'open' while any of its tasks is not verified. */
export type FollowUpStatus = 'clean' | 'open' | 'closed'

export interface ResultFilter {
  templateId?: string
  templateVersion?: number
  /** Exact value per subject field (`building: '3号楼'`); numbers and strings compare as text. */
  subject?: Record<string, string>
  /** Inclusive calendar days `YYYY-MM-DD` (China time) of submission. */
  from?: string
  to?: string
  inspector?: string
  role?: Role
  band?: string
  hasFindings?: boolean
  vetoed?: boolean
  status?: FollowUpStatus
}

export const RESULT_SORTS = ['date-desc', 'date-asc', 'score-desc', 'score-asc'] as const
export type ResultSort = (typeof RESULT_SORTS)[number]

/** Tasks per response, for the follow-up status: response id → { open, total }. */
export type TaskTally = ReadonlyMap<string, { open: number; total: number }>

export function followUpStatus(s: ResultSummary, tally: TaskTally | undefined): FollowUpStatus {
  const t = tally?.get(s.id)
  // No tasks known (e.g. older data): a response with findings still needs follow-up, unless its
  // template's findings never open tasks (a rubric's 失分项, a conduct list's 问题).
  if (!t || t.total === 0) return s.findingIds.length > 0 && s.noTasks !== true ? 'open' : 'clean'
  return t.open > 0 ? 'open' : 'closed'
}

/** One predicate for every filter, built once per change so a 10,000-row pass stays a tight loop. */
export function matcher(filter: ResultFilter, tally?: TaskTally): (s: ResultSummary) => boolean {
  const subject = Object.entries(filter.subject ?? {})
    .map(([k, v]) => [k, v.trim()] as const)
    .filter(([, v]) => v !== '')
  const inspector = filter.inspector?.trim()
  return (s) => {
    if (filter.templateId !== undefined && s.templateId !== filter.templateId) return false
    if (filter.templateVersion !== undefined && s.templateVersion !== filter.templateVersion) return false
    for (const [field, value] of subject) {
      const v = s.subject[field]
      if (v === undefined || String(v).trim() !== value) return false
    }
    if (filter.from !== undefined || filter.to !== undefined) {
      const day = dayKey(s.submittedAt)
      if (filter.from !== undefined && day < filter.from) return false
      if (filter.to !== undefined && day > filter.to) return false
    }
    if (inspector && s.inspector !== inspector) return false
    if (filter.role !== undefined && s.role !== filter.role) return false
    if (filter.band !== undefined && s.band !== filter.band) return false
    if (filter.hasFindings !== undefined && s.findingIds.length > 0 !== filter.hasFindings) return false
    if (filter.vetoed !== undefined && s.vetoed !== filter.vetoed) return false
    if (filter.status !== undefined && followUpStatus(s, tally) !== filter.status) return false
    return true
  }
}

const byDate = (a: ResultSummary, b: ResultSummary): number =>
  a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** Score sorts use the percent (comparable across versions), then the total; ties by date. */
const byScore = (a: ResultSummary, b: ResultSummary): number =>
  (a.percent ?? -1) - (b.percent ?? -1) || a.total - b.total || byDate(a, b)

/** A new sorted array; the input is left as it is. */
export function sortSummaries(list: readonly ResultSummary[], sort: ResultSort): ResultSummary[] {
  const out = [...list]
  switch (sort) {
    case 'date-desc':
      return out.sort((a, b) => byDate(b, a))
    case 'date-asc':
      return out.sort(byDate)
    case 'score-desc':
      return out.sort((a, b) => byScore(b, a))
    case 'score-asc':
      return out.sort(byScore)
  }
}

export function filterSummaries(
  list: readonly ResultSummary[],
  filter: ResultFilter,
  sort: ResultSort = 'date-desc',
  tally?: TaskTally,
): ResultSummary[] {
  return sortSummaries(list.filter(matcher(filter, tally)), sort)
}

/** Distinct values of a subject field, naturally ordered (2号楼 before 10号楼), for filter menus. */
export function subjectValues(list: readonly ResultSummary[], field: string): string[] {
  const seen = new Set<string>()
  for (const s of list) {
    const v = s.subject[field]
    if (v !== undefined && String(v).trim() !== '') seen.add(String(v).trim())
  }
  return [...seen].sort(naturalCompare)
}

export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true })
}
