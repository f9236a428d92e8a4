/**
 * The 评审汇总表 (issue #15 item 4): the league table with one column per reviewer, as printed
 * and exported to XLSX. A table of the result's figures only; nothing is computed again here.
 */
import { compareCycles, type CycleChange } from './compare'
import { reviewerOrder } from './progress'
import { subjectLabel } from './subjects'
import type { Cycle, CycleResult, SubjectKey } from './types'

export interface SummaryRow {
  rank: number
  label: string
  key: SubjectKey
  /** Per `SummaryTable.reviewers`: that reviewer's total, null where they did not review the subject. */
  totals: Array<number | null>
  total: number
  percent: number | null
  self: number | null
  selfDifference: number | null
  band: string | null
  quotaTie: boolean
  quotaDemoted: boolean
  vetoed: boolean
  /** Places moved up (positive) since the previous cycle; null when new or without one. */
  rankChange: number | null
  totalChange: number | null
}

export interface SummaryTable {
  /** Panel members in their order, then any other reviewer of the result, in code-unit order. */
  reviewers: string[]
  /** The result's subjects with a review, in its order (rank order). */
  rows: SummaryRow[]
}

/** The summary of `result` (a result of `cycle`), with changes against `previous` when given. */
export function summaryTable(cycle: Cycle, result: CycleResult, previous?: CycleResult): SummaryTable {
  const reviewers = reviewerOrder(cycle.panel?.members, result.subjects.flatMap((s) => s.reviewers))
  const changes: Array<CycleChange | undefined> = previous === undefined ? [] : compareCycles(result, previous)
  const rows = result.subjects.map((s, i): SummaryRow => {
    const byReviewer = new Map(s.reviewers.map((r, j) => [r, s.totals[j] ?? null]))
    const change = changes[i]
    return {
      rank: s.rank,
      label: subjectLabel(cycle.subjectKey, s.key),
      key: s.key,
      totals: reviewers.map((r) => byReviewer.get(r) ?? null),
      total: s.total,
      percent: s.percent,
      self: s.self,
      selfDifference: s.selfDifference,
      band: s.band,
      quotaTie: s.quotaTie,
      quotaDemoted: s.quotaDemoted,
      vetoed: s.vetoed,
      rankChange: change?.rankChange ?? null,
      totalChange: change?.totalChange ?? null,
    }
  })
  return { reviewers, rows }
}
