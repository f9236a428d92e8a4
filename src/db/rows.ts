/**
 * The rows stored in IndexedDB. Plain, structured-clone-safe objects only: IndexedDB cannot store
 * Vue proxies or functions, so callers unwrap (`toRaw`) before handing anything to `src/db`.
 */
import type { Answer, Response, ResponseStatus, Role, ScoreResult, Template } from '@/core/format/types'
import type { ResultSummary } from '@/core/stats/types'

export const TEMPLATE_STATUSES = ['draft', 'published', 'archived'] as const
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number]

export const TEMPLATE_SOURCES = ['sample', 'user', 'import'] as const
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number]

/** A template's metadata and its unpublished draft; the frozen versions live in `templateVersions`. */
export interface TemplateRow {
  id: string
  title: string
  status: TemplateStatus
  /** The highest published version; 0 = never published. */
  latestVersion: number
  draft?: Template
  source: TemplateSource
  createdAt: string
  updatedAt: string
}

/** One published, frozen version. Never edited after it is written. */
export interface TemplateVersionRow {
  templateId: string
  version: number
  template: Template
  publishedAt: string
  /** Items a person answers (every type but `info`), for lists. */
  itemCount: number
}

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
}

/** One answer: one row per response + item, so autosave writes stay tiny and merges are per item. */
export interface AnswerRow {
  responseId: string
  itemId: string
  answer: Answer
}

export interface AttachmentRow {
  id: string
  responseId: string
  /** null: the response's signature. */
  itemId: string | null
  name: string
  type: string
  size: number
  blob: Blob
  thumb?: Blob
  width?: number
  height?: number
  createdAt: string
}

/** A remembered subject value (a building, a room, a teacher) for suggestions. */
export interface SubjectRow {
  fieldId: string
  value: string
  templateIds: string[]
  count: number
  lastUsedAt: string
}

export const TASK_STATUSES = ['open', 'rectified', 'verified'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** A rectification task (整改) opened from a finding. */
export interface TaskRow {
  id: string
  responseId: string
  itemId: string
  templateId: string
  subject: Subject
  title: string
  status: TaskStatus
  deadline: string
  assignee?: string
  createdAt: string
  updatedAt: string
  /** The finding's section (top level), for grouping. Added by #6. */
  sectionId?: string
  /** The inspector's remark on the finding (备注), copied when the task opened. */
  note?: string
  /** When the fix was reported (open → rectified), with its photos (attachment ids) and remark. */
  rectifiedAt?: string
  fixAttachmentIds?: string[]
  fixNote?: string
  /** The re-check: a new response on the same template and subject. */
  recheckResponseId?: string
  /** When the task was closed (销号) after the re-check. */
  verifiedAt?: string
}

/** Schema v3: a submitted response's summary, plus its subject terms for the multi-entry index. */
export interface SummaryRow extends ResultSummary {
  subjectTerms: string[]
}

/**
 * Schema v4 (#7): an answer that lost a merge (the same item edited on two tablets), kept so
 * that no edit is silently dropped. Same shape as the core's `HistoryRecord`.
 */
export interface AnswerHistoryRow {
  responseId: string
  itemId: string
  /** Fingerprint of `answer` (part of the key: one entry per distinct losing answer). */
  hash: string
  answer: Answer
  from: 'local' | 'incoming'
  deviceId?: string
  recordedAt: string
}

export interface MetaRow {
  key: string
  value: unknown
}

/** The format-level response assembled from a row and its answers. */
export interface StoredResponse {
  row: ResponseRow
  response: Response
}
