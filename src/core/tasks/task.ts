/**
 * The rectification task (整改): one type for the stored row, the bundle record and the rules.
 * Plain data only, so IndexedDB, bundles and node tests share it.
 */
export const TASK_STATUSES = ['open', 'rectified', 'verified'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** A rectification task opened from a finding of a submitted response. */
export interface Task {
  id: string
  responseId: string
  itemId: string
  templateId: string
  subject: Record<string, string | number>
  title: string
  status: TaskStatus
  deadline: string
  assignee?: string
  createdAt: string
  updatedAt: string
  /** The finding's section (top level), for grouping. */
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
