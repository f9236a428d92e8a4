/**
 * A plan expanded into assignments over a period: the days its schedule names, times its subjects.
 * Pure and deterministic (ids come from plan, day and subject), so the server and every tablet
 * that expand the same plan agree without sending the assignments around.
 */
import { zonedInstant } from '../time/local-time'
import { dateOfDay, dayNumber, lastDayOfMonth, weekdayOf } from './calendar'
import type { Assignment, Plan, PlanOverride, Schedule } from './types'

/** The days (`YYYY-MM-DD`) in [from, to] on which `schedule` falls. */
export function scheduledDates(schedule: Schedule, from: string, to: string): string[] {
  const first = dayNumber(from)
  const last = dayNumber(to)
  const out: string[] = []
  switch (schedule.type) {
    case 'once':
      if (dayNumber(schedule.date) >= first && dayNumber(schedule.date) <= last) out.push(schedule.date)
      return out
    case 'weekly': {
      const days = new Set<number>(schedule.days)
      for (let day = first; day <= last; day++) if (days.has(weekdayOf(day))) out.push(dateOfDay(day))
      return out
    }
    case 'monthly':
      for (let day = first; day <= last; day++) {
        const date = dateOfDay(day)
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        if (d === Math.min(schedule.day, lastDayOfMonth(y, m))) out.push(date)
      }
      return out
    default: {
      const never: never = schedule
      return never
    }
  }
}

export interface ExpandOptions {
  /** Only the days in this window (inclusive), e.g. one week of a term-long plan. Default: the plan's. */
  from?: string
  to?: string
  /** The college's time zone, for the due time. */
  timeZone: string
}

/** The plan's assignments in the window, by day then by the plan's subject order. */
export function expandPlan(plan: Plan, options: ExpandOptions): Assignment[] {
  if (plan.cancelled) return []
  const from = options.from !== undefined && options.from > plan.from ? options.from : plan.from
  const to = options.to !== undefined && options.to < plan.to ? options.to : plan.to
  if (from > to) return []
  const rules = overrideIndex(plan.overrides ?? [])
  const out: Assignment[] = []
  for (const date of scheduledDates(plan.schedule, from, to)) {
    if (rules.cancelledDays.has(date)) continue
    // One due instant per day: the zone conversion is the costly step, the subjects share it.
    const dueAt = zonedInstant(date, plan.dueTime, options.timeZone)
    for (const subjectId of plan.subjectIds) {
      if (rules.cancelled.has(`${date}/${subjectId}`)) continue
      const assignee = rules.reassigned.get(`${date}/${subjectId}`) ?? rules.reassigned.get(`*/${subjectId}`) ?? plan.assignees[subjectId] ?? null
      out.push({ id: `${plan.id}/${date}/${subjectId}`, planId: plan.id, templateId: plan.templateId, subjectId, assignee, date, dueAt })
    }
  }
  return out
}

function overrideIndex(overrides: readonly PlanOverride[]) {
  const cancelledDays = new Set<string>()
  const cancelled = new Set<string>()
  const reassigned = new Map<string, string>()
  // In order: a later override of the same day and subject replaces an earlier one.
  for (const o of overrides) {
    switch (o.type) {
      case 'cancel':
        if (o.subjectId === undefined) cancelledDays.add(o.date)
        else cancelled.add(`${o.date}/${o.subjectId}`)
        break
      case 'reassign':
        reassigned.set(`${o.date ?? '*'}/${o.subjectId}`, o.assignee)
        break
      default: {
        const never: never = o
        return never
      }
    }
  }
  return { cancelledDays, cancelled, reassigned }
}
