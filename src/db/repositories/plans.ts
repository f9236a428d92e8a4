/**
 * Inspection plans on this device (#14): the plans the server sent (`SyncPlan`, stored as they
 * came), the register entries it sent, and the submissions coverage compares them with. Plans are
 * edited only on the server (it checks `register.edit` on the plan's scope); a tablet stores what
 * it pulled and expands it offline with the core's `expandPlan`.
 */
import { assignmentsOf, coverageOf, coverageReport, type Assignment, type CoverageReport, type CoverageState, type DateWindow, type SubjectPlace, type Submission } from '@/core/plans'
import { zonedInstant } from '@/core/time/local-time'
import type { SyncPlan, SyncSubject } from '@/core/sync/protocol'
import type { QingdanDatabase } from '../database'
import type { PlanRow, RegisterRow } from '../rows'
import { storageWrite } from '../storage-error'
import { ensureSummaries } from './results-query'

/** Whether a pulled plan replaces the held one: a newer server time wins, an equal one is the same. */
export function newerPlan(held: Pick<SyncPlan, 'updatedAt'> | undefined, incoming: Pick<SyncPlan, 'updatedAt'>): boolean {
  return held === undefined || Date.parse(incoming.updatedAt) > Date.parse(held.updatedAt)
}

/** Stores a pulled plan unless a newer one is held. Inside a transaction over `plans`. @returns whether it wrote. */
export async function putPulledPlan(db: QingdanDatabase, plan: SyncPlan): Promise<boolean> {
  if (!newerPlan(await db.plans.get(plan.id), plan)) return false
  await db.plans.put(plan)
  return true
}

/**
 * Stores a pulled register entry unless a newer version is held; an archived one is kept but
 * flagged (old records still name it, no new check offers it). Inside a transaction over `register`.
 */
export async function putPulledSubject(db: QingdanDatabase, subject: SyncSubject, now: string): Promise<boolean> {
  const held = await db.register.get(subject.id)
  if (held?.version !== undefined && held.version >= subject.version) return false
  const { archived, ...rest } = subject
  const row: RegisterRow = { ...rest, importedAt: now, ...(archived === true && { archived: true }) }
  await db.register.put(row)
  return true
}

/** Every stored plan, newest change first. */
export async function listPlans(db: QingdanDatabase): Promise<PlanRow[]> {
  const rows = await db.plans.toArray()
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
}

export async function getPlan(db: QingdanDatabase, id: string): Promise<PlanRow | undefined> {
  return db.plans.get(id)
}

/** A plan the server just returned (after a POST or PUT), stored at once so lists show it offline. */
export async function savePlan(db: QingdanDatabase, plan: SyncPlan): Promise<boolean> {
  return storageWrite(() => db.transaction('rw', db.plans, () => putPulledPlan(db, plan)))
}

export interface SubmissionQuery {
  templateId: string
  /** Only submissions at or after this instant (ms); the period's first day, say. */
  from?: number
  /** Only submissions before this instant (ms). */
  to?: number
}

/**
 * The submissions of a template that name a register subject, as coverage needs them: read from
 * the summaries (schema v7 `[templateId+submittedAt]`), a few hundred bytes each, never the
 * responses with their scores; summaries missing for some submitted response are made first.
 * One range read (`getAll`), not a cursor: 20,000 rows in one request.
 */
export async function submissionsOf(db: QingdanDatabase, query: SubmissionQuery): Promise<Submission[]> {
  await ensureSummaries(db)
  const from = query.from === undefined ? '' : new Date(query.from).toISOString()
  const to = query.to === undefined ? '\uffff' : new Date(query.to).toISOString()
  const rows = await db.summaries.where('[templateId+submittedAt]').between([query.templateId, from], [query.templateId, to], true, false).toArray()
  const out: Submission[] = []
  for (const r of rows) {
    if (r.subjectId === undefined) continue
    const at = Date.parse(r.submittedAt)
    if (!Number.isNaN(at)) out.push({ templateId: r.templateId, subjectId: r.subjectId, submittedAt: at })
  }
  return out
}

/** Register entries by id (archived ones too: a plan may still name a room that was removed). */
export async function registerByIds(db: QingdanDatabase, ids: readonly string[]): Promise<Map<string, RegisterRow>> {
  const rows = await db.register.bulkGet([...new Set(ids)])
  const out = new Map<string, RegisterRow>()
  for (const r of rows) if (r) out.set(r.id, r)
  return out
}

function placesOf(register: ReadonlyMap<string, RegisterRow>): Map<string, SubjectPlace> {
  const out = new Map<string, SubjectPlace>()
  for (const [id, r] of register) {
    out.set(id, { label: r.label, ...(r.fields.building !== undefined && { building: r.fields.building }), ...(r.fields.floor !== undefined && { floor: r.fields.floor }) })
  }
  return out
}

export interface PlanCoverage {
  report: CoverageReport
  /** Where each subject of the plan sits (its label, building, floor), for the missing list. */
  places: Map<string, SubjectPlace>
}

/**
 * A plan's coverage over a window: its submissions read from the index (from the window's first
 * day on, since a check before it covers nothing), its rooms from the register, counted by core.
 */
export async function planCoverage(db: QingdanDatabase, plan: SyncPlan, window: DateWindow, now: number, timeZone: string): Promise<PlanCoverage> {
  const [submissions, register] = await Promise.all([
    submissionsOf(db, { templateId: plan.templateId, from: zonedInstant(window.from, '00:00', timeZone) }),
    registerByIds(db, plan.subjectIds),
  ])
  const places = placesOf(register)
  return { report: coverageReport({ plan, window, submissions, places, now, timeZone }), places }
}

/** One room of a person's day: what to check, in which plan, and how far it is. */
export interface TodayItem {
  assignment: Assignment
  planTitle: string
  label: string
  state: CoverageState
  submittedAt?: number
}

/**
 * The assignments of `date` for `userId` across the stored plans (cancelled days and plans left
 * out, reassignments followed), each with its state from this device's submissions. Offline:
 * only what the last sync brought.
 */
export async function todayFor(db: QingdanDatabase, userId: string, date: string, now: number, timeZone: string): Promise<TodayItem[]> {
  const plans = await db.plans.toArray()
  const assignments = assignmentsOf(plans, userId, date, timeZone)
  if (assignments.length === 0) return []
  const from = zonedInstant(date, '00:00', timeZone)
  const templates = [...new Set(assignments.map((a) => a.templateId))]
  const [submissions, register] = await Promise.all([
    Promise.all(templates.map((templateId) => submissionsOf(db, { templateId, from }))).then((lists) => lists.flat()),
    registerByIds(db, assignments.map((a) => a.subjectId)),
  ])
  const titles = new Map(plans.map((p) => [p.id, p.title]))
  return coverageOf(assignments, submissions, now, timeZone).map((c) => ({
    assignment: c.assignment,
    planTitle: titles.get(c.assignment.planId) ?? '',
    label: register.get(c.assignment.subjectId)?.label ?? c.assignment.subjectId,
    state: c.state,
    ...(c.submittedAt !== undefined && { submittedAt: c.submittedAt }),
  }))
}
