// @vitest-environment happy-dom
// Issue #14: the tasks list's 只看我的 — tasks assigned to the name this person goes by.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Task } from '@/core/tasks/task'
import { openDatabase, setDb, type QingdanDatabase } from '@/db'
import { INSPECTOR_STORAGE_KEY } from '@/stores/settings'
import TasksView from '@/views/TasksView.vue'
import { mountFill } from '../fill/mountWith'

let db: QingdanDatabase
let pinia: Pinia
const task = (id: string, assignee?: string): Task => ({
  id,
  responseId: `r-${id}`,
  itemId: 'smoking',
  templateId: 'dorm',
  subject: { building: '3号楼', floor: '3', room: id },
  title: `隐患 ${id}`,
  status: 'open',
  deadline: '2099-01-01T00:00:00.000Z',
  ...(assignee !== undefined && { assignee }),
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
})

beforeEach(async () => {
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  db = openDatabase({ name: `tasks-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  await db.tasks.bulkAdd([task('301', '李辅导员'), task('302', '王老师'), task('303')])
})
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 20))
  db.close()
})

async function mountTasks() {
  const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/results/:responseId', name: 'response', component: { template: '<div />' } },
      { path: '/:rest(.*)*', component: { template: '<div />' } },
    ] })
  const page = mountFill(TasksView, { global: { plugins: [pinia, router] } })
  await vi.waitFor(() => expect(page.findAll('[data-testid=task]').length).toBe(3))
  await flushPromises()
  return page
}

describe('只看我的', () => {
  it("keeps only the tasks assigned to this device's inspector name", async () => {
    localStorage.setItem(INSPECTOR_STORAGE_KEY, '李辅导员')
    const page = await mountTasks()
    await page.get('[data-testid=task-only-mine]').setValue(true)
    expect(page.findAll('[data-testid=task]').map((t) => t.text())).toEqual([expect.stringContaining('隐患 301')])
  })

  it('is not offered when this person has no name to match', async () => {
    const page = await mountTasks()
    expect(page.find('[data-testid=task-only-mine]').exists()).toBe(false)
  })
})
