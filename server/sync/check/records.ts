/**
 * The shapes of the records a push carries, as field tables (see fields.ts). Clocks are checked
 * apart (clock.ts), so a bad clock gets its own message; record content that core validates
 * (a template, an answer's fit to its item) is checked there, against the template.
 */
import { RESPONSE_STATUSES, ROLES } from '@/core/format/types'
import { TASK_STATUSES } from '@/core/tasks/task'
import { TEMPLATE_SOURCES, TEMPLATE_STATUSES } from '@/core/templates/record'
import { CYCLE_ID_MAX } from '../../cycles/schema'
import { bool, count, finite, id, idOf, listOf, object, oneOf, optional, positive, sha256, subject, text, time, type FieldCheck, type Obj, type Spec } from './fields'

/** Present: its form is the clock check's business. */
const clock: FieldCheck = () => true

const answerValue: FieldCheck = (v) => v === undefined || text(v) || finite(v) || listOf(text)(v)

export const ANSWER_SPEC: Spec = {
  value: answerValue,
  na: optional(bool),
  note: optional(text),
  attachments: optional(listOf(id)),
  updatedAt: optional(time),
  hlc: clock,
}

export const HEADER_SPEC: Spec = {
  id,
  templateId: id,
  templateVersion: positive,
  templateTitle: text,
  role: oneOf(ROLES),
  reviewOf: optional(id),
  corrects: optional(id),
  subject,
  subjectId: optional(id),
  // An evaluation cycle's id (#15), no longer than the cycles routes allow.
  cycleId: optional(idOf(CYCLE_ID_MAX)),
  status: oneOf(RESPONSE_STATUSES),
  inspector: text,
  startedAt: time,
  updatedAt: time,
  submittedAt: optional(time),
  signature: optional(id),
  deviceId: optional(id),
  hlc: clock,
  deleted: optional((v) => v === true),
}

export const TEMPLATE_SPEC: Spec = {
  id,
  title: text,
  status: oneOf(TEMPLATE_STATUSES),
  latestVersion: count,
  // A draft is work in progress, valid or not: only its size is bounded (by the request's).
  draft: optional(object),
  source: oneOf(TEMPLATE_SOURCES),
  createdAt: time,
  updatedAt: time,
  hlc: clock,
}

export const TEMPLATE_VERSION_SPEC: Spec = { templateId: id, version: positive, template: object, publishedAt: time }

export const TASK_SPEC: Spec = {
  id,
  responseId: id,
  itemId: id,
  templateId: id,
  subject,
  title: (v) => typeof v === 'string' && v.length > 0 && text(v),
  status: oneOf(TASK_STATUSES),
  deadline: time,
  assignee: optional(text),
  createdAt: time,
  updatedAt: time,
  sectionId: optional(id),
  note: optional(text),
  rectifiedAt: optional(time),
  fixAttachmentIds: optional(listOf(id)),
  fixNote: optional(text),
  recheckResponseId: optional(id),
  verifiedAt: optional(time),
  hlc: clock,
}

/** What a task's status implies (as markRectified and verifyTask write it): the failing field. */
export function taskInvariant(o: Obj): string | undefined {
  if (o.status !== 'open' && o.rectifiedAt === undefined) return 'rectifiedAt'
  if (o.status === 'verified' && o.verifiedAt === undefined) return 'verifiedAt'
  if (o.status === 'verified' && o.recheckResponseId === undefined) return 'recheckResponseId'
  return undefined
}

export const ATTACHMENT_SPEC: Spec = {
  // The id names a bundle entry on export: no path separators, nothing that climbs out of a folder.
  id: (v) => id(v) && /^[\w.-]+$/.test(v as string) && v !== '.' && v !== '..',
  responseId: id,
  itemId: (v) => v === null || id(v),
  name: text,
  type: (v) => typeof v === 'string' && v.length <= 200,
  size: count,
  width: optional(count),
  height: optional(count),
  createdAt: time,
  sha256,
  deleted: optional((v) => v === true),
}

