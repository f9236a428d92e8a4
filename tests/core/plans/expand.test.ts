import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { expandPlan, scheduledDates, weekdayOf, dayNumber, isDate, type Plan, type Schedule } from '@/core/plans'
import { zonedInstant } from '@/core/time/local-time'

const TZ = 'Asia/Shanghai'

function plan(fields: Partial<Plan> = {}): Plan {
  return {
    id: 'p3',
    title: '3号楼每周三宿舍安全检查',
    templateId: 'dorm-room-safety',
    subjectIds: ['3-301', '3-302', '3-401'],
    assignees: { '3-301': 'zhang', '3-302': 'zhang', '3-401': 'li' },
    schedule: { type: 'weekly', days: [3] },
    dueTime: '18:00',
    from: '2026-12-01',
    to: '2026-12-31',
    ...fields,
  }
}

describe('calendar days', () => {
  it('knows the weekday: 2026-12-02 is a Wednesday, 2026-12-06 a Sunday', () => {
    expect(weekdayOf(dayNumber('2026-12-02'))).toBe(3)
    expect(weekdayOf(dayNumber('2026-12-06'))).toBe(7)
    expect(weekdayOf(dayNumber('1969-12-29'))).toBe(1)
  })

  it.each(['2026-02-29', '2026-13-01', '2026-1-1', ''])('refuses %j as a date', (text) => expect(isDate(text)).toBe(false))
})

describe('schedules', () => {
  it.each<[string, Schedule, string, string, string[]]>([
    ['every Wednesday of December 2026', { type: 'weekly', days: [3] }, '2026-12-01', '2026-12-31', ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30']],
    ['Monday and Thursday of one week', { type: 'weekly', days: [1, 4] }, '2026-11-30', '2026-12-06', ['2026-11-30', '2026-12-03']],
    ['the 31st, or the month’s last day', { type: 'monthly', day: 31 }, '2027-01-01', '2027-04-30', ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']],
    ['the 29th in a leap February', { type: 'monthly', day: 29 }, '2028-02-01', '2028-03-31', ['2028-02-29', '2028-03-29']],
    ['once, inside the period', { type: 'once', date: '2026-12-10' }, '2026-12-01', '2026-12-31', ['2026-12-10']],
    ['once, outside it', { type: 'once', date: '2027-01-10' }, '2026-12-01', '2026-12-31', []],
  ])('%s', (_, schedule, from, to, dates) => {
    expect(scheduledDates(schedule, from, to)).toEqual(dates)
  })

  it('puts a weekly day exactly 7 days apart and only on the chosen weekdays, for any period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 22_000 }), fc.integer({ min: 0, max: 120 }), fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), (start, length, days) => {
        const from = new Date(start * 86_400_000).toISOString().slice(0, 10)
        const to = new Date((start + length) * 86_400_000).toISOString().slice(0, 10)
        const dates = scheduledDates({ type: 'weekly', days: days as Array<1 | 2 | 3 | 4 | 5 | 6 | 7> }, from, to)
        for (const d of dates) expect(days).toContain(weekdayOf(dayNumber(d)))
        // Every matching day in the period is there: length+1 days hold this many of them.
        const expected = Array.from({ length: length + 1 }, (_, i) => start + i).filter((n) => days.includes(weekdayOf(n))).length
        expect(dates).toHaveLength(expected)
      }),
    )
  })
})

describe('expanding a plan', () => {
  it('makes one assignment per subject and Wednesday, due at 18:00 Beijing time (10:00 UTC)', () => {
    const out = expandPlan(plan(), { timeZone: TZ })
    expect(out).toHaveLength(5 * 3)
    expect(out[0]).toEqual({ id: 'p3/2026-12-02/3-301', planId: 'p3', templateId: 'dorm-room-safety', subjectId: '3-301', assignee: 'zhang', date: '2026-12-02', dueAt: Date.parse('2026-12-02T10:00:00Z') })
    expect(out.filter((a) => a.assignee === 'li').map((a) => a.date)).toEqual(['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30'])
  })

  it('expands only the asked window, and the same ids every time', () => {
    const week = expandPlan(plan(), { timeZone: TZ, from: '2026-12-07', to: '2026-12-13' })
    expect(week.map((a) => a.id)).toEqual(['p3/2026-12-09/3-301', 'p3/2026-12-09/3-302', 'p3/2026-12-09/3-401'])
    expect(expandPlan(plan(), { timeZone: TZ, from: '2026-12-07', to: '2026-12-13' })).toEqual(week)
  })

  it('follows reassignments and cancellations, the later override winning', () => {
    const out = expandPlan(
      plan({
        overrides: [
          { type: 'reassign', subjectId: '3-401', assignee: 'wang' },
          { type: 'reassign', date: '2026-12-16', subjectId: '3-401', assignee: 'zhao' },
          { type: 'cancel', date: '2026-12-23' },
          { type: 'cancel', date: '2026-12-30', subjectId: '3-302' },
        ],
      }),
      { timeZone: TZ },
    )
    const of = (subject: string) => out.filter((a) => a.subjectId === subject).map((a) => `${a.date.slice(8)}:${a.assignee}`)
    expect(of('3-401')).toEqual(['02:wang', '09:wang', '16:zhao', '30:wang'])
    expect(of('3-302')).toEqual(['02:zhang', '09:zhang', '16:zhang'])
    expect(out.some((a) => a.date === '2026-12-23')).toBe(false)
  })

  it('leaves a subject nobody is named for unassigned, and a cancelled plan empty', () => {
    expect(expandPlan(plan({ assignees: {} }), { timeZone: TZ }).every((a) => a.assignee === null)).toBe(true)
    expect(expandPlan(plan({ cancelled: true }), { timeZone: TZ })).toEqual([])
  })
})

describe('zoned due times', () => {
  it.each([
    ['2026-12-02', '18:00', 'Asia/Shanghai', '2026-12-02T10:00:00.000Z'],
    ['2026-12-02', '00:00', 'Asia/Shanghai', '2026-12-01T16:00:00.000Z'],
    ['2026-01-15', '12:00', 'America/New_York', '2026-01-15T17:00:00.000Z'],
    // Daylight saving began on 2026-03-08 at 02:00: noon is then UTC−4.
    ['2026-03-08', '12:00', 'America/New_York', '2026-03-08T16:00:00.000Z'],
    ['2026-07-01', '09:30', 'UTC', '2026-07-01T09:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(new Date(zonedInstant(date, time, zone)).toISOString()).toBe(iso)
  })
})
