/**
 * A world for the cycle results components: the hand-checked mini cycle (tests/fixtures/cycles/mini:
 * median, veto by any, a 25 % quota with a tie at 95) evaluated by the real core, and a league
 * table built from its result the way evaluation.md's "Result" lists it, so the components are
 * tested on their own (the summary table's own arithmetic is core's, tested there).
 */
import { evaluateCycle, type Cycle, type CycleResult, type SummaryRow, type SummaryTable } from '@/core/cycles'
import type { Response, Template } from '@/core/format/types'
import type { SyncCycle } from '@/core/sync/protocol'
import miniCycle from '../../fixtures/cycles/mini/cycle.json'
import miniTemplate from '../../fixtures/cycles/mini/template.json'
import miniResponses from '../../fixtures/cycles/mini/responses.json'

export const template = miniTemplate as unknown as Template
export const responses = (miniResponses as unknown as Response[]).map((r, i) => ({ ...r, id: `m-${i}` }))
export const PEOPLE = { a: '王评委', b: '李评委', c: '赵评委', d: '钱评委' }

export function syncCycle(extra: Partial<SyncCycle> = {}): SyncCycle {
  return {
    ...(miniCycle as unknown as Cycle),
    scopeId: 'committee:党委',
    subjectIds: ['S1', 'S2', 'S3', 'S4'].map((s) => `branch:${s}`),
    people: PEOPLE,
    updatedAt: '2026-06-20T00:00:00.000Z',
    ...extra,
  }
}

export function miniResult(): CycleResult {
  const r = evaluateCycle(syncCycle(), template, responses)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.value
}

/** The table of a result, one column per panel member; `change` gives rank changes by label (absent: 新). */
export function tableOf(result: CycleResult, change: Record<string, number> = {}): SummaryTable {
  const reviewers = ['a', 'b', 'c', 'd']
  const rows = result.subjects.map((s): SummaryRow => {
    const label = Object.values(s.key).join(' ')
    return {
      rank: s.rank,
      label,
      key: s.key,
      totals: reviewers.map((who) => {
        const i = s.reviewers.indexOf(who)
        return i < 0 ? null : s.totals[i] ?? null
      }),
      total: s.total,
      percent: s.percent,
      self: s.self,
      selfDifference: s.selfDifference,
      band: s.band,
      quotaTie: s.quotaTie,
      quotaDemoted: s.quotaDemoted,
      vetoed: s.vetoed,
      rankChange: change[label] ?? null,
      totalChange: change[label] === undefined ? null : 1.5,
    }
  })
  return { reviewers, rows }
}
