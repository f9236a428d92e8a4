import type { Answer, Response, ResponseStatus, Role, ScoreResult, Template } from '@/core/format/types'
import { FORMAT_VERSION } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import type { QingdanDatabase } from '../database'
import { storageWrite } from '../storage-error'
import type { AnswerRow, ResponseRow, StoredResponse, Subject } from '../rows'
import { withSubjectIndex } from '../subject-index'
import { nextTimestamp, nowIso } from '../time'
import { writableResponse } from './guard'
import { rememberSubject } from './subjects'
import { versionRecord } from '@/core/templates/version'
import { clockOf, headerOf, type SyncAnswer } from '@/core/sync'
import { adoptLegacyDraft } from './legacy-sync'
import { clockNode, enqueue, mutationId, syncTables, tick } from './outbox'

export interface CreateResponseInit {
  template: Template
  subject: Subject
  role: Role
  inspector: string
  reviewOf?: string
  corrects?: string
  /** The register subject picked at the start (#14), so plan coverage can count the response. */
  subjectId?: string
}

/**
 * Starts a draft response on a template version, and remembers its subject values for
 * suggestions. If that version is not stored yet it is frozen now, so the response can always be
 * scored again against exactly what was filled (an existing version is never replaced), and
 * enqueued ahead of the response (samples are never frozen here: every device and the server
 * install them).
 */
export async function createResponse(db: QingdanDatabase, init: CreateResponseInit): Promise<ResponseRow> {
  const { template } = init
  const deviceId = await clockNode(db)
  const now = nowIso()
  const row: ResponseRow = withSubjectIndex({
    id: crypto.randomUUID(),
    templateId: template.id,
    templateVersion: template.version,
    templateTitle: template.title,
    role: init.role,
    ...(init.reviewOf !== undefined && { reviewOf: init.reviewOf }),
    ...(init.corrects !== undefined && { corrects: init.corrects }),
    subject: { ...init.subject },
    ...(init.subjectId !== undefined && { subjectId: init.subjectId }),
    status: 'draft' as const,
    inspector: init.inspector,
    startedAt: now,
    updatedAt: now,
    deviceId,
  })
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.responses, db.subjects, db.templateVersions), async () => {
      if (!(await db.templateVersions.get([template.id, template.version]))) {
        // Frozen here, so no other write sent it: the server needs it before the response.
        const version = versionRecord(template, now)
        await db.templateVersions.add(version)
        await enqueue(db, { id: mutationId(), kind: 'templateVersion', version: { templateId: template.id, version: template.version, template: version.template, publishedAt: version.publishedAt } })
      }
      const stamped: ResponseRow = { ...row, hlc: await tick(db, deviceId) }
      await db.responses.add(stamped)
      await enqueue(db, { id: mutationId(), kind: 'response', response: headerOf(stamped) })
      await rememberSubject(db, template.id, row.subject, now, true)
      return stamped
    }),
  )
}

/** The response's row alone (no answers read). */
export async function getResponseRow(db: QingdanDatabase, id: string): Promise<ResponseRow | undefined> {
  return db.responses.get(id)
}

/** A response row and the format-level response (answers assembled by item id). */
export async function getResponse(db: QingdanDatabase, id: string): Promise<StoredResponse | undefined> {
  return db.transaction('r', db.responses, db.answers, async () => {
    const row = await db.responses.get(id)
    if (!row) return undefined
    const answers = await db.answers.where('responseId').equals(id).toArray()
    return { row, response: toResponse(row, answers) }
  })
}

/** The format's `Response` for a row: what `qingdan score` and bundles read. */
export function toResponse(row: ResponseRow, answerRows: AnswerRow[]): Response {
  const answers: Record<string, Answer> = {}
  for (const a of answerRows) answers[a.itemId] = a.answer
  return {
    formatVersion: FORMAT_VERSION,
    id: row.id,
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    role: row.role,
    ...(row.reviewOf !== undefined && { reviewOf: row.reviewOf }),
    ...(row.corrects !== undefined && { corrects: row.corrects }),
    subject: row.subject,
    status: row.status,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    ...(row.submittedAt !== undefined && { submittedAt: row.submittedAt }),
    inspector: row.inspector,
    answers,
    ...(row.signature !== undefined && { signature: row.signature }),
  }
}

export interface ResponseFilter {
  status?: ResponseStatus
  templateId?: string
}

/** Responses, newest `updatedAt` first. */
export async function listResponses(db: QingdanDatabase, filter: ResponseFilter = {}): Promise<ResponseRow[]> {
  const { status, templateId } = filter
  const rows =
    templateId !== undefined && status !== undefined
      ? await db.responses.where('[templateId+status]').equals([templateId, status]).toArray()
      : templateId !== undefined
        ? await db.responses.where('templateId').equals(templateId).toArray()
        : status !== undefined
          ? await db.responses.where('status').equals(status).toArray()
          : await db.responses.toArray()
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
}

/**
 * Deletes a response with its answers, attachments and rectification tasks, in one transaction.
 * Submitted responses may be deleted too: the UI asks for confirmation first. Sync: the response's
 * header is kept as a tombstone (`deleted: true`) and sent, so that neither the server nor a
 * later pull brings the response back (a discard outranks every draft edit, see `headerRank`).
 */
export async function deleteResponse(db: QingdanDatabase, id: string): Promise<void> {
  const node = await clockNode(db)
  await storageWrite(() =>
    db.transaction('rw', syncTables(db, db.responses, db.answers, db.attachments, db.tasks, db.uploads, db.downloads, db.tombstones), async () => {
      const row = await db.responses.get(id)
      const attachmentIds = await db.attachments.where('responseId').equals(id).primaryKeys()
      await db.answers.where('responseId').equals(id).delete()
      await db.attachments.bulkDelete(attachmentIds)
      await db.uploads.bulkDelete(attachmentIds)
      await db.downloads.where('responseId').equals(id).delete()
      await db.tasks.where('responseId').equals(id).delete()
      await db.responses.delete(id)
      if (!row) return
      const tombstone = { ...headerOf(row, await tick(db, node)), deleted: true as const }
      await db.tombstones.put(tombstone)
      await enqueue(db, { id: mutationId(), kind: 'response', response: tombstone })
    }),
  )
}

export type ResponseFieldsPatch = Partial<Pick<ResponseRow, 'subject' | 'inspector' | 'signature'>>

/** Changes the subject, inspector or signature of a draft. */
export async function saveResponseFields(db: QingdanDatabase, id: string, patch: ResponseFieldsPatch): Promise<void> {
  const node = await clockNode(db)
  await storageWrite(() =>
    db.transaction('rw', syncTables(db, db.responses, db.answers), async () => {
      const row = await adoptLegacyDraft(db, await writableResponse(db, id))
      const next: ResponseRow = { ...row, ...patch, updatedAt: nextTimestamp(row.updatedAt), hlc: await tick(db, node) }
      const stored = patch.subject ? withSubjectIndex({ ...next, subject: { ...patch.subject } }) : next
      await db.responses.put(stored)
      await enqueue(db, { id: mutationId(), kind: 'response', response: headerOf(stored) })
    }),
  )
}

/**
 * Submits a draft: scores the answers as stored, stores that score and locks the response, in one
 * transaction. The score is never taken from the caller: another tab may have written answers the
 * caller never saw, and what is stored is what will be exported, reviewed and scored again by
 * `qingdan score`. The core decides the number (`scoreResponse`); this only reads the rows and
 * writes the result. The final subject values are remembered (values typed after the start were
 * not yet). Returns the stored score.
 *
 * @param template the response's template version (its id and version must match the row's).
 */
export async function submitResponse(
  db: QingdanDatabase,
  id: string,
  template: Template,
  submittedAt: string = nowIso(),
): Promise<ScoreResult> {
  const node = await clockNode(db)
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.responses, db.answers, db.subjects), async () => {
      const row = await writableResponse(db, id)
      if (template.id !== row.templateId || template.version !== row.templateVersion) {
        throw new Error(`Template ${template.id}@${template.version} given for a response on ${row.templateId}@${row.templateVersion}`)
      }
      const answers = await db.answers.where('responseId').equals(id).toArray()
      const result = scoreResponse(template, toResponse(row, answers))
      const submitted = withScore(
        { ...row, status: 'submitted', submittedAt, updatedAt: nextTimestamp(row.updatedAt, submittedAt), hlc: await tick(db, node) },
        result,
      )
      await db.responses.put(submitted)
      // The submission travels whole: the header with every answer it was scored on.
      const synced: Record<string, SyncAnswer> = {}
      for (const a of answers) synced[a.itemId] = { ...a.answer, hlc: clockOf(a.answer) }
      await enqueue(db, { id: mutationId(), kind: 'submit', response: headerOf(submitted), answers: synced })
      await rememberSubject(db, row.templateId, row.subject, submittedAt, false)
      return result
    }),
  )
}

/** A submitted row with its stored score (what lists and prints read instead of re-scoring). */
export function withScore(row: ResponseRow, result: ScoreResult): ResponseRow {
  return { ...row, result, total: result.total, percent: result.percent, band: result.band?.label ?? null }
}
