/**
 * Evaluation cycles (评审周期, issue #15): one template version, many subjects (e.g. every Party
 * branch of a college), a panel of reviewers whose reviews are combined and ranked. The
 * arithmetic is fixed by `shared/evaluation.md`; these types mirror `schemas/cycle.schema.json`.
 */
import type { ResultNote } from '../format/types'

/** How the reviews' figures are combined (evaluation.md `panel.aggregate`). */
export const AGGREGATE_METHODS = ['mean', 'median', 'trimmedMean'] as const
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number]

/** `majority`: more than half of the reviews vetoed; `any`: at least one (evaluation.md rule 3). */
export const VETO_RULES = ['majority', 'any'] as const
export type VetoRule = (typeof VETO_RULES)[number]

export interface DisagreementSpec {
  /** An item is flagged when max − min of its points reaches this share (%) of its max. */
  itemSpreadPercent?: number
  /** A review is flagged when its total is this many points or more from the panel total. */
  totalDeviation?: number
}

export interface PanelSpec {
  /** Default `mean`. */
  aggregate?: AggregateMethod
  /** How many highest and lowest values `trimmedMean` drops; default 1. */
  trim?: number
  /** Default `majority`, the rule the issue names (evaluation.md gives no default). */
  veto?: VetoRule
  disagreement?: DisagreementSpec
  /** The panel's reviewers (the responses' `inspector`), for queues and progress in the app. */
  members?: string[]
}

export interface Quota {
  /** The band it limits: a band's `id`, or its `label`. */
  band: string
  maxPercent: number
}

export interface CycleDeadlines {
  /** ISO date-time by which each subject submits its self-assessment. */
  self?: string
  /** ISO date-time by which the panel submits its reviews. */
  review?: string
}

export interface Cycle {
  $schema?: string
  formatVersion?: number
  id: string
  title: string
  description?: string
  template: { id: string; version: number }
  /** Subject fields that identify a subject; values compare after trimming whitespace. */
  subjectKey: string[]
  panel?: PanelSpec
  quotas?: Quota[]
  /** The subjects expected (their key fields), e.g. the branches taken from the register. */
  subjects?: Array<Record<string, string | number>>
  deadlines?: CycleDeadlines
  /** The id of the cycle this one is compared with (rank and score change). */
  previous?: string
}

/** A subject's identity: the `subjectKey` fields, trimmed. */
export type SubjectKey = Record<string, string>

export interface SubjectDisagreements {
  /** Items whose spread across reviews reached `itemSpreadPercent` of their max, in template order. */
  items: string[]
  /** Reviewers whose total is `totalDeviation` points or more from the panel total, in review order. */
  reviewers: string[]
}

/** One subject of the league table (evaluation.md "Result"). Figures are points with ≤ 2 decimals. */
export interface SubjectResult {
  key: SubjectKey
  reviews: number
  /** Review order: by reviewer (`inspector`), in code-unit order. */
  reviewers: string[]
  totals: number[]
  total: number
  /** Panel percent; null when no review has one (a max of 0). */
  percent: number | null
  /** Top-level sections' panel scores (a bonus section: its bonus). */
  sections: Record<string, number>
  sectionPercents: Record<string, number | null>
  vetoed: boolean
  /** How many of the reviews were vetoed. */
  vetoedReviews: number
  /** The band label after veto (rule 3) and quota (rule 5); null when the template has no bands. */
  band: string | null
  bandId: string | null
  rank: number
  /** Kept a quota band by a tie with the last place within the quota (并列超额). */
  quotaTie: boolean
  /** Lost a quota band to the quota (rule 5). */
  quotaDemoted: boolean
  disagreements: SubjectDisagreements
  /** The total of the subject's self-assessment, shown beside the panel result; never aggregated. */
  self: number | null
  /** Panel total − self total; null without a self-assessment. */
  selfDifference: number | null
  /** Notes on the band decision, as a score result has them (e.g. the lowest band as a fallback). */
  notes: ResultNote[]
}

export interface QuotaResult {
  band: string
  maxPercent: number
  /** Places: floor(n × maxPercent / 100), at least 1 when n > 0. */
  places: number
  /** Subjects that kept the band (places plus any ties). */
  kept: number
  /** Subjects moved to a lower band. */
  demoted: number
}

export interface CycleResult {
  cycle: string
  template: { id: string; version: number }
  aggregate: AggregateMethod
  /** In rank order; equal ranks by key. */
  subjects: SubjectResult[]
  quotas: QuotaResult[]
  /** Subjects with no counted review: listed in the cycle, or with a self-assessment only. */
  unreviewed: Array<{ key: SubjectKey; self: number | null }>
}
