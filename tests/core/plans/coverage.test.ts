import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { countBy, coverageOf, expandPlan, type Plan, type Submission } from '@/core/plans'

const TZ = 'Asia/Shanghai'
const at = (iso: string): number => Date.parse(iso)

const plan: Plan = {
  id: 'p3',
  title: '3号楼每周三',
  templateId: 'dorm',
  subjectIds: ['301', '302'],
  assignees: { '301': 'zhang', '302': 'li' },
  schedule: { type: 'weekly', days: [3] },
  dueTime: '18:00',
  from: '2026-12-01',
  to: '2026-12-16',
}
// Wednesdays 12-02, 12-09, 12-16; due 10:00 UTC (18:00 in Beijing) each.
const assignments = expandPlan(plan, { timeZone: TZ })
const sub = (subjectId: string, iso: string, templateId = 'dorm'): Submission => ({ subjectId, templateId, submittedAt: at(iso) })

describe('coverage', () => {
  it.each([
    ['done on the day before 18:00', [sub('301', '2026-12-02T09:00:00Z')], 'done'],
    ['done the day after: late', [sub('301', '2026-12-03T01:00:00Z')], 'late'],
    // 2026-12-01T20:00Z is 12-02 04:00 in Beijing: on the day.
    ['just after midnight Beijing time counts for that day', [sub('301', '2026-12-01T20:00:00Z')], 'done'],
    ['a submission before the day counts for nothing', [sub('301', '2026-12-01T15:00:00Z')], 'overdue'],
    ['another template’s submission counts for nothing', [sub('301', '2026-12-02T09:00:00Z', 'fire')], 'overdue'],
    // 12-09 00:00 Beijing = 12-08T16:00Z: from then on, the next Wednesday's window.
    ['a submission in the next week’s window covers that week, not this one', [sub('301', '2026-12-08T16:30:00Z')], 'overdue'],
  ])('%s', (_, submissions, state) => {
    const rows = coverageOf(assignments, submissions, at('2026-12-20T00:00:00Z'), TZ)
    expect(rows.find((r) => r.assignment.id === 'p3/2026-12-02/301')?.state).toBe(state)
  })

  it('calls an assignment due until its time has passed, then overdue', () => {
    const before = coverageOf(assignments, [], at('2026-12-09T09:59:00Z'), TZ)
    const after = coverageOf(assignments, [], at('2026-12-09T10:01:00Z'), TZ)
    expect(before.find((r) => r.assignment.id === 'p3/2026-12-09/302')?.state).toBe('due')
    expect(after.find((r) => r.assignment.id === 'p3/2026-12-09/302')?.state).toBe('overdue')
  })

  it('counts per inspector and per room, each assignment once in each of its groups', () => {
    const rows = coverageOf(assignments, [sub('301', '2026-12-02T09:00:00Z'), sub('301', '2026-12-10T09:00:00Z'), sub('302', '2026-12-16T02:00:00Z')], at('2026-12-16T12:00:00Z'), TZ)
    const counts = countBy(rows, (a) => [`inspector:${a.assignee}`, `room:${a.subjectId}`])
    expect(counts.get('inspector:zhang')).toEqual({ total: 3, done: 1, late: 1, overdue: 1, due: 0 })
    expect(counts.get('inspector:li')).toEqual({ total: 3, done: 1, late: 0, overdue: 2, due: 0 })
    expect(counts.get('room:302')!.total).toBe(3)
  })

  it('covers each assignment at most once and never with one submission twice, for any submissions', () => {
    const instant = fc.integer({ min: at('2026-11-28T00:00:00Z'), max: at('2026-12-20T00:00:00Z') })
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('301', '302'), instant), { maxLength: 12 }), instant, (picks, now) => {
        const rows = coverageOf(assignments, picks.map(([s, t]) => ({ subjectId: s, templateId: 'dorm', submittedAt: t })), now, TZ)
        expect(rows).toHaveLength(assignments.length)
        const used = rows.filter((r) => r.submittedAt !== undefined).map((r) => `${r.assignment.subjectId}@${r.submittedAt}`)
        expect(new Set(used).size).toBe(used.length)
        const counts = countBy(rows, () => ['all']).get('all')!
        expect(counts.done + counts.late + counts.overdue + counts.due).toBe(counts.total)
      }),
    )
  })
})
