import { describe, expect, it } from 'vitest'
import type { Result } from '@/core/result'
import { TASK_ISSUES, type TaskIssueCode } from '@/core/tasks/issues'
import type { Task, TaskStatus } from '@/core/tasks/task'
import { assignTask, linkRecheck, rectifyTask, verifyTask, type Recheck } from '@/core/tasks/transitions'
import { NOW, task } from './builders'

const refusal = (r: Result<Task>): string | undefined => (r.ok ? undefined : r.issues[0]?.code)

describe('rectifyTask (open → rectified)', () => {
  const cases: Array<{ name: string; status: TaskStatus; photos: string[]; expected: TaskIssueCode | 'rectified' }> = [
    { name: 'an open task with a photo is rectified', status: 'open', photos: ['a1'], expected: 'rectified' },
    { name: 'an open task without a photo is refused', status: 'open', photos: [], expected: 'task.noPhoto' },
    { name: 'a rectified task cannot be reported again', status: 'rectified', photos: ['a1'], expected: 'task.notOpen' },
    { name: 'a verified task cannot be reported again', status: 'verified', photos: ['a1'], expected: 'task.notOpen' },
  ]
  it.each(cases)('$name', ({ status, photos, expected }) => {
    const r = rectifyTask(task({ status }), { photoIds: photos }, NOW)
    if (expected === 'rectified') expect(r.ok && r.value.status).toBe('rectified')
    else expect(refusal(r)).toBe(expected)
  })

  it('keeps earlier photos, trims the remark and stamps the time', () => {
    const r = rectifyTask(task({ fixAttachmentIds: ['old'] }), { photoIds: ['a1', 'a2'], note: ' 已清理 ' }, NOW)
    expect(r.ok && r.value).toMatchObject({ fixAttachmentIds: ['old', 'a1', 'a2'], fixNote: '已清理', rectifiedAt: NOW, updatedAt: NOW })
  })

  it('leaves out a blank remark', () => {
    const r = rectifyTask(task(), { photoIds: ['a1'], note: '  ' }, NOW)
    expect(r.ok && 'fixNote' in r.value).toBe(false)
  })
})

describe('verifyTask (rectified → verified)', () => {
  const clean: Recheck = { status: 'submitted', findingItemIds: ['other'] }
  const cases: Array<{ name: string; task: Task; recheck: Recheck | undefined; expected: TaskIssueCode | 'verified' }> = [
    { name: 'a clean, submitted re-check closes a rectified task', task: task({ status: 'rectified', recheckResponseId: 'r2' }), recheck: clean, expected: 'verified' },
    { name: 'an open task is not closed', task: task({ status: 'open', recheckResponseId: 'r2' }), recheck: clean, expected: 'task.notRectified' },
    { name: 'a closed task is not closed twice', task: task({ status: 'verified', recheckResponseId: 'r2' }), recheck: clean, expected: 'task.notRectified' },
    { name: 'a rectified task without a re-check waits', task: task({ status: 'rectified' }), recheck: clean, expected: 'task.noRecheck' },
    { name: 'a re-check that is gone', task: task({ status: 'rectified', recheckResponseId: 'r2' }), recheck: undefined, expected: 'task.recheckNotSubmitted' },
    { name: 'a re-check still in draft', task: task({ status: 'rectified', recheckResponseId: 'r2' }), recheck: { status: 'draft', findingItemIds: [] }, expected: 'task.recheckNotSubmitted' },
    { name: 'a submitted re-check without a stored score', task: task({ status: 'rectified', recheckResponseId: 'r2' }), recheck: { status: 'submitted', findingItemIds: undefined }, expected: 'task.recheckNotSubmitted' },
    { name: 'a re-check that still finds the hazard', task: task({ status: 'rectified', recheckResponseId: 'r2' }), recheck: { status: 'submitted', findingItemIds: ['smoking'] }, expected: 'task.stillFlagged' },
  ]
  it.each(cases)('$name', ({ task: t, recheck, expected }) => {
    const r = verifyTask(t, recheck, NOW)
    if (expected === 'verified') expect(r.ok && r.value).toMatchObject({ status: 'verified', verifiedAt: NOW, updatedAt: NOW })
    else expect(refusal(r)).toBe(expected)
  })
})

describe('linkRecheck', () => {
  const cases: Array<{ status: TaskStatus; ok: boolean }> = [
    { status: 'open', ok: true },
    { status: 'rectified', ok: true },
    { status: 'verified', ok: false },
  ]
  it.each(cases)('links a re-check to a $status task: $ok', ({ status, ok }) => {
    const r = linkRecheck(task({ status }), 'r2', NOW)
    expect(r.ok).toBe(ok)
    if (r.ok) expect(r.value).toMatchObject({ recheckResponseId: 'r2', status, updatedAt: NOW })
    else expect(refusal(r)).toBe('task.closed')
  })
})

describe('assignTask', () => {
  const cases: Array<{ name: string; before?: string; input: string; expected: string | undefined }> = [
    { name: 'sets a trimmed name', input: ' 张三 ', expected: '张三' },
    { name: 'replaces a name', before: '李四', input: '张三', expected: '张三' },
    { name: 'clears with a blank name', before: '李四', input: '  ', expected: undefined },
  ]
  it.each(cases)('$name', ({ before, input, expected }) => {
    const r = assignTask(task(before === undefined ? {} : { assignee: before }), input, NOW)
    expect(r.ok && r.value.assignee).toBe(expected)
  })

  it('is allowed in every state', () => {
    for (const status of ['open', 'rectified', 'verified'] as const) expect(assignTask(task({ status }), 'x', NOW).ok).toBe(true)
  })
})

describe('task issues', () => {
  it('say every refusal in zh-CN and en and name the task', () => {
    for (const m of Object.values(TASK_ISSUES)) expect(m['zh-CN'] && m.en).toBeTruthy()
    const r = rectifyTask(task({ id: 'abc' }), { photoIds: [] }, NOW)
    expect(!r.ok && r.issues[0]).toMatchObject({ code: 'task.noPhoto', severity: 'error', params: { taskId: 'abc' } })
  })
})
