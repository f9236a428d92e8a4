/**
 * Rectification tasks (整改闭环): opened from the findings of a submitted response, then
 * open → rectified (a photo of the fix) → verified (销号) after a re-check response.
 */
import { taskDrafts, countTasks, type TaskCounts } from '@/core/stats/rectification'
import type { QingdanDatabase } from '../database'
import type { AttachmentRow, Subject, TaskRow, TaskStatus } from '../rows'
import { storageWrite } from '../storage-error'
import { nowIso } from '../time'
import { saveSummary } from './results-query'

/** Subject fields that name the person answerable for a subject, when a template has one. */
const PERSON_FIELDS = ['responsible', 'owner', 'person', 'teacher', 'name', 'leader'] as const

function defaultAssignee(subject: Subject): string | undefined {
  for (const f of PERSON_FIELDS) {
    const v = subject[f]
    if (v !== undefined && String(v).trim() !== '') return String(v).trim()
  }
  return undefined
}

/**
 * Opens one task per finding of a submitted response (deadline = submittedAt + the template's
 * `rectification.defaultDays`, default 7) and records the response's results summary.
 * Idempotent: a response that already has tasks keeps them.
 */
export async function openTasksForSubmitted(db: QingdanDatabase, responseId: string): Promise<TaskRow[]> {
  const row = await db.responses.get(responseId)
  if (!row || row.status !== 'submitted' || !row.result) return []
  await saveSummary(db, responseId)
  const version = await db.templateVersions.get([row.templateId, row.templateVersion])
  const result = row.result
  return storageWrite(() =>
    db.transaction('rw', db.tasks, async () => {
      const existing = await db.tasks.where('responseId').equals(responseId).toArray()
      if (existing.length > 0) return existing
      const now = nowIso()
      const assignee = defaultAssignee(row.subject)
      const tasks: TaskRow[] = taskDrafts(version?.template ?? {}, result, row.submittedAt ?? now).map((d) => ({
        id: crypto.randomUUID(),
        responseId,
        itemId: d.itemId,
        sectionId: d.sectionId,
        templateId: row.templateId,
        subject: { ...row.subject },
        title: d.title,
        status: 'open',
        deadline: d.deadline,
        ...(assignee !== undefined && { assignee }),
        ...(d.note !== undefined && { note: d.note }),
        createdAt: now,
        updatedAt: now,
      }))
      await db.tasks.bulkAdd(tasks)
      return tasks
    }),
  )
}

export interface TaskFilter {
  templateId?: string
  status?: TaskStatus
  responseId?: string
}

/** Tasks by deadline, soonest first. */
export async function listTasks(db: QingdanDatabase, filter: TaskFilter = {}): Promise<TaskRow[]> {
  const { templateId, status, responseId } = filter
  const base =
    responseId !== undefined
      ? db.tasks.where('responseId').equals(responseId)
      : templateId !== undefined
        ? db.tasks.where('templateId').equals(templateId)
        : status !== undefined
          ? db.tasks.where('status').equals(status)
          : db.tasks.toCollection()
  const rows = await base.toArray()
  return rows
    .filter((t) => (templateId === undefined || t.templateId === templateId) && (status === undefined || t.status === status))
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.title.localeCompare(b.title, 'zh-CN')))
}

export async function getTask(db: QingdanDatabase, id: string): Promise<TaskRow | undefined> {
  return db.tasks.get(id)
}

/** Open / overdue / closed, for the home screen. */
export async function taskCounts(db: QingdanDatabase, now: string = nowIso()): Promise<TaskCounts> {
  return countTasks(await db.tasks.toArray(), now)
}

export class TaskStateError extends Error {
  constructor(
    readonly taskId: string,
    readonly reason: 'not-found' | 'not-open' | 'no-photo' | 'not-rectified' | 'no-recheck' | 'recheck-not-submitted' | 'still-flagged',
  ) {
    super(`Task ${taskId}: ${reason}`)
    this.name = 'TaskStateError'
  }
}

async function update(db: QingdanDatabase, id: string, change: (t: TaskRow) => TaskRow): Promise<TaskRow> {
  return storageWrite(() =>
    db.transaction('rw', db.tasks, async () => {
      const task = await db.tasks.get(id)
      if (!task) throw new TaskStateError(id, 'not-found')
      const next = change(task)
      await db.tasks.put(next)
      return next
    }),
  )
}

export async function setTaskAssignee(db: QingdanDatabase, id: string, assignee: string): Promise<TaskRow> {
  const name = assignee.trim()
  return update(db, id, (t) => {
    const { assignee: _old, ...rest } = t
    return { ...rest, ...(name !== '' && { assignee: name }), updatedAt: nowIso() }
  })
}

export interface FixPhoto {
  blob: Blob
  name: string
  type: string
}

/**
 * Reports the fix (open → rectified) with at least one photo. Photos are stored as attachments
 * of the task's response under the item id `task:<taskId>`, so deleting the response removes them.
 */
export async function markRectified(
  db: QingdanDatabase,
  id: string,
  fix: { photos: readonly FixPhoto[]; note?: string },
  now: string = nowIso(),
): Promise<TaskRow> {
  if (fix.photos.length === 0) throw new TaskStateError(id, 'no-photo')
  return storageWrite(() =>
    db.transaction('rw', db.tasks, db.attachments, async () => {
      const task = await db.tasks.get(id)
      if (!task) throw new TaskStateError(id, 'not-found')
      if (task.status !== 'open') throw new TaskStateError(id, 'not-open')
      const rows: AttachmentRow[] = fix.photos.map((p) => ({
        id: crypto.randomUUID(),
        responseId: task.responseId,
        itemId: `task:${id}`,
        name: p.name,
        type: p.type,
        size: p.blob.size,
        blob: p.blob,
        createdAt: now,
      }))
      await db.attachments.bulkAdd(rows)
      const note = fix.note?.trim()
      const next: TaskRow = {
        ...task,
        status: 'rectified',
        rectifiedAt: now,
        fixAttachmentIds: [...(task.fixAttachmentIds ?? []), ...rows.map((r) => r.id)],
        ...(note ? { fixNote: note } : {}),
        updatedAt: now,
      }
      await db.tasks.put(next)
      return next
    }),
  )
}

/** Links the re-check response (a new fill of the same template and subject) to the task. */
export async function linkRecheck(db: QingdanDatabase, id: string, recheckResponseId: string): Promise<TaskRow> {
  return update(db, id, (t) => ({ ...t, recheckResponseId, updatedAt: nowIso() }))
}

/**
 * Closes the task (销号): it must be rectified, and its re-check submitted without the same
 * finding. A re-check that still finds it leaves the task as it is (the re-check opened its own).
 */
export async function verifyTask(db: QingdanDatabase, id: string, now: string = nowIso()): Promise<TaskRow> {
  return storageWrite(() =>
    db.transaction('rw', db.tasks, db.responses, async () => {
      const task = await db.tasks.get(id)
      if (!task) throw new TaskStateError(id, 'not-found')
      if (task.status !== 'rectified') throw new TaskStateError(id, 'not-rectified')
      if (task.recheckResponseId === undefined) throw new TaskStateError(id, 'no-recheck')
      const recheck = await db.responses.get(task.recheckResponseId)
      if (!recheck || recheck.status !== 'submitted' || !recheck.result) throw new TaskStateError(id, 'recheck-not-submitted')
      if (recheck.result.findings.some((f) => f.itemId === task.itemId)) throw new TaskStateError(id, 'still-flagged')
      const next: TaskRow = { ...task, status: 'verified', verifiedAt: now, updatedAt: now }
      await db.tasks.put(next)
      return next
    }),
  )
}
