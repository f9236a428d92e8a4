/**
 * The task state machine: open → rectified (a photo of the fix) → verified (销号) after a clean
 * re-check. Each step takes the task as stored and returns the next one, or the reason it may not.
 */
import type { ResponseStatus } from '../format/types'
import { fail, ok, type Result } from '../result'
import type { Task } from './task'
import { taskIssue } from './issues'

/** Sets or clears (blank name) the responsible person. Allowed in every state. */
export function assignTask(task: Task, name: string, now: string): Result<Task> {
  const assignee = name.trim()
  const { assignee: _old, ...rest } = task
  return ok({ ...rest, ...(assignee !== '' && { assignee }), updatedAt: now })
}

export interface Fix {
  /** Attachment ids of the fix photos (at least one). */
  photoIds: readonly string[]
  note?: string
}

/** Reports the fix: only an open task, only with at least one photo. */
export function rectifyTask(task: Task, fix: Fix, now: string): Result<Task> {
  if (task.status !== 'open') return fail([taskIssue('task.notOpen', task.id)])
  if (fix.photoIds.length === 0) return fail([taskIssue('task.noPhoto', task.id)])
  const note = fix.note?.trim()
  return ok({
    ...task,
    status: 'rectified',
    rectifiedAt: now,
    fixAttachmentIds: [...(task.fixAttachmentIds ?? []), ...fix.photoIds],
    ...(note ? { fixNote: note } : {}),
    updatedAt: now,
  })
}

/** Links the re-check response (a new fill of the same template and subject); a closed task takes none. */
export function linkRecheck(task: Task, recheckResponseId: string, now: string): Result<Task> {
  if (task.status === 'verified') return fail([taskIssue('task.closed', task.id)])
  return ok({ ...task, recheckResponseId, updatedAt: now })
}

/** What the close needs to know of the re-check response. */
export interface Recheck {
  status: ResponseStatus
  /** The item ids the re-check found at fault; undefined when it has no stored score. */
  findingItemIds: readonly string[] | undefined
}

/**
 * Closes the task (销号): it must be rectified and its re-check submitted without the same
 * finding. A re-check that still finds it leaves the task as it is (the re-check opened its own).
 */
export function verifyTask(task: Task, recheck: Recheck | undefined, now: string): Result<Task> {
  if (task.status !== 'rectified') return fail([taskIssue('task.notRectified', task.id)])
  if (task.recheckResponseId === undefined) return fail([taskIssue('task.noRecheck', task.id)])
  if (!recheck || recheck.status !== 'submitted' || recheck.findingItemIds === undefined) {
    return fail([taskIssue('task.recheckNotSubmitted', task.id)])
  }
  if (recheck.findingItemIds.includes(task.itemId)) return fail([taskIssue('task.stillFlagged', task.id)])
  return ok({ ...task, status: 'verified', verifiedAt: now, updatedAt: now })
}
