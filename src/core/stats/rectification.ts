/**
 * Rectification (整改) rules, pure: which tasks a submitted response opens, their deadlines, and
 * what counts as overdue. Storage lives in `src/db/repositories/tasks.ts`.
 */
import type { ScoreResult, Template } from '../format/types'
import type { TaskStatus } from '../tasks/task'
import { addDays } from './dates'

export const DEFAULT_RECTIFICATION_DAYS = 7

/** The task statuses (one list, in core/tasks). */
export type TaskState = TaskStatus

/** The fields of a stored task these rules read. */
export interface TaskLike {
  status: TaskState
  deadline: string
}

export interface TaskDraft {
  itemId: string
  sectionId: string
  title: string
  deadline: string
  note?: string
}

export function rectificationDays(template: Pick<Template, 'rectification'>): number {
  const days = template.rectification?.defaultDays
  return typeof days === 'number' && Number.isFinite(days) && days >= 0 ? days : DEFAULT_RECTIFICATION_DAYS
}

/** One task per finding; the deadline is the submission time plus the template's default days. */
export function taskDrafts(template: Pick<Template, 'rectification'>, result: ScoreResult, submittedAt: string): TaskDraft[] {
  const deadline = addDays(submittedAt, rectificationDays(template))
  return result.findings.map((f) => ({
    itemId: f.itemId,
    sectionId: f.rootSectionId,
    title: f.title,
    deadline,
    ...(f.note !== undefined && f.note !== '' && { note: f.note }),
  }))
}

/** Past its deadline and not closed (销号). A rectified task still waits for its re-check. */
export function isOverdue(task: TaskLike, now: string): boolean {
  return task.status !== 'verified' && task.deadline < now
}

export interface TaskCounts {
  open: number
  overdue: number
  closed: number
}

/** Home-screen counts: open = not yet verified (overdue ones included), closed = verified. */
export function countTasks(tasks: readonly TaskLike[], now: string): TaskCounts {
  let open = 0
  let overdue = 0
  let closed = 0
  for (const t of tasks) {
    if (t.status === 'verified') closed++
    else {
      open++
      if (t.deadline < now) overdue++
    }
  }
  return { open, overdue, closed }
}
