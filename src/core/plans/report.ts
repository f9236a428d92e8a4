/**
 * What the plan screens show, decided here: the days of a period (this week, this month, the
 * plan's whole range), one inspector's assignments of a day, and a plan's coverage report grouped
 * by building, floor and inspector with the rooms still missing. The stores only read rows and
 * hand them in, so the server, a bench and the views count the same way.
 */
import { dateOfDay, dayNumber, lastDayOfMonth, weekdayOf } from './calendar'
import { countBy, coverageOf, emptyCounts, type AssignmentCoverage, type CoverageCounts, type Submission } from './coverage'
import { expandPlan } from './expand'
import type { Assignment, Plan } from './types'

export const PERIODS = ['week', 'month', 'plan'] as const
export type Period = (typeof PERIODS)[number]

export interface DateWindow {
  from: string
  to: string
}

/** The days of `period` around `today` (`YYYY-MM-DD`): Monday–Sunday, the calendar month, or the plan's range. */
export function periodWindow(period: Period, today: string, plan: Pick<Plan, 'from' | 'to'>): DateWindow {
  switch (period) {
    case 'week': {
      const day = dayNumber(today)
      const monday = day - (weekdayOf(day) - 1)
      return { from: dateOfDay(monday), to: dateOfDay(monday + 6) }
    }
    case 'month': {
      const [y, m] = today.split('-').map(Number) as [number, number]
      const first = `${today.slice(0, 7)}-01`
      return { from: first, to: `${today.slice(0, 7)}-${String(lastDayOfMonth(y, m)).padStart(2, '0')}` }
    }
    case 'plan':
      return { from: plan.from, to: plan.to }
    default: {
      const never: never = period
      return never
    }
  }
}

/** Where a subject sits, for grouping: read from the register (building and floor of a room). */
export interface SubjectPlace {
  label: string
  building?: string
  floor?: string
}

/** The assignments of `date` across `plans` that fall to `userId`, in plan then subject order. */
export function assignmentsOf(plans: readonly Plan[], userId: string, date: string, timeZone: string): Assignment[] {
  return plans.flatMap((p) => expandPlan(p, { from: date, to: date, timeZone }).filter((a) => a.assignee === userId))
}

export interface CoverageGroup {
  key: string
  counts: CoverageCounts
}

export interface CoverageReport {
  window: DateWindow
  counts: CoverageCounts
  /** Building, then floor within it (`3号楼`, `3号楼 · 3`); subjects without a place under ''. */
  byBuilding: CoverageGroup[]
  byFloor: CoverageGroup[]
  /** By assignee id; '' for unassigned. */
  byInspector: CoverageGroup[]
  /** Assignments not done yet (overdue first, then due), at most `missingLimit`. */
  missing: AssignmentCoverage[]
  /** How many there are in all (the list may be cut). */
  missingTotal: number
}

export interface CoverageReportInput {
  plan: Plan
  window: DateWindow
  submissions: readonly Submission[]
  places: ReadonlyMap<string, SubjectPlace>
  now: number
  timeZone: string
  /** Default 200: a term's missing checks can run to thousands; a screen shows the first ones. */
  missingLimit?: number
}

const collator = new Intl.Collator('zh-CN', { numeric: true })

function groups(map: Map<string, CoverageCounts>): CoverageGroup[] {
  return [...map.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b))).map(([key, counts]) => ({ key, counts }))
}

/** A plan's coverage over a window: totals, groups, and the missing assignments. */
export function coverageReport(input: CoverageReportInput): CoverageReport {
  const { plan, window, places, now, timeZone } = input
  const assignments = expandPlan(plan, { from: window.from, to: window.to, timeZone })
  const rows = coverageOf(assignments, input.submissions, now, timeZone)
  const counts = emptyCounts()
  for (const r of rows) {
    counts.total++
    counts[r.state]++
  }
  const placeOf = (a: Assignment) => places.get(a.subjectId)
  const building = (a: Assignment) => placeOf(a)?.building ?? ''
  const floorKey = (a: Assignment) => {
    const p = placeOf(a)
    return p?.building !== undefined && p.floor !== undefined ? `${p.building} · ${p.floor}` : ''
  }
  const missingAll = rows.filter((r) => r.state === 'overdue' || r.state === 'due')
  // Overdue first (what needs chasing), each part by day then by room.
  missingAll.sort((x, y) => {
    if (x.state !== y.state) return x.state === 'overdue' ? -1 : 1
    if (x.assignment.date !== y.assignment.date) return x.assignment.date < y.assignment.date ? -1 : 1
    return collator.compare(placeOf(x.assignment)?.label ?? x.assignment.subjectId, placeOf(y.assignment)?.label ?? y.assignment.subjectId)
  })
  return {
    window,
    counts,
    byBuilding: groups(countBy(rows, (a) => [building(a)])),
    byFloor: groups(countBy(rows, (a) => [floorKey(a)])),
    byInspector: groups(countBy(rows, (a) => [a.assignee ?? ''])),
    missing: missingAll.slice(0, input.missingLimit ?? 200),
    missingTotal: missingAll.length,
  }
}
