/**
 * A cycle beside the one before it (issue #15 panel view: rank and score change). Subjects are
 * matched by key; a subject new to this cycle has no previous figures.
 */
import { fromH, toH } from '../scoring/hundredths'
import { byCodeUnits } from './subjects'
import type { CycleResult, SubjectKey } from './types'

export interface CycleChange {
  key: SubjectKey
  rank: number
  previousRank: number | null
  /** Places moved up (positive) or down (negative); null when new. */
  rankChange: number | null
  total: number
  previousTotal: number | null
  totalChange: number | null
  band: string | null
  previousBand: string | null
}

/** The key as one string, independent of the order its fields were written in. */
function keyString(key: SubjectKey): string {
  return JSON.stringify(Object.keys(key).sort(byCodeUnits).map((f) => [f, key[f]]))
}

/** One row per subject of `current`, in its order. */
export function compareCycles(current: CycleResult, previous: CycleResult): CycleChange[] {
  const before = new Map(previous.subjects.map((s) => [keyString(s.key), s]))
  return current.subjects.map((s) => {
    const p = before.get(keyString(s.key))
    return {
      key: s.key,
      rank: s.rank,
      previousRank: p?.rank ?? null,
      rankChange: p === undefined ? null : p.rank - s.rank,
      total: s.total,
      previousTotal: p?.total ?? null,
      totalChange: p === undefined ? null : fromH(toH(s.total) - toH(p.total)),
      band: s.band,
      previousBand: p?.band ?? null,
    }
  })
}
