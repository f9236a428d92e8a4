/**
 * Rectification tasks (整改) for the tasks view, the dashboard and the home counts. The clock is a
 * ref so the overdue state can be refreshed, and tests can pin it. What a task may become is the
 * core's decision (`src/core/tasks`); a refusal comes back as a Result with its reason.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { countTasks, isOverdue } from '@/core/stats/rectification'
import { ok, type Result } from '@/core/result'
import type { Task } from '@/core/tasks/task'
import { linkRecheck as mayLinkRecheck } from '@/core/tasks/transitions'
// Module paths, not the `@/db` barrel: the home screen's counts load this store, and the barrel
// would drag validation and bundle code onto the first route.
import { getDb } from '@/db/singleton'
import { createResponse, getResponseRow } from '@/db/repositories/responses'
import { getTemplateVersion } from '@/db/repositories/templates'
import { getAttachment } from '@/db/repositories/attachments'
import {
  getTask,
  linkRecheck,
  listTasks,
  markRectified,
  setTaskAssignee,
  verifyTask,
  type FixPhoto,
  type TaskFilter,
} from '@/db/repositories/tasks'
import type { AttachmentRow } from '@/db/rows'
import { attachmentMeta, type AttachmentMeta } from './responses'

export type { FixPhoto }

export const useTasksStore = defineStore('tasks', () => {
  const tasks = shallowRef<Task[]>([])
  const now = ref(new Date().toISOString())
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      now.value = new Date().toISOString()
      tasks.value = await listTasks(getDb())
    } finally {
      loading.value = false
    }
  }

  /** Tasks matching a filter (the dashboard's one template), without touching the list above. */
  async function query(filter: TaskFilter): Promise<Task[]> {
    return listTasks(getDb(), filter)
  }

  const counts = computed(() => countTasks(tasks.value, now.value))
  const overdue = (t: Task): boolean => isOverdue(t, now.value)

  function replace(next: Result<Task>): Result<Task> {
    if (next.ok) tasks.value = tasks.value.map((t) => (t.id === next.value.id ? next.value : t))
    return next
  }

  async function rectify(id: string, photos: FixPhoto[], note?: string): Promise<Result<Task>> {
    return replace(await markRectified(getDb(), id, { photos, ...(note !== undefined && { note }) }))
  }

  async function assign(id: string, name: string): Promise<Result<Task>> {
    return replace(await setTaskAssignee(getDb(), id, name))
  }

  async function verify(id: string): Promise<Result<Task>> {
    return replace(await verifyTask(getDb(), id))
  }

  /** The fix photos of a task, bytes left out (AttachmentImage reads them when shown). */
  async function fixPhotos(task: Task): Promise<AttachmentMeta[]> {
    const db = getDb()
    const rows = await Promise.all((task.fixAttachmentIds ?? []).map((id) => getAttachment(db, id)))
    return rows.filter((r): r is AttachmentRow => r !== undefined).map(attachmentMeta)
  }

  /**
   * Starts the re-check: a new draft on the same template version and subject, linked to the
   * task. Returns the new response's id (the caller opens the fill view on it), or the reason
   * the task takes no re-check.
   */
  async function startRecheck(id: string, inspector: string): Promise<Result<string>> {
    const db = getDb()
    const task = tasks.value.find((t) => t.id === id) ?? (await getTask(db, id))
    if (!task) throw new Error(`No task ${id}`)
    // Asked before the draft is created, so a refused link leaves no stray draft behind.
    const allowed = mayLinkRecheck(task, '', now.value)
    if (!allowed.ok) return allowed
    const original = await getResponseRow(db, task.responseId)
    const version = original && (await getTemplateVersion(db, original.templateId, original.templateVersion))
    if (!original || !version) throw new Error(`The response of task ${id} or its template is gone`)
    const row = await createResponse(db, {
      template: version.template,
      subject: { ...task.subject },
      role: original.role,
      inspector: inspector || original.inspector,
    })
    const linked = replace(await linkRecheck(db, id, row.id))
    return linked.ok ? ok(row.id, linked.warnings) : linked
  }

  return { tasks, now, loading, counts, overdue, load, query, rectify, assign, verify, fixPhotos, startRecheck }
})
