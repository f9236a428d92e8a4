/**
 * Plans and coverage at a college's scale (issue #14), in the core (the server and the coverage
 * view both call these):
 * - plans.expand.ms: a weekly plan over 2,000 rooms for a term (2026-09-01 … 2027-01-15, one
 *   check a week: 20 weeks × 2,000 = 40,000 assignments), median of 7 runs (≤ 500);
 * - coverage.20k.ms: coverage of that term's assignments against 20,000 submitted responses,
 *   counted per building, floor and inspector, median of 7 runs (≤ 1000).
 */
import { performance } from 'node:perf_hooks'
import { countBy, coverageOf, expandPlan, type Plan, type Submission } from '../src/core/plans'

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
  templateId: 'dorm-room-safety',
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
  return { 'plans.expand.ms': round(median(expandRuns)), 'coverage.20k.ms': round(median(coverageRuns)) }
}
