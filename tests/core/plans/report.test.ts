import { describe, expect, it } from 'vitest'
import { assignmentsOf, coverageReport, periodWindow, type Plan } from '@/core/plans'

const TZ = 'Asia/Shanghai'
const plan: Plan = {
  id: 'p',
  title: '每周三',
  templateId: 'dorm',
  subjectIds: ['a', 'b'],
  assignees: { a: 'zhang', b: 'li' },
  schedule: { type: 'weekly', days: [3] },
  dueTime: '18:00',
  from: '2026-11-01',
  to: '2027-01-15',
}

describe('periodWindow', () => {
  it.each([
    ['week', '2026-12-03', { from: '2026-11-30', to: '2026-12-06' }],
    // A Sunday belongs to the week that began on Monday.
    ['week', '2026-12-06', { from: '2026-11-30', to: '2026-12-06' }],
    ['month', '2027-02-10', { from: '2027-02-01', to: '2027-02-28' }],
    ['plan', '2026-12-03', { from: '2026-11-01', to: '2027-01-15' }],
  ] as const)('%s around %s', (period, today, window) => {
    expect(periodWindow(period, today, plan)).toEqual(window)
  })
})

describe('assignmentsOf', () => {
  it("keeps only the person's assignments of the day, across plans", () => {
    const other: Plan = { ...plan, id: 'q', subjectIds: ['c'], assignees: { c: 'zhang' }, schedule: { type: 'once', date: '2026-12-02' } }
    expect(assignmentsOf([plan, other], 'zhang', '2026-12-02', TZ).map((a) => a.id)).toEqual(['p/2026-12-02/a', 'q/2026-12-02/c'])
    expect(assignmentsOf([plan, other], 'zhang', '2026-12-03', TZ)).toEqual([])
  })
})

describe('coverageReport', () => {
  it('groups unplaced subjects under an empty key, last, and cuts the missing list at its limit', () => {
    const report = coverageReport({
      plan,
      window: { from: '2026-11-30', to: '2026-12-13' },
      submissions: [],
      places: new Map([['a', { label: '3号楼 301', building: '3号楼', floor: '3' }]]),
      now: Date.parse('2026-12-20T00:00:00Z'),
      timeZone: TZ,
      missingLimit: 3,
    })
    expect(report.counts).toEqual({ total: 4, done: 0, late: 0, overdue: 4, due: 0 })
    expect(report.byBuilding.map((g) => g.key)).toEqual(['3号楼', ''])
    expect(report.byFloor.map((g) => g.key)).toEqual(['3号楼 · 3', ''])
    expect(report.missing).toHaveLength(3)
    expect(report.missingTotal).toBe(4)
  })
})
