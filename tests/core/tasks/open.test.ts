import { describe, expect, it } from 'vitest'
import { defaultAssignee, openTasks } from '@/core/tasks/open'
import { finding, NOW, resultWith } from './builders'

describe('defaultAssignee', () => {
  const cases: Array<{ subject: Record<string, string | number>; expected: string | undefined }> = [
    { subject: { building: '3号楼' }, expected: undefined },
    { subject: { teacher: ' 王老师 ' }, expected: '王老师' },
    { subject: { responsible: '张三', teacher: '王老师' }, expected: '张三' },
    { subject: { responsible: '  ', leader: '李四' }, expected: '李四' },
    { subject: { owner: 12 }, expected: '12' },
  ]
  it.each(cases)('$subject → $expected', ({ subject, expected }) => {
    expect(defaultAssignee(subject)).toBe(expected)
  })
})

describe('openTasks', () => {
  let n = 0
  const input = (findings = [finding('smoking', { note: '烟头' }), finding('pet', { rootSectionId: 'rules' })]) => ({
    responseId: 'r1',
    templateId: 'dorm',
    subject: { building: '3号楼', teacher: '王老师' },
    result: resultWith(findings),
    template: { rectification: { defaultDays: 3 } },
    submittedAt: '2026-11-27T02:00:00.000Z',
    now: NOW,
    newId: () => `t${++n}`,
  })

  it('opens one task per finding, due the template days after submission, with the default assignee', () => {
    const tasks = openTasks(input())
    expect(tasks.map((t) => [t.itemId, t.sectionId, t.status, t.deadline, t.assignee])).toEqual([
      ['smoking', 'fire', 'open', '2026-11-30T02:00:00.000Z', '王老师'],
      ['pet', 'rules', 'open', '2026-11-30T02:00:00.000Z', '王老师'],
    ])
    expect(tasks[0]).toMatchObject({ note: '烟头', createdAt: NOW, updatedAt: NOW, responseId: 'r1', templateId: 'dorm' })
    expect(new Set(tasks.map((t) => t.id)).size).toBe(2)
  })

  it('routes to the register’s responsible person for the subject over a person-like field', () => {
    expect(openTasks({ ...input(), responsible: '李辅导员' }).map((t) => t.assignee)).toEqual(['李辅导员', '李辅导员'])
    expect(openTasks({ ...input(), responsible: '  ' }).map((t) => t.assignee)).toEqual(['王老师', '王老师'])
  })

  it('opens nothing for a clean response', () => {
    expect(openTasks(input([]))).toEqual([])
  })

  it('copies the subject, so editing the task never edits the response', () => {
    const i = input()
    const [t] = openTasks(i)
    expect(t?.subject).toEqual(i.subject)
    expect(t?.subject).not.toBe(i.subject)
  })
})

describe('openTasks follows the template’s findings policy', () => {
  const base = {
    responseId: 'r1',
    templateId: 'rubric',
    subject: { branch: '一支部' },
    result: resultWith([finding('first-topic')]),
    submittedAt: '2026-11-27T02:00:00.000Z',
    now: NOW,
    newId: () => 'id',
  }

  it.each([
    { template: {}, tasks: 1 },
    { template: { kind: 'inspection' as const }, tasks: 1 },
    { template: { kind: 'evaluation' as const }, tasks: 0 },
    { template: { kind: 'conduct' as const }, tasks: 0 },
    { template: { kind: 'conduct' as const, findings: { tasks: true } }, tasks: 1 },
    { template: { kind: 'inspection' as const, findings: { tasks: false } }, tasks: 0 },
  ])('$template opens $tasks task(s) for one finding', ({ template, tasks }) => {
    expect(openTasks({ ...base, template })).toHaveLength(tasks)
  })
})
