import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createResponse, openTasksForSubmitted, saveAnswer, setDb, submitResponse, type QingdanDatabase } from '@/db'
import { useResultsStore } from '@/stores/results'
import { useTasksStore } from '@/stores/tasks'
import { freshDb } from '../db/helpers'
import { sample } from '../fixtures/load'

const dorm = sample('dorm-room-safety')
let db: QingdanDatabase

async function submitRoom(room: string, answers: Record<string, string | number>, at: string): Promise<string> {
  const row = await createResponse(db, { template: dorm, subject: { building: '3号楼', floor: 2, room }, role: 'self', inspector: '王老师' })
  for (const [itemId, value] of Object.entries(answers)) await saveAnswer(db, row.id, itemId, { value })
  await submitResponse(db, row.id, dorm, at)
  await openTasksForSubmitted(db, row.id)
  return row.id
}

beforeEach(() => {
  setActivePinia(createPinia())
  db = freshDb()
  setDb(db)
})

describe('results store', () => {
  it('loads every submitted response, newest first, and filters and sorts them', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    await submitRoom('202', {}, '2026-11-02T02:00:00.000Z')
    await submitRoom('203', { 'absent-night': 1 }, '2026-11-03T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    expect(store.loaded).toBe(true)
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['203', '202', '201'])

    store.filter.hasFindings = true
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['203', '201'])
    store.sort = 'score-desc'
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['201', '203'])
    store.setFilter({ subject: { room: '202' } })
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['202'])
    expect(store.templates).toEqual([{ id: dorm.id, title: dorm.title, versions: [1] }])
    expect(store.inspectors).toEqual(['王老师'])
  })

  it('filters by follow-up status from the tasks', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    await submitRoom('202', {}, '2026-11-02T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    store.setFilter({ status: 'open' })
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['201'])
    store.setFilter({ status: 'clean' })
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['202'])
  })
})

describe('tasks store', () => {
  it('counts open and overdue tasks against its clock and starts a linked re-check', async () => {
    await submitRoom('201', { 'late-return': 1, 'absent-night': 1 }, '2026-11-01T02:00:00.000Z')
    const store = useTasksStore()
    await store.load()
    store.now = '2026-11-03T00:00:00.000Z'
    expect(store.counts).toEqual({ open: 2, overdue: 0, closed: 0 })
    store.now = '2026-11-05T00:00:00.000Z'
    expect(store.counts).toEqual({ open: 2, overdue: 2, closed: 0 })
    const task = store.tasks[0]
    if (!task) throw new Error('no task')
    expect((await store.rectify(task.id, [{ blob: new Blob(['x'], { type: 'image/jpeg' }), name: 'a.jpg', type: 'image/jpeg' }])).ok).toBe(true)
    const started = await store.startRecheck(task.id, '李老师')
    if (!started.ok) throw new Error('re-check refused')
    const recheckId = started.value
    const recheck = await db.responses.get(recheckId)
    expect(recheck).toMatchObject({ status: 'draft', templateId: dorm.id, subject: { room: '201' }, inspector: '李老师' })
    expect(store.tasks.find((t) => t.id === task.id)?.recheckResponseId).toBe(recheckId)
  })
})

describe('refreshIfChanged', () => {
  it('re-reads only when a response was submitted since the last read', async () => {
    await submitRoom('201', {}, '2026-11-01T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    const before = store.summaries
    await store.refreshIfChanged()
    expect(store.summaries).toBe(before)
    await submitRoom('202', {}, '2026-11-02T02:00:00.000Z')
    await store.refreshIfChanged()
    expect(store.summaries.map((s) => s.subject.room).sort()).toEqual(['201', '202'])
  })
})

describe('results store: dashboard and exports', () => {
  it('loads one template’s dashboard data: its newest version and its tasks', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    const store = useResultsStore()
    await store.loadDashboard(dorm.id)
    expect(store.loaded).toBe(true)
    expect(store.dashboardTemplate?.id).toBe(dorm.id)
    expect(store.dashboardTasks.map((t) => t.itemId)).toEqual(['late-return'])
    await store.loadDashboard('other')
    expect([store.dashboardTemplate, store.dashboardTasks]).toEqual([null, []])
  })

  it('builds the summary CSV of the given results, named after the template', async () => {
    await submitRoom('201', {}, '2026-11-01T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    const file = await store.exportFile('csv', store.summaries, dorm.id, 'zh-CN')
    expect(file.name).toMatch(/\.csv$/)
    expect(file.name.startsWith(dorm.title.replace(/[\\/:*?"<>|\s]+/g, '_'))).toBe(true)
    expect(await file.blob.text()).toContain('201')
  })

  it('refuses to export against a template version that is not stored', async () => {
    await submitRoom('201', {}, '2026-11-01T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    await expect(store.exportFile('csv', store.summaries, 'other', 'zh-CN')).rejects.toThrow(/missing/)
  })
})

describe('tasks store: refusals and photos', () => {
  it('returns the core’s refusal, changes nothing, and lists the fix photos once reported', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    const store = useTasksStore()
    await store.load()
    const task = store.tasks[0]!
    const refused = await store.verify(task.id)
    expect(!refused.ok && refused.issues[0]?.code).toBe('task.notRectified')
    expect(store.tasks[0]?.status).toBe('open')
    expect(await store.fixPhotos(task)).toEqual([])
    const fixed = await store.rectify(task.id, [{ blob: new Blob(['x'], { type: 'image/jpeg' }), name: 'a.jpg', type: 'image/jpeg' }])
    if (!fixed.ok) throw new Error('refused')
    const photos = await store.fixPhotos(fixed.value)
    expect(photos.map((p) => [p.name, 'blob' in p])).toEqual([['a.jpg', false]])
  })

  it('starts no re-check draft for a closed task', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    const store = useTasksStore()
    await store.load()
    const task = store.tasks[0]!
    store.tasks = [{ ...task, status: 'verified' }]
    const drafts = await db.responses.where('status').equals('draft').count()
    const r = await store.startRecheck(task.id, '李老师')
    expect(!r.ok && r.issues[0]?.code).toBe('task.closed')
    expect(await db.responses.where('status').equals('draft').count()).toBe(drafts)
  })
})
