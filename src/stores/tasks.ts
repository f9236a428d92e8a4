/**
 * Rectification tasks (整改) for the tasks view and the home counts. The clock is a ref so the
 * overdue state can be refreshed, and tests can pin it.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { countTasks, isOverdue } from '@/core/stats/rectification'
// Module paths, not the `@/db` barrel: the home screen's counts load this store, and the barrel
// would drag validation and bundle code onto the first route.
import { getDb } from '@/db/singleton'
import { createResponse } from '@/db/repositories/responses'
import { getTemplateVersion } from '@/db/repositories/templates'
import {
  linkRecheck,
  listTasks,
  markRectified,
  setTaskAssignee,
  verifyTask,
  type FixPhoto,
} from '@/db/repositories/tasks'
import type { TaskRow } from '@/db/rows'

export const useTasksStore = defineStore('tasks', () => {
  const tasks = shallowRef<TaskRow[]>([])
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

  const counts = computed(() => countTasks(tasks.value, now.value))
  const overdue = (t: TaskRow): boolean => isOverdue(t, now.value)

  function replace(next: TaskRow): TaskRow {
    tasks.value = tasks.value.map((t) => (t.id === next.id ? next : t))
    return next
  }

  async function rectify(id: string, photos: FixPhoto[], note?: string): Promise<TaskRow> {
    return replace(await markRectified(getDb(), id, { photos, ...(note !== undefined && { note }) }))
  }

  async function assign(id: string, name: string): Promise<TaskRow> {
    return replace(await setTaskAssignee(getDb(), id, name))
  }

  async function verify(id: string): Promise<TaskRow> {
    return replace(await verifyTask(getDb(), id))
  }

  /**
   * Starts the re-check: a new draft on the same template version and subject, linked to the
   * task. Returns the new response's id (the caller opens the fill view on it).
   */
  async function startRecheck(id: string, inspector: string): Promise<string> {
    const db = getDb()
    const task = tasks.value.find((t) => t.id === id) ?? (await db.tasks.get(id))
    if (!task) throw new Error(`No task ${id}`)
    const original = await db.responses.get(task.responseId)
    const version = original && (await getTemplateVersion(db, original.templateId, original.templateVersion))
    if (!original || !version) throw new Error(`The response of task ${id} or its template is gone`)
    const row = await createResponse(db, {
      template: version.template,
      subject: { ...task.subject },
      role: original.role,
      inspector: inspector || original.inspector,
    })
    replace(await linkRecheck(db, id, row.id))
    return row.id
  }

  return { tasks, now, loading, counts, overdue, load, rectify, assign, verify, startRecheck }
})
