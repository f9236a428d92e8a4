/**
 * Inspection plans (issue #14): a template, a set of subjects, who checks each, and a schedule,
 * e.g. "3号楼每周三宿舍安全检查, 楼层辅导员负责, 18:00 前". A plan is expanded into assignments,
 * one per subject and scheduled day; coverage compares them with the submitted responses.
 */

/** ISO weekday: 1 Monday … 7 Sunday, as Chinese calendars write 周一…周日. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export type Schedule =
  | { type: 'once'; date: string }
  | { type: 'weekly'; days: readonly Weekday[] }
  /** A day of the month; 29–31 fall on the month's last day in shorter months. */
  | { type: 'monthly'; day: number }

export interface Plan {
  id: string
  title: string
  templateId: string
  /** Register subject ids (rooms, branches, teachers) this plan checks. */
  subjectIds: readonly string[]
  /** Who checks each subject (e.g. the floor's counsellor); a subject not listed is unassigned. */
  assignees: Readonly<Record<string, string>>
  schedule: Schedule
  /** `HH:mm` on the college's clocks: an assignment not done by then is overdue. */
  dueTime: string
  /** First and last day (`YYYY-MM-DD`, inclusive) the plan runs, e.g. a term. */
  from: string
  to: string
  /** Changes made after planning: one day's subject checked by someone else, or not at all. */
  overrides?: readonly PlanOverride[]
  cancelled?: boolean
}

export type PlanOverride =
  | { type: 'reassign'; date?: string; subjectId: string; assignee: string }
  | { type: 'cancel'; date: string; subjectId?: string }

export interface Assignment {
  /** `planId/date/subjectId`: the same plan expanded twice gives the same ids. */
  id: string
  planId: string
  templateId: string
  subjectId: string
  /** Null when the plan names no one for the subject. */
  assignee: string | null
  /** The scheduled day, `YYYY-MM-DD`. */
  date: string
  /** When it becomes overdue (ms since the epoch). */
  dueAt: number
}
