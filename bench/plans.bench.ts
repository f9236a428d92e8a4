/**
 * Plans and coverage at a college's scale (issue #14):
 * - plans.expand.ms: a weekly plan over 2,000 rooms for a term (2026-09-01 … 2027-01-15, one
 *   check a week: 20 weeks × 2,000 = 40,000 assignments), median of 7 runs (≤ 500);
 * - coverage.20k.ms: the coverage view's own path (`planCoverage` in src/db/repositories/plans.ts,
 *   which the store calls): 20,000 submitted responses and 2,000 register rooms in IndexedDB
 *   (fake-indexeddb, in node), the submissions read from the index, the term's 40,000 assignments
 *   counted per building, floor and inspector with the missing list, median of 7 runs (≤ 1000);
 * - coverage.20k.core.ms: the core's part of it alone (coverageOf + countBy on data in memory),
 *   which the server also runs.
 */
import { performance } from 'node:perf_hooks'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { countBy, coverageOf, expandPlan, type Plan, type Submission } from '../src/core/plans'
import { openDatabase } from '../src/db/database'
import { planCoverage } from '../src/db/repositories/plans'
import { ensureSummaries } from '../src/db/repositories/results-query'
import { scoreResponse } from '../src/core/scoring'
import { FORMAT_VERSION, type Response, type Template } from '../src/core/format/types'
import dorm from '../schemas/samples/dorm-room-safety.json'
import type { RegisterRow, ResponseRow } from '../src/db/rows'
import type { SyncPlan } from '../src/core/sync/protocol'

const TZ = 'Asia/Shanghai'
const ROOMS = 2000

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]!
}
const round = (x: number): number => Math.round(x * 10) / 10

// 20 buildings × 10 floors × 10 rooms, one counsellor per floor.
const rooms = Array.from({ length: ROOMS }, (_, i) => `${1 + Math.floor(i / 100)}-${1 + (Math.floor(i / 10) % 10)}${String(i % 10).padStart(2, '0')}`)
const plan: Plan = {
  id: 'weekly',
  title: '每周三宿舍安全检查',
  templateId: (dorm as { id: string }).id,
  subjectIds: rooms,
  assignees: Object.fromEntries(rooms.map((r) => [r, `counsellor-${r.slice(0, r.length - 2)}`])),
  schedule: { type: 'weekly', days: [3] },
  dueTime: '18:00',
  from: '2026-09-01',
  to: '2027-01-15',
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now()
  const value = work()
  return { ms: performance.now() - t0, value }
}

const placeOf = (r: string) => ({ building: `${r.split('-')[0]}号楼`, floor: r.slice(r.indexOf('-') + 1, -2) })

/** The coverage view's path over IndexedDB: rows as a tablet stores them, the repository reading them. */
async function viewCoverage(submissions: readonly Submission[], now: number): Promise<number> {
  const db = openDatabase({ name: `bench-coverage-${Date.now()}`, indexedDB, IDBKeyRange })
  const register: RegisterRow[] = rooms.map((r) => {
    const { building, floor } = placeOf(r)
    return { id: r, kind: 'room', scopeId: `floor:${building}/${floor}`, fields: { building, floor, room: r.slice(-3) }, label: `${building} ${r}`, importedAt: '2026-08-01T00:00:00.000Z' }
  })
  // One real score of the dorm checklist, stored on every row as a tablet stores it on submit.
  const template = dorm as unknown as Template
  const response: Response = { formatVersion: FORMAT_VERSION, templateId: template.id, templateVersion: template.version, role: 'inspection', status: 'submitted', answers: {} }
  const result = scoreResponse(template, response)
  const rows: ResponseRow[] = submissions.map((s, i) => {
    const at = new Date(s.submittedAt).toISOString()
    const { building, floor } = placeOf(s.subjectId)
    return {
      id: `r${i}`,
      templateId: s.templateId,
      templateVersion: template.version,
      templateTitle: '宿舍安全检查',
      role: 'inspection',
      subject: { building, floor, room: s.subjectId.slice(-3) },
      subjectId: s.subjectId,
      status: 'submitted',
      inspector: '张老师',
      startedAt: at,
      updatedAt: at,
      submittedAt: at,
      result,
      total: result.total,
      percent: result.percent,
      band: result.band?.label ?? null,
    }
  })
  await db.register.bulkAdd(register)
  for (let i = 0; i < rows.length; i += 2000) await db.responses.bulkAdd(rows.slice(i, i + 2000))
  // Summaries exist from each submit on a tablet; made here once, outside the timing.
  await ensureSummaries(db)
  const synced: SyncPlan = { ...plan, scopeId: 'college', people: {}, updatedAt: '2026-08-01T00:00:00.000Z' }
  const runs: number[] = []
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    const { report } = await planCoverage(db, synced, { from: plan.from, to: plan.to }, now, TZ)
    runs.push(performance.now() - t0)
    if (report.counts.total !== 20 * ROOMS || report.counts.done + report.counts.late !== 20_000) throw new Error(`unexpected coverage: ${JSON.stringify(report.counts)}`)
    if (report.byFloor.length !== 200 || report.byInspector.length !== 200) throw new Error('unexpected groups')
  }
  db.close()
  await db.delete()
  return median(runs)
}

export default async function run(): Promise<Record<string, number>> {
  const expandRuns: number[] = []
  let assignments = expandPlan(plan, { timeZone: TZ })
  for (let i = 0; i < 7; i++) {
    const r = timed(() => expandPlan(plan, { timeZone: TZ }))
    expandRuns.push(r.ms)
    assignments = r.value
  }
  if (assignments.length !== 20 * ROOMS) throw new Error(`expected ${20 * ROOMS} assignments, got ${assignments.length}`)

  // 20,000 submissions: half the term's checks, on the day, some late.
  const submissions: Submission[] = assignments
    .filter((_, i) => i % 2 === 0)
    .map((a, i) => ({ subjectId: a.subjectId, templateId: a.templateId, submittedAt: a.dueAt - 3_600_000 + (i % 5 === 0 ? 7_200_000 : 0) }))
  if (submissions.length !== 20_000) throw new Error(`expected 20,000 submissions, got ${submissions.length}`)
  const now = Date.parse('2027-01-16T00:00:00Z')
  const coverageRuns: number[] = []
  for (let i = 0; i < 7; i++) {
    const r = timed(() => countBy(coverageOf(assignments, submissions, now, TZ), (a) => [`b:${a.subjectId.split('-')[0]}`, `f:${a.subjectId.slice(0, -2)}`, `u:${a.assignee}`]))
    coverageRuns.push(r.ms)
    if (r.value.size !== 20 + 200 + 200) throw new Error(`unexpected groups: ${r.value.size}`)
  }
  return {
    'plans.expand.ms': round(median(expandRuns)),
    'coverage.20k.ms': round(await viewCoverage(submissions, now)),
    'coverage.20k.core.ms': round(median(coverageRuns)),
  }
}
