/**
 * What makes a plan well formed, beyond its JSON shape: real calendar days in order, a schedule
 * that falls due at least once, a due time on the clock, and assignees and overrides that name the
 * plan's own subjects. The server refuses a plan with any of these issues (POST/PUT /api/plans);
 * a device can check the same before it sends one. What the register and the accounts hold
 * (subjects that exist, people who may fill) is the server's to check, not this file's.
 */
import { fail, ok, pointer, type Issue, type Result } from '../result'
import { dayNumber, isDate } from './calendar'
import { scheduledDates } from './expand'
import type { Plan } from './types'

export const PLAN_LIMITS = {
  /** Subjects one plan checks (a department's rooms). */
  maxSubjects: 5000,
  /** Days from `from` to `to`: two years, so an expansion stays bounded. */
  maxDays: 731,
  maxOverrides: 5000,
  maxTitle: 200,
} as const

const DUE_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/

function issue(code: string, at: string, zh: string, en: string, params?: Issue['params']): Issue {
  return { code, pointer: at, severity: 'error', message: { 'zh-CN': zh, en }, ...(params && { params }) }
}

const badDate = (at: string, value: string): Issue => issue('badDate', at, `“${value}”不是有效的日期（应为 YYYY-MM-DD）。`, `"${value}" is not a valid date (YYYY-MM-DD).`, { value })

/** The plan's issues as pointers into the plan itself (`/schedule/date`, `/subjectIds/3` …); none: ok. */
export function checkPlan(plan: Plan): Result<Plan> {
  const issues: Issue[] = []
  const datesOk = isDate(plan.from) && isDate(plan.to)
  if (!isDate(plan.from)) issues.push(badDate('/from', plan.from))
  if (!isDate(plan.to)) issues.push(badDate('/to', plan.to))
  const inRange = (date: string): boolean => datesOk && date >= plan.from && date <= plan.to
  if (datesOk && plan.from > plan.to) issues.push(issue('fromAfterTo', '/to', '结束日期早于开始日期。', 'The last day comes before the first day.'))
  else if (datesOk && dayNumber(plan.to) - dayNumber(plan.from) + 1 > PLAN_LIMITS.maxDays) {
    issues.push(issue('planTooLong', '/to', `计划最长 ${PLAN_LIMITS.maxDays} 天。`, `A plan runs ${PLAN_LIMITS.maxDays} days at most.`, { limit: PLAN_LIMITS.maxDays }))
  }
  if (!DUE_TIME.test(plan.dueTime)) issues.push(issue('badDueTime', '/dueTime', `截止时间“${plan.dueTime}”应为 HH:mm（00:00–23:59）。`, `The due time "${plan.dueTime}" must be HH:mm (00:00–23:59).`, { value: plan.dueTime }))
  issues.push(...scheduleIssues(plan, inRange))

  const subjects = new Set<string>()
  plan.subjectIds.forEach((id, i) => {
    if (subjects.has(id)) issues.push(issue('duplicateSubject', pointer('subjectIds', i), `检查对象“${id}”重复。`, `The subject "${id}" is listed twice.`, { id }))
    subjects.add(id)
  })
  if (plan.subjectIds.length === 0) issues.push(issue('noSubjects', '/subjectIds', '计划至少要有一个检查对象。', 'A plan needs at least one subject.'))
  for (const subjectId of Object.keys(plan.assignees)) {
    if (!subjects.has(subjectId)) issues.push(notInPlan(pointer('assignees', subjectId), subjectId))
  }
  ;(plan.overrides ?? []).forEach((o, i) => {
    if (o.subjectId !== undefined && !subjects.has(o.subjectId)) issues.push(notInPlan(pointer('overrides', i, 'subjectId'), o.subjectId))
    if (o.date === undefined) return
    if (!isDate(o.date)) issues.push(badDate(pointer('overrides', i, 'date'), o.date))
    else if (datesOk && !inRange(o.date)) issues.push(outside(pointer('overrides', i, 'date'), o.date))
  })
  return issues.length > 0 ? fail(issues) : ok(plan)
}

const notInPlan = (at: string, id: string): Issue => issue('subjectNotInPlan', at, `“${id}”不是本计划的检查对象。`, `"${id}" is not one of the plan's subjects.`, { id })
const outside = (at: string, date: string): Issue => issue('dateOutsidePlan', at, `${date} 不在计划的起止日期内。`, `${date} is outside the plan's first and last day.`, { value: date })

function scheduleIssues(plan: Plan, inRange: (date: string) => boolean): Issue[] {
  const { schedule } = plan
  switch (schedule.type) {
    case 'once':
      if (!isDate(schedule.date)) return [badDate('/schedule/date', schedule.date)]
      return inRange(schedule.date) || !isDate(plan.from) || !isDate(plan.to) ? [] : [outside('/schedule/date', schedule.date)]
    case 'weekly': {
      const days = new Set<number>()
      for (const [i, d] of schedule.days.entries()) {
        if (!Number.isInteger(d) || d < 1 || d > 7) return [issue('badWeekday', pointer('schedule', 'days', i), '星期应为 1（周一）到 7（周日）。', 'A weekday is 1 (Monday) to 7 (Sunday).')]
        if (days.has(d)) return [issue('duplicateWeekday', pointer('schedule', 'days', i), '同一天写了两次。', 'The same weekday is listed twice.')]
        days.add(d)
      }
      if (days.size === 0) return [issue('noWeekdays', '/schedule/days', '每周计划至少要选一天。', 'A weekly plan needs at least one weekday.')]
      return neverDue(plan)
    }
    case 'monthly':
      if (!Number.isInteger(schedule.day) || schedule.day < 1 || schedule.day > 31) return [issue('badMonthDay', '/schedule/day', '每月的日期应为 1 到 31。', 'The day of the month is 1 to 31.')]
      return neverDue(plan)
    default: {
      const never: never = schedule
      return never
    }
  }
}

/** A schedule that falls on no day between `from` and `to` (weekly on Wednesdays, Monday to Tuesday). */
function neverDue(plan: Plan): Issue[] {
  if (!isDate(plan.from) || !isDate(plan.to) || plan.from > plan.to || dayNumber(plan.to) - dayNumber(plan.from) >= PLAN_LIMITS.maxDays) return []
  if (scheduledDates(plan.schedule, plan.from, plan.to).length > 0) return []
  return [issue('neverDue', '/schedule', '按这个周期，计划在起止日期内一次也不会到期。', 'On this schedule the plan never falls due between its first and last day.')]
}
