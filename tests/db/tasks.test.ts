import { describe, expect, it } from 'vitest'
import {
  createResponse,
  linkRecheck,
  listAttachments,
  listTasks,
  markRectified,
  openTasksForSubmitted,
  saveAnswer,
  setTaskAssignee,
  submitResponse,
  taskCounts,
  verifyTask,
  type QingdanDatabase,
} from '@/db'
import type { Result } from '@/core/result'
import type { Task } from '@/core/tasks/task'
import { freshDb } from './helpers'
import { sample } from '../fixtures/load'

const dorm = sample('dorm-room-safety')
/** The task of an allowed step (fails the test with the refusal's code otherwise). */
function allowed(r: Result<Task>): Task {
  if (!r.ok) throw new Error(`refused: ${r.issues.map((i) => i.code).join(', ')}`)
  return r.value
}
const refusal = (r: Result<Task>): string | undefined => (r.ok ? undefined : r.issues[0]?.code)

const photo = { blob: new Blob(['jpeg'], { type: 'image/jpeg' }), name: 'fix.jpg', type: 'image/jpeg' }

async function submitRoom(db: QingdanDatabase, answers: Record<string, string | number>, at = '2026-11-27T02:00:00.000Z'): Promise<string> {
  const row = await createResponse(db, { template: dorm, subject: { building: '3号楼', floor: 2, room: '201' }, role: 'self', inspector: '王老师' })
  for (const [itemId, value] of Object.entries(answers)) await saveAnswer(db, row.id, itemId, { value, ...(itemId === 'smoking' && { note: '烟头在阳台' }) })
  await submitResponse(db, row.id, dorm, at)
  return row.id
}

describe('openTasksForSubmitted', () => {
  it('opens one task per finding, due after the template default days, and only once', async () => {
    const db = freshDb()
    const id = await submitRoom(db, { smoking: 1, 'socket-damaged': 'yes' })
    const tasks = await openTasksForSubmitted(db, id)
    expect(tasks.map((t) => t.itemId).sort()).toEqual(['smoking', 'socket-damaged'])
    expect(tasks.every((t) => t.status === 'open' && t.deadline === '2026-11-30T02:00:00.000Z')).toBe(true)
    expect(tasks.find((t) => t.itemId === 'smoking')).toMatchObject({ note: '烟头在阳台', sectionId: 'fire', subject: { room: '201' } })
    await openTasksForSubmitted(db, id)
    expect(await listTasks(db, { responseId: id })).toHaveLength(2)
    expect(await db.summaries.get(id)).toBeDefined()
  })

  it('assigns the tasks to the responsible person the register names for the picked room (#14)', async () => {
    const db = freshDb()
    await db.register.put({ id: 'room:3号楼/201', kind: 'room', scopeId: 'floor:3号楼/2', fields: { building: '3号楼', floor: '2', room: '201' }, label: '3号楼 201', responsible: '李辅导员', importedAt: '2026-11-01T00:00:00.000Z' })
    const row = await createResponse(db, { template: dorm, subject: { building: '3号楼', floor: 2, room: '201' }, role: 'inspection', inspector: '王老师', subjectId: 'room:3号楼/201' })
    await saveAnswer(db, row.id, 'smoking', { value: 1 })
    await submitResponse(db, row.id, dorm, '2026-11-27T02:00:00.000Z')
    expect((await openTasksForSubmitted(db, row.id)).map((t) => t.assignee)).toEqual(['李辅导员'])
    // A room typed in by hand names nobody: no assignee from the register.
    const [plain] = await openTasksForSubmitted(db, await submitRoom(db, { smoking: 1 }))
    expect(plain?.assignee).toBeUndefined()
  })

  it('opens nothing for a draft or a clean room', async () => {
    const db = freshDb()
    const draft = await createResponse(db, { template: dorm, subject: { building: '3号楼' }, role: 'self', inspector: '王' })
    expect(await openTasksForSubmitted(db, draft.id)).toEqual([])
    expect(await openTasksForSubmitted(db, await submitRoom(db, {}))).toEqual([])
  })
})

describe('the rectification loop', () => {
  it('goes open → rectified with a photo → verified after a clean re-check', async () => {
    const db = freshDb()
    const [task] = await openTasksForSubmitted(db, await submitRoom(db, { smoking: 1 }))
    if (!task) throw new Error('no task')
    expect(refusal(await markRectified(db, task.id, { photos: [] }))).toBe('task.noPhoto')
    expect(await listAttachments(db, task.responseId)).toEqual([])
    const fixed = allowed(await markRectified(db, task.id, { photos: [photo], note: '已清理' }, '2026-11-28T00:00:00.000Z'))
    expect(fixed).toMatchObject({ status: 'rectified', fixNote: '已清理', rectifiedAt: '2026-11-28T00:00:00.000Z' })
    const photos = await listAttachments(db, task.responseId)
    expect(photos.filter((p) => fixed.fixAttachmentIds?.includes(p.id))).toHaveLength(1)

    expect(refusal(await verifyTask(db, task.id))).toBe('task.noRecheck')
    const recheck = await submitRoom(db, {})
    allowed(await linkRecheck(db, task.id, recheck))
    const closed = allowed(await verifyTask(db, task.id, '2026-11-29T00:00:00.000Z'))
    expect(closed).toMatchObject({ status: 'verified', recheckResponseId: recheck, verifiedAt: '2026-11-29T00:00:00.000Z' })
  })

  it('refuses to close when the re-check still finds the hazard', async () => {
    const db = freshDb()
    const [task] = await openTasksForSubmitted(db, await submitRoom(db, { smoking: 1 }))
    if (!task) throw new Error('no task')
    await markRectified(db, task.id, { photos: [photo] })
    await linkRecheck(db, task.id, await submitRoom(db, { smoking: 2 }))
    expect(refusal(await verifyTask(db, task.id))).toBe('task.stillFlagged')
    expect((await listTasks(db, { responseId: task.responseId }))[0]?.status).toBe('rectified')
  })

  it('refuses to verify an open task and to rectify twice', async () => {
    const db = freshDb()
    const [task] = await openTasksForSubmitted(db, await submitRoom(db, { smoking: 1 }))
    if (!task) throw new Error('no task')
    expect(refusal(await verifyTask(db, task.id))).toBe('task.notRectified')
    allowed(await markRectified(db, task.id, { photos: [photo] }))
    expect(refusal(await markRectified(db, task.id, { photos: [photo] }))).toBe('task.notOpen')
    // The refused second report stored no second photo.
    expect(await listAttachments(db, task.responseId)).toHaveLength(1)
  })

  it('answers a missing task with a refusal, not a throw', async () => {
    const db = freshDb()
    expect(refusal(await verifyTask(db, 'nope'))).toBe('task.notFound')
    expect(refusal(await setTaskAssignee(db, 'nope', '张三'))).toBe('task.notFound')
  })
})

describe('counts and assignees', () => {
  it('counts open, overdue and closed tasks at a given time', async () => {
    const db = freshDb()
    await openTasksForSubmitted(db, await submitRoom(db, { smoking: 1, pet: 'yes' }, '2026-11-01T00:00:00.000Z'))
    await openTasksForSubmitted(db, await submitRoom(db, { 'late-return': 1 }, '2026-11-27T00:00:00.000Z'))
    expect(await taskCounts(db, '2026-11-28T00:00:00.000Z')).toEqual({ open: 3, overdue: 2, closed: 0 })
  })

  it('sets and clears the responsible person', async () => {
    const db = freshDb()
    const [task] = await openTasksForSubmitted(db, await submitRoom(db, { smoking: 1 }))
    if (!task) throw new Error('no task')
    expect(allowed(await setTaskAssignee(db, task.id, ' 张三 ')).assignee).toBe('张三')
    expect(allowed(await setTaskAssignee(db, task.id, '')).assignee).toBeUndefined()
  })
})

describe('openTasksForSubmitted follows the template’s findings policy', () => {
  it('a conduct list’s problems open no photo rectification task', async () => {
    const conduct = sample('teacher-conduct-negative-list')
    const db = freshDb()
    const row = await createResponse(db, { template: conduct, subject: { teacher: '王', department: '机电', year: 2026 }, role: 'self', inspector: '李' })
    await saveAnswer(db, row.id, 'pol1', { value: 'minor' })
    await submitResponse(db, row.id, conduct, '2026-11-27T02:00:00.000Z')
    expect(await openTasksForSubmitted(db, row.id)).toEqual([])
    expect(await db.tasks.count()).toBe(0)
  })
})
