/** What a merge plan holds: the writes to make and the numbers shown before committing. */
import type { Answer, ScoreResult, Template } from '../../format/types'
import type { Issue } from '../../result'
import type { BundleAttachment, BundleResponse, BundleTask, BundleTemplate, BundleTemplateVersion } from './format'

export const MERGE_KINDS = ['templates', 'templateVersions', 'responses', 'answers', 'attachments', 'tasks'] as const
export type MergeKind = (typeof MERGE_KINDS)[number]

export interface KindCounts {
  new: number
  updated: number
  skipped: number
  conflicts: number
  refused: number
}
export type MergeSummary = Record<MergeKind | 'total', KindCounts>

/** An answer as stored: one per response + item. */
export interface AnswerRecord {
  responseId: string
  itemId: string
  answer: Answer
}

/** The side of a conflict that lost, kept in the response's history (never silently dropped). */
export interface HistoryRecord {
  responseId: string
  itemId: string
  /** Fingerprint of the answer: the same losing answer is one entry however often it is imported. */
  hash: string
  answer: Answer
  /** Where the losing answer lived before the merge. */
  from: 'local' | 'incoming'
  /** The device that wrote the losing answer, when known. */
  deviceId?: string
  recordedAt: string
}

export type ConflictReason = 'newerAnswer' | 'submittedWins' | 'newerSubmission'

export interface ConflictRecord {
  responseId: string
  itemId: string
  kept: 'local' | 'incoming'
  reason: ConflictReason
}

/** A response to write: the bundle's (or the merged) response, its score when submitted. */
export interface PlannedResponse extends BundleResponse {
  result?: ScoreResult
}

/** What the data layer needs to know about this device's records to plan a merge. */
export interface ExistingState {
  templates: ReadonlyMap<string, BundleTemplate>
  /** Stored template versions by `id@version`. */
  versions: ReadonlyMap<string, Template>
  /** Stored responses (answers inside) among the bundle's response ids. */
  responses: ReadonlyMap<string, BundleResponse>
  /** `responseId\u0000itemId\u0000hash` of the history entries of those responses. */
  history: ReadonlySet<string>
  attachmentIds: ReadonlySet<string>
  /** Stored tasks among the bundle's task ids, and the `responseId\u0000itemId` every stored task covers. */
  tasks: ReadonlyMap<string, BundleTask>
  taskSlots: ReadonlySet<string>
}

export interface MergePlan {
  summary: MergeSummary
  templates: BundleTemplate[]
  versions: BundleTemplateVersion[]
  responses: PlannedResponse[]
  answers: AnswerRecord[]
  /** Answers removed because a submitted response replaced a draft (each is also in `history`). */
  answerDeletes: Array<[responseId: string, itemId: string]>
  history: HistoryRecord[]
  attachments: BundleAttachment[]
  tasks: BundleTask[]
  conflicts: ConflictRecord[]
  /** One issue per refused record group (a template version and the responses filled on it). */
  refused: Issue[]
  /** Things imported with a change the person should know of (times from the future, clamped). */
  warnings: Issue[]
}

export const historyKey = (responseId: string, itemId: string, hash: string): string => `${responseId}\u0000${itemId}\u0000${hash}`
export const taskSlot = (responseId: string, itemId: string): string => `${responseId}\u0000${itemId}`
