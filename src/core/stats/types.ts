/**
 * Compact per-response summaries: what results lists, filters, dashboards and exports read, so
 * that 10,000 responses cost a few hundred bytes each instead of a full ScoreResult.
 */
import type { Role } from '../format/types'
import type { VerdictKind } from '../scoring/verdict'

export interface SectionScore {
  id: string
  score: number
  max: number
  /** Bonus collected in the section (加分). */
  bonus: number
}

export interface ResultSummary {
  id: string
  templateId: string
  templateVersion: number
  templateTitle: string
  role: Role
  /** For a review: the self-assessment it reviews. */
  reviewOf?: string
  subject: Record<string, string | number>
  /** Canonical subject text (self vs review pairing), when the caller knows it. */
  subjectKey?: string
  inspector: string
  submittedAt: string
  deviceId?: string
  total: number
  max: number
  percent: number | null
  /** Band label, null when no band was reached or the template has none. */
  band: string | null
  bandIndex: number | null
  bandColor?: string
  /** A 一票否决 (veto to the lowest band, or a zeroed total); a mere grade ceiling is not one. */
  vetoed: boolean
  /**
   * What capped the grade (`verdictOf`): `veto` or `ceiling` (等次上限); absent when nothing did,
   * and in summaries written before the two were told apart (their `vetoed` then counts both).
   */
  verdict?: VerdictKind
  /** Red lines hit: vetoes plus zeroes of a section or of the total (红线); ceilings are not. */
  redLines: number
  /** Item ids of the findings (隐患), in template order. */
  findingIds: string[]
  /** The template's findings open no 整改 tasks (`findingsPolicy`): they need no follow-up. */
  noTasks?: true
  /** Top-level sections, in template order (hidden ones left out). */
  sections: SectionScore[]
}
