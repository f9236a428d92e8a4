/**
 * The rows stored in IndexedDB. Plain, structured-clone-safe objects only: IndexedDB cannot store
 * Vue proxies or functions, so callers unwrap (`toRaw`) before handing anything to `src/db`.
 */
import type { Answer, Response, ResponseStatus, Role, ScoreResult } from '@/core/format/types'
import type { ResultSummary } from '@/core/stats/types'
import type { Task } from '@/core/tasks/task'
import type { BundleAttachment, HistoryRecord } from '@/core/exchange/bundle'
import type { TemplateRecord, TemplateVersionRecord } from '@/core/templates/record'
import type { Mutation, MutationResult, ResponseHeader, SyncAttachment } from '@/core/sync'
import type { SyncCycle, SyncPlan } from '@/core/sync/protocol'
import type { RegisterSubject } from '@/core/register/types'

/** Templates and their frozen versions: the core's records (`src/core/templates`), stored as they are. */
export { TEMPLATE_STATUSES, TEMPLATE_SOURCES, type TemplateStatus, type TemplateSource } from '@/core/templates/record'
/** `hlc` (schema v5): the clock of the row's last change here or on the server; absent on older rows. */
export type TemplateRow = TemplateRecord & { hlc?: string }
export type TemplateVersionRow = TemplateVersionRecord

export type Subject = Record<string, string | number>

export interface ResponseRow {
  id: string
  templateId: string
  templateVersion: number
  templateTitle: string
  role: Role
  reviewOf?: string
  corrects?: string
  subject: Subject
  status: ResponseStatus
  inspector: string
  startedAt: string
  updatedAt: string
  submittedAt?: string
  signature?: string
  /** Stored on submit, so lists and prints need not re-score. */
  result?: ScoreResult
  total?: number
  percent?: number | null
  /** The grade band's label (null: no band reached or the template has none). */
  band?: string | null
  /** Schema v2: the device that created the response (bundles merge rounds from many tablets). */
  deviceId?: string
  /** Schema v2: canonical text of `subject`, equal for the same subject (self vs review pairing). */
  subjectKey?: string
  /** Schema v2: `fieldId=value` per subject field, multi-entry indexed for building/floor/room filters. */
  subjectTerms?: string[]
  /** Schema v5: the clock of the header's last change (older rows: none, read through `clockOf`). */
  hlc?: string
  /** Schema v7: the register subject picked at the start (coverage counts by it); absent for free text. */
  subjectId?: string
  /** A review the team server released to the reviewed (ISO 8601; #14). Never set on this device. */
  releasedAt?: string
  /** The evaluation cycle (#15) a self-assessment or review belongs to; travels in the header. */
  cycleId?: string
}

/** One answer: one row per response + item, so autosave writes stay tiny and merges are per item. */
export interface AnswerRow {
  responseId: string
  itemId: string
  answer: Answer
}

/** An attachment as stored: the bundle's attachment record plus its bytes (and a thumbnail). */
export interface AttachmentRow extends BundleAttachment {
  blob: Blob
  thumb?: Blob
  /** Schema v5: SHA-256 of `blob` (the server's address of the bytes); older rows get it on upload. */
  sha256?: string
}

/** A remembered subject value (a building, a room, a teacher) for suggestions. */
export interface SubjectRow {
  fieldId: string
  value: string
  templateIds: string[]
  count: number
  lastUsedAt: string
}

/** A rectification task (整改) opened from a finding: the core's one Task type, stored as it is. */
export { TASK_STATUSES, type TaskStatus } from '@/core/tasks/task'
/** `hlc` (schema v5): the clock of the task's last change; absent on older rows. */
export type TaskRow = Task & { hlc?: string }

/** Schema v3: a submitted response's summary, plus its subject terms for the multi-entry index. */
export interface SummaryRow extends ResultSummary {
  subjectTerms: string[]
  /** Schema v7: the response's register subject, when it has one (plan coverage counts by it). */
  subjectId?: string
}

/**
 * Schema v4 (#7): an answer that lost a merge (the same item edited on two tablets), kept so
 * that no edit is silently dropped.
 */
export type AnswerHistoryRow = HistoryRecord

export interface MetaRow {
  key: string
  value: unknown
}

/** The format-level response assembled from a row and its answers. */
export interface StoredResponse {
  row: ResponseRow
  response: Response
}

/** Schema v5: a mutation waiting for the server's acknowledgement; `seq` is the table's key. */
export type OutboxRow = Mutation

/** Schema v5: an attachment whose bytes the server may not hold yet. */
export interface PendingUploadRow {
  id: string
}

/** Schema v5: a pulled attachment whose bytes this device does not hold yet. */
export type PendingDownloadRow = SyncAttachment

/** Schema v5: a mutation the server refused, with why; kept until the person dismisses it. */
export interface SyncErrorRow {
  id: number
  mutation: Mutation
  result: MutationResult
  at: string
}

/** Schema v5: a response deleted on this device, so no pulled change brings it back. */
export type TombstoneRow = ResponseHeader & { deleted: true }

/**
 * Schema v6: one subject of the register, as imported (see src/core/register). `importedAt`
 * says which import it came from: a later import of the same kind replaces the list, and a
 * subject it no longer lists is archived, not deleted, so records that name it keep their label.
 */
export interface RegisterRow extends RegisterSubject {
  importedAt: string
  archived?: true
  /** Schema v7: the server's version of a pulled entry (a higher one replaces it); absent if imported here. */
  version?: number
}

/** Schema v7: an inspection plan as the server last sent it (newer `updatedAt` wins). */
export type PlanRow = SyncPlan

/** Schema v8: an evaluation cycle as the server last sent it (newer `updatedAt` wins). */
export type CycleRow = SyncCycle
