/**
 * Coverage: which assignments were done, done late, are overdue or still due, from the submitted
 * responses. A submission counts for the assignment whose day it falls in or after, up to the
 * next scheduled day of the same plan and subject; done by the due time is `done`, after it
 * `late`. Without one, an assignment past its due time is `overdue`, otherwise `due`.
 */
import { zonedInstant } from '../time/local-time'
import type { Assignment } from './types'

export interface Submission {
  subjectId: string
  templateId: string
  /** ms since the epoch. */
  submittedAt: number
  inspector?: string
}

export const COVERAGE_STATES = ['done', 'late', 'overdue', 'due'] as const
export type CoverageState = (typeof COVERAGE_STATES)[number]

export interface AssignmentCoverage {
  assignment: Assignment
  state: CoverageState
  /** The submission that covers it. */
  submittedAt?: number
}

export type CoverageCounts = Record<CoverageState, number> & { total: number }

/** The first index in ascending `times` holding a value ≥ `at`. */
function firstAtOrAfter(times: readonly number[], at: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (times[mid]! < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function coverageOf(assignments: readonly Assignment[], submissions: readonly Submission[], now: number, timeZone: string): AssignmentCoverage[] {
  const times = new Map<string, number[]>()
  for (const s of submissions) {
    const key = `${s.templateId}/${s.subjectId}`
    const list = times.get(key)
    if (list) list.push(s.submittedAt)
    else times.set(key, [s.submittedAt])
  }
  for (const list of times.values()) list.sort((a, b) => a - b)

  const dayStart = new Map<string, number>()
  const startOf = (date: string): number => {
    let at = dayStart.get(date)
    if (at === undefined) dayStart.set(date, (at = zonedInstant(date, '00:00', timeZone)))
    return at
  }
  // Each plan and subject's assignments by day, so each knows where the next one starts.
  const series = new Map<string, Assignment[]>()
  for (const a of assignments) {
    const key = `${a.planId}/${a.subjectId}`
    const list = series.get(key)
    if (list) list.push(a)
    else series.set(key, [a])
  }
  const out = new Map<Assignment, AssignmentCoverage>()
  for (const list of series.values()) {
    list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
    list.forEach((a, i) => {
      const subs = times.get(`${a.templateId}/${a.subjectId}`) ?? []
      const next = list[i + 1]
      const end = next ? startOf(next.date) : Infinity
      const found = subs[firstAtOrAfter(subs, startOf(a.date))]
      if (found !== undefined && found < end) out.set(a, { assignment: a, state: found <= a.dueAt ? 'done' : 'late', submittedAt: found })
      else out.set(a, { assignment: a, state: now > a.dueAt ? 'overdue' : 'due' })
    })
  }
  return assignments.map((a) => out.get(a)!)
}

export function emptyCounts(): CoverageCounts {
  return { total: 0, done: 0, late: 0, overdue: 0, due: 0 }
}

/**
 * Counts per group: `groupsOf` names the groups an assignment counts in (its building, its floor,
 * its inspector …); one assignment may count in several.
 */
export function countBy(rows: readonly AssignmentCoverage[], groupsOf: (a: Assignment) => readonly string[]): Map<string, CoverageCounts> {
  const out = new Map<string, CoverageCounts>()
  for (const row of rows) {
    for (const group of groupsOf(row.assignment)) {
      let counts = out.get(group)
      if (!counts) out.set(group, (counts = emptyCounts()))
      counts.total++
      counts[row.state]++
    }
  }
  return out
}
