/**
 * Rectification tasks (整改闭环), stored: rows in, rows out. What a task may become (open →
 * rectified → verified) is decided in `src/core/tasks`; each write here reads the rows, asks the
 * core, and writes its answer in one transaction, so a refusal writes nothing.
 */
import { countTasks, type TaskCounts } from '@/core/stats/rectification'
import { fail, type Result } from '@/core/result'
import { assignTask, linkRecheck as linkRecheckRule, openTasks, rectifyTask, taskIssue, verifyTask as verifyRule } from '@/core/tasks'
import type { QingdanDatabase } from '../database'
import type { AttachmentRow, TaskRow, TaskStatus } from '../rows'
import { storageWrite } from '../storage-error'
import { nowIso } from '../time'
import { saveSummary } from './results-query'
import { blobSha256, enqueueAttachment } from './attachments'
import { clockNode, enqueue, enqueueAll, mutationId, syncTables, tick } from './outbox'

/** Stamps a task with a fresh clock reading, stores it and enqueues it. Inside a transaction with `syncTables`. */
async function putTask(db: QingdanDatabase, task: TaskRow, node: string): Promise<TaskRow> {
  const stamped = { ...task, hlc: await tick(db, node) }
  await db.tasks.put(stamped)
  await enqueue(db, { id: mutationId(), kind: 'task', task: stamped })
  return stamped
}

/**
 * Opens one task per finding of a submitted response and records the response's results
 * summary. Idempotent: a response that already has tasks keeps them.
 */
export async function openTasksForSubmitted(db: QingdanDatabase, responseId: string): Promise<TaskRow[]> {
  const row = await db.responses.get(responseId)
  if (!row || row.status !== 'submitted' || !row.result) return []
  await saveSummary(db, responseId)
  const version = await db.templateVersions.get([row.templateId, row.templateVersion])
  const result = row.result
  // Routed to the register's responsible person for the subject (#14), when it names one.
  const responsible = row.subjectId !== undefined ? (await db.register.get(row.subjectId))?.responsible : undefined
  const node = await clockNode(db)
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.tasks), async () => {
      const existing = await db.tasks.where('responseId').equals(responseId).toArray()
      if (existing.length > 0) return existing
      const now = nowIso()
      const tasks = openTasks({
        responseId,
        templateId: row.templateId,
        subject: row.subject,
        result,
        template: version?.template ?? {},
        submittedAt: row.submittedAt ?? now,
        now,
        newId: () => crypto.randomUUID(),
        ...(responsible !== undefined && { responsible }),
      })
      const hlc = await tick(db, node)
      const stamped = tasks.map((t) => ({ ...t, hlc }))
      await db.tasks.bulkAdd(stamped)
      await enqueueAll(db, stamped.map((task) => ({ id: mutationId(), kind: 'task' as const, task })))
      return stamped
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

/** Reads a task, applies a core rule to it and stores the outcome, in one transaction. */
async function update(db: QingdanDatabase, id: string, rule: (t: TaskRow) => Result<TaskRow>): Promise<Result<TaskRow>> {
  const node = await clockNode(db)
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.tasks), async () => {
      const task = await db.tasks.get(id)
      if (!task) return fail<TaskRow>([taskIssue('task.notFound', id)])
      const next = rule(task)
      if (next.ok) return { ...next, value: await putTask(db, next.value, node) }
      return next
    }),
  )
}

/** Sets (or, with a blank name, clears) the responsible person. */
export async function setTaskAssignee(db: QingdanDatabase, id: string, assignee: string, now: string = nowIso()): Promise<Result<TaskRow>> {
  return update(db, id, (t) => assignTask(t, assignee, now))
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
): Promise<Result<TaskRow>> {
  const node = await clockNode(db)
  // Hashed before the transaction: an IndexedDB transaction cannot wait for the bytes to be read.
  const hashes = await Promise.all(fix.photos.map((p) => blobSha256(p.blob)))
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.tasks, db.attachments, db.uploads), async () => {
      const task = await db.tasks.get(id)
      if (!task) return fail<TaskRow>([taskIssue('task.notFound', id)])
      const rows: Array<AttachmentRow & { sha256: string }> = fix.photos.map((p, i) => ({
        id: crypto.randomUUID(),
        responseId: task.responseId,
        itemId: `task:${id}`,
        name: p.name,
        type: p.type,
        size: p.blob.size,
        blob: p.blob,
        createdAt: now,
        sha256: hashes[i]!,
      }))
      const next = rectifyTask(task, { photoIds: rows.map((r) => r.id), ...(fix.note !== undefined && { note: fix.note }) }, now)
      if (!next.ok) return next
      await db.attachments.bulkAdd(rows)
      for (const row of rows) await enqueueAttachment(db, row)
      return { ...next, value: await putTask(db, next.value, node) }
    }),
  )
}

/** Links the re-check response (a new fill of the same template and subject) to the task. */
export async function linkRecheck(db: QingdanDatabase, id: string, recheckResponseId: string, now: string = nowIso()): Promise<Result<TaskRow>> {
  return update(db, id, (t) => linkRecheckRule(t, recheckResponseId, now))
}

/** Closes the task (销号) when the core allows it: rectified, and a clean, submitted re-check. */
export async function verifyTask(db: QingdanDatabase, id: string, now: string = nowIso()): Promise<Result<TaskRow>> {
  const node = await clockNode(db)
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.tasks, db.responses), async () => {
      const task = await db.tasks.get(id)
      if (!task) return fail<TaskRow>([taskIssue('task.notFound', id)])
      const recheck = task.recheckResponseId === undefined ? undefined : await db.responses.get(task.recheckResponseId)
      const next = verifyRule(
        task,
        recheck && { status: recheck.status, findingItemIds: recheck.result?.findings.map((f) => f.itemId) },
        now,
      )
      if (next.ok) return { ...next, value: await putTask(db, next.value, node) }
      return next
    }),
  )
}
