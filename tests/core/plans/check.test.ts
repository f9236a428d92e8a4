import { describe, expect, it } from 'vitest'
import { checkPlan, PLAN_LIMITS } from '@/core/plans/check'
import type { Plan } from '@/core/plans'

function plan(fields: Partial<Plan> = {}): Plan {
  return {
    id: 'p3',
    title: '3号楼每周三宿舍安全检查',
    templateId: 'dorm-room-safety',
    subjectIds: ['3-301', '3-302'],
    assignees: { '3-301': 'zhang' },
    schedule: { type: 'weekly', days: [3] },
    dueTime: '18:00',
    from: '2026-12-01',
    to: '2026-12-31',
    ...fields,
  }
}

const problems = (p: Plan): string[] => {
  const r = checkPlan(p)
  return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.pointer}`)
}

describe('checkPlan', () => {
  it('accepts a weekly plan for a month, and once/monthly schedules that fall in it', () => {
    expect(problems(plan())).toEqual([])
    expect(problems(plan({ schedule: { type: 'once', date: '2026-12-31' } }))).toEqual([])
    expect(problems(plan({ schedule: { type: 'monthly', day: 31 }, overrides: [{ type: 'cancel', date: '2026-12-31' }, { type: 'reassign', subjectId: '3-302', assignee: 'li' }] }))).toEqual([])
  })

  it('points at impossible days, a reversed range and a due time off the clock', () => {
    expect(problems(plan({ from: '2026-02-29' }))).toEqual(['badDate /from'])
    expect(problems(plan({ from: '2026-12-31', to: '2026-12-01' }))).toEqual(['fromAfterTo /to'])
    expect(problems(plan({ dueTime: '24:00' }))).toEqual(['badDueTime /dueTime'])
    expect(problems(plan({ dueTime: '8:00' }))).toEqual(['badDueTime /dueTime'])
    expect(problems(plan({ from: '2026-01-01', to: '2028-01-02' }))).toEqual(['planTooLong /to'])
    expect(PLAN_LIMITS.maxDays).toBe(731)
  })

  it('refuses schedules that never fall due or name bad days', () => {
    expect(problems(plan({ schedule: { type: 'once', date: '2027-01-01' } }))).toEqual(['dateOutsidePlan /schedule/date'])
    expect(problems(plan({ from: '2026-12-07', to: '2026-12-08', schedule: { type: 'weekly', days: [3] } }))).toEqual(['neverDue /schedule'])
    expect(problems(plan({ schedule: { type: 'weekly', days: [3, 3] } }))).toEqual(['duplicateWeekday /schedule/days/1'])
    expect(problems(plan({ schedule: { type: 'weekly', days: [] } }))).toEqual(['noWeekdays /schedule/days'])
    expect(problems(plan({ schedule: { type: 'monthly', day: 0 } }))).toEqual(['badMonthDay /schedule/day'])
  })

  it('keeps assignees and overrides to the plan’s own subjects, escaping ids in pointers', () => {
    expect(problems(plan({ subjectIds: ['room:3号楼/301', 'room:3号楼/301'], assignees: {} }))).toEqual(['duplicateSubject /subjectIds/1'])
    expect(problems(plan({ assignees: { 'room:5号楼/101': 'zhang' } }))).toEqual(['subjectNotInPlan /assignees/room:5号楼~1101'])
    expect(problems(plan({ overrides: [{ type: 'cancel', date: '2027-02-01', subjectId: 'x' }] }))).toEqual(['subjectNotInPlan /overrides/0/subjectId', 'dateOutsidePlan /overrides/0/date'])
    expect(problems(plan({ subjectIds: [], assignees: {} }))).toEqual(['noSubjects /subjectIds'])
  })

  it('says every problem in Chinese and English', () => {
    const r = checkPlan(plan({ dueTime: 'x', from: 'y' }))
    expect(r.ok).toBe(false)
    if (!r.ok) for (const i of r.issues) expect(i.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
  })
})
