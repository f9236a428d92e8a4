/**
 * Sync, stored: the outbox read and acknowledged, pulled changes applied, attachment bytes
 * waiting to move. Rows in, rows out: every merge rule is `src/core/sync/decide.ts`, the same
 * functions the server applies, so a device and the server that saw the same edits agree.
 */
import { fingerprint } from '@/core/exchange/bundle/hash'
import type { Answer } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import {
  clockOf,
  compareHlc,
  decideAnswer,
  decideByClock,
  decideHeader,
  decideImmutable,
  decideSubmission,
  headerOf,
  parseHlc,
  receiveHlc,
  type Change,
  type Mutation,
  type MutationResult,
  type PushResponse,
  type ResponseHeader,
  type SyncAnswer,
  type SyncAttachment,
} from '@/core/sync'
import { versionRecord } from '@/core/templates/version'
import type { QingdanDatabase } from '../database'
import { DEVICE_ID_KEY, HLC_KEY, SYNC_CURSOR_KEY, SYNC_UNSCORED_KEY as UNSCORED_KEY } from '../keys'
import type { AnswerHistoryRow, AttachmentRow, ResponseRow, Subject, SyncErrorRow, TombstoneRow } from '../rows'
import { storageWrite } from '../storage-error'
import { inFieldOrder, withSubjectIndex } from '../subject-index'
import { nowIso } from '../time'
import { blobSha256 } from './attachments'
import { clockNode, readClock, storeClock, tableList } from './outbox'
import { summaryRowFor } from './results-query'
import { toResponse, withScore } from './responses'

// ── Outbox ─────────────────────────────────────────────────────────────────────────────────────

/** The oldest `limit` mutations waiting for the server, in `seq` order. */
export async function readOutbox(db: QingdanDatabase, limit: number): Promise<Mutation[]> {
  return db.outbox.limit(limit).toArray()
}

/** Deletes the outbox rows up to `upToSeq` (the server has applied them). */
export async function ackOutbox(db: QingdanDatabase, upToSeq: number): Promise<number> {
  return storageWrite(() => db.outbox.where('seq').belowOrEqual(upToSeq).delete())
}

/** Mutations not yet acknowledged. */
export async function pendingCount(db: QingdanDatabase): Promise<number> {
  return db.outbox.count()
}

/** What a push's answer did to the outbox. */
export interface SettledPush {
  /** Outbox rows removed: acknowledged, or refused and moved to `syncErrors`. */
  removed: number
  refused: MutationResult[]
}

/**
 * Settles a push in one transaction: rows up to the server's `appliedSeq` leave the outbox, and
 * refused mutations leave it for `syncErrors` (retrying will not help, but the person must see
 * them). Rows above `appliedSeq` that were not refused stay, to be sent again.
 */
export async function settlePush(db: QingdanDatabase, sent: readonly Mutation[], response: PushResponse): Promise<SettledPush> {
  const refused = response.results.filter((r) => r.status === 'refused')
  const bySeq = new Map(sent.map((m) => [m.seq, m]))
  const at = nowIso()
  return storageWrite(() =>
    db.transaction('rw', db.outbox, db.syncErrors, async () => {
      const before = await db.outbox.count()
      for (const result of refused) {
        const mutation = bySeq.get(result.seq) ?? (await db.outbox.get(result.seq))
        if (!mutation) continue
        await db.syncErrors.add({ mutation, result, at })
        await db.outbox.delete(result.seq)
      }
      await db.outbox.where('seq').belowOrEqual(response.appliedSeq).delete()
      return { removed: before - (await db.outbox.count()), refused }
    }),
  )
}

/** Mutations the server refused, oldest first, for the person to read. */
export async function listSyncErrors(db: QingdanDatabase): Promise<SyncErrorRow[]> {
  return db.syncErrors.toArray()
}

/** Removes a refused mutation from the list once the person has seen it. */
export async function dismissSyncError(db: QingdanDatabase, id: number): Promise<void> {
  await storageWrite(() => db.syncErrors.delete(id))
}

// ── Cursor ─────────────────────────────────────────────────────────────────────────────────────

/** The server's change sequence this device has applied up to (0: nothing pulled yet). */
export async function getCursor(db: QingdanDatabase): Promise<number> {
  const value = (await db.meta.get(SYNC_CURSOR_KEY))?.value
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0
}

export async function setCursor(db: QingdanDatabase, cursor: number): Promise<void> {
  await storageWrite(() => db.meta.put({ key: SYNC_CURSOR_KEY, value: cursor }))
}

// ── Applying pulled changes ────────────────────────────────────────────────────────────────────

export interface ApplyOptions {
  /** Stored with the changes, in the same transaction: a page is applied and remembered together. */
  cursor?: number
  /** Wall time (ms) for the clock; tests pass it. */
  now?: number
}

export interface AppliedChanges {
  /** Changes that wrote something (not `same`, `stale` or skipped). */
  written: number
  /** Losing answers kept in `answerHistory`. */
  history: number
  /** Attachments whose bytes this device now waits for. */
  downloads: number
}

/**
 * Applies one pulled page in ONE transaction, with the rules of `decide.ts`: answers by clock
 * (losers to `answerHistory`), headers by rank then clock, a submission replacing the answers it
 * was scored on, tombstones deleting here, template versions and attachments immutable, template
 * rows and tasks by clock. Submitted responses it wrote are then scored here, from their template
 * version (a score is never taken from another side), with their summaries. The device clock
 * moves past every clock received. A failure writes nothing and leaves the cursor where it was.
 */
export async function applyChanges(db: QingdanDatabase, changes: readonly Change[], options: ApplyOptions = {}): Promise<AppliedChanges> {
  const node = await clockNode(db)
  const now = options.now ?? Date.now()
  const recordedAt = new Date(now).toISOString()
  return storageWrite(() =>
    db.transaction(
      'rw',
      tableList(db.responses, db.answers, db.answerHistory, db.templates, db.templateVersions, db.tasks, db.attachments, db.downloads, db.uploads, db.tombstones, db.summaries, db.meta),
      async () => {
        const out: AppliedChanges = { written: 0, history: 0, downloads: 0 }
        const toScore = new Set<string>()
        let latest: string | undefined
        const seen = (hlc: string | undefined): void => {
          if (hlc !== undefined && (latest === undefined || compareHlc(hlc, latest) > 0)) latest = hlc
        }
        const keep = async (responseId: string, itemId: string, answer: Answer, from: AnswerHistoryRow['from'], winner?: Answer): Promise<void> => {
          const deviceId = parseHlc(answer.hlc)?.node
          // This device's own earlier edit, echoed back by the server after a later one from here:
          // superseded, not a conflict between people.
          if (deviceId === node && winner !== undefined && parseHlc(winner.hlc)?.node === node) return
          await db.answerHistory.put({
            responseId,
            itemId,
            hash: fingerprint(answer),
            answer,
            from,
            ...(deviceId !== undefined && deviceId !== 'legacy' && { deviceId }),
            recordedAt,
          })
          out.history++
        }

        for (const change of changes) {
          switch (change.kind) {
            case 'response': {
              seen(change.response.hlc)
              if (change.answers) Object.values(change.answers).forEach((a) => seen(a.hlc))
              const wrote =
                change.answers && !change.response.deleted
                  ? await applySubmission(db, change.response, change.answers, keep)
                  : await applyHeader(db, change.response)
              if (wrote) {
                out.written++
                if (change.response.status === 'submitted' && !change.response.deleted) toScore.add(change.response.id)
              }
              break
            }
            case 'answer': {
              seen(change.answer.hlc)
              if (await applyAnswer(db, change.responseId, change.itemId, change.answer, keep)) out.written++
              break
            }
            case 'template': {
              seen(change.template.hlc)
              const held = await db.templates.get(change.template.id)
              if (decideByClock(held && { ...held, hlc: clockOf(held) }, change.template) === 'apply') {
                await db.templates.put(change.template)
                out.written++
              }
              break
            }
            case 'templateVersion': {
              const v = change.version
              const held = await db.templateVersions.get([v.templateId, v.version])
              const heldVersion = held && { templateId: held.templateId, version: held.version, template: held.template, publishedAt: held.publishedAt }
              // Two devices freezing the same content at different times hold the same version.
              if (decideImmutable(heldVersion, v, (x) => x.template) === 'apply') {
                await db.templateVersions.add({ ...versionRecord(v.template, v.publishedAt), templateId: v.templateId, version: v.version })
                out.written++
              }
              break
            }
            case 'task': {
              seen(change.task.hlc)
              if (await db.tombstones.get(change.task.responseId)) break
              const held = await db.tasks.get(change.task.id)
              if (decideByClock(held && { ...held, hlc: clockOf(held) }, change.task) === 'apply') {
                await db.tasks.put({ ...change.task, subject: await inTemplateOrder(db, change.task.subject, change.task.templateId) })
                out.written++
              }
              break
            }
            case 'attachment': {
              const outcome = await applyAttachment(db, change.attachment)
              if (outcome !== 'none') out.written++
              if (outcome === 'download') out.downloads++
              break
            }
            default: {
              const never: never = change
              throw new Error(`unknown change ${JSON.stringify(never)}`)
            }
          }
        }

        if (toScore.size > 0) {
          const waiting = new Set(await unscoredIds(db))
          for (const id of toScore) {
            if (await scoreStored(db, id)) waiting.delete(id)
            else waiting.add(id)
          }
          await db.meta.put({ key: UNSCORED_KEY, value: [...waiting] })
        }
        if (latest !== undefined) {
          const last = await readClock(db)
          await storeClock(db, receiveHlc(last, latest, now, node))
        }
        if (options.cursor !== undefined) await db.meta.put({ key: SYNC_CURSOR_KEY, value: options.cursor })
        return out
      },
    ),
  )
}

type Keep = (responseId: string, itemId: string, answer: Answer, from: AnswerHistoryRow['from'], winner?: Answer) => Promise<void>

/** What this device holds of a response: its row's header, or the tombstone of its deletion. */
async function heldResponse(db: QingdanDatabase, id: string): Promise<{ header: ResponseHeader; row?: ResponseRow } | undefined> {
  const row = await db.responses.get(id)
  if (row) return { header: headerOf(row, clockOf(row)), row }
  const tombstone = await db.tombstones.get(id)
  return tombstone && { header: tombstone }
}

const synced = (a: Answer): SyncAnswer => ({ ...a, hlc: clockOf(a) })

async function heldAnswers(db: QingdanDatabase, responseId: string): Promise<Record<string, SyncAnswer>> {
  const out: Record<string, SyncAnswer> = {}
  for (const a of await db.answers.where('responseId').equals(responseId).toArray()) out[a.itemId] = synced(a.answer)
  return out
}

/** The stored row of a header: derived fields (indexes) computed here; a score is added by `scoreStored`. */
async function rowOfHeader(db: QingdanDatabase, header: ResponseHeader): Promise<ResponseRow> {
  const { deleted: _deleted, ...fields } = header
  return withSubjectIndex({ ...fields, subject: await inTemplateOrder(db, header.subject, header.templateId, header.templateVersion) })
}

/**
 * The subject with its fields in the template's order. The server keeps records in PostgreSQL
 * jsonb, which stores keys shortest first, so a pulled subject arrives as { room, floor, building };
 * the lists show a subject's values in key order (`201 · 2 · 3号楼`). Without the template here
 * (its version not pulled yet, or a task's template gone) the subject stays as it came.
 */
async function inTemplateOrder(db: QingdanDatabase, subject: Subject, templateId: string, version?: number): Promise<Subject> {
  const row = version === undefined ? await db.templateVersions.where('templateId').equals(templateId).last() : await db.templateVersions.get([templateId, version])
  const fields = row?.template.subject?.fields
  return fields ? inFieldOrder(subject, fields.map((f) => f.id)) : subject
}

/** Deletes a response here as `deleteResponse` does, keeping the incoming tombstone. */
async function deleteHere(db: QingdanDatabase, tombstone: TombstoneRow): Promise<void> {
  const id = tombstone.id
  const attachmentIds = await db.attachments.where('responseId').equals(id).primaryKeys()
  const pendingIds = await db.downloads.where('responseId').equals(id).primaryKeys()
  await db.answers.where('responseId').equals(id).delete()
  await db.attachments.bulkDelete(attachmentIds)
  await db.uploads.bulkDelete(attachmentIds)
  await db.downloads.bulkDelete(pendingIds)
  await db.tasks.where('responseId').equals(id).delete()
  await db.summaries.delete(id)
  await db.responses.delete(id)
  await db.tombstones.put(tombstone)
}

/** A header without answers: a draft created or edited, a tombstone. */
async function applyHeader(db: QingdanDatabase, incoming: ResponseHeader): Promise<boolean> {
  const held = await heldResponse(db, incoming.id)
  if (decideHeader(held?.header, incoming) !== 'apply') return false
  if (incoming.deleted) {
    await deleteHere(db, { ...incoming, deleted: true })
    return true
  }
  await db.tombstones.delete(incoming.id)
  await db.responses.put(await rowOfHeader(db, incoming))
  return true
}

/** A submission, answers inside (`decideSubmission`). */
async function applySubmission(db: QingdanDatabase, header: ResponseHeader, answers: Record<string, SyncAnswer>, keep: Keep): Promise<boolean> {
  const held = await heldResponse(db, header.id)
  const stored = await heldAnswers(db, header.id)
  const decision = decideSubmission(held && { header: held.header, answers: stored }, { header, answers })
  if (decision.outcome === 'apply') {
    for (const { itemId, answer } of decision.losers) await keep(header.id, itemId, answer, 'local')
    await db.tombstones.delete(header.id)
    await db.responses.put(await rowOfHeader(db, header))
    // Every answer it was scored on, and no other (answers that arrived before the header included).
    await db.answers.where('responseId').equals(header.id).delete()
    await db.answers.bulkPut(Object.entries(answers).map(([itemId, answer]) => ({ responseId: header.id, itemId, answer })))
    return true
  }
  if (decision.outcome === 'stale') for (const { itemId, answer } of decision.losers) await keep(header.id, itemId, answer, 'incoming')
  return false
}

/** One answer (`decideAnswer`). */
async function applyAnswer(db: QingdanDatabase, responseId: string, itemId: string, incoming: SyncAnswer, keep: Keep): Promise<boolean> {
  const held = await heldResponse(db, responseId)
  if (held?.header.deleted) return false
  const stored = (await db.answers.get([responseId, itemId]))?.answer
  // An answer may arrive before its response's header (the server lists a record at its latest
  // change, so an edited header can come after its answers): it is kept as for a draft, and the
  // header, when it comes, finds it (a submission replaces it whole).
  const status = held?.header ?? { status: 'draft' as const }
  const decision = decideAnswer(stored && synced(stored), incoming, status)
  if (decision.outcome === 'apply') await db.answers.put({ responseId, itemId, answer: incoming })
  if (decision.loser) {
    const applied = decision.outcome === 'apply'
    await keep(responseId, itemId, decision.loser, applied ? 'local' : 'incoming', applied ? incoming : stored)
  }
  return decision.outcome === 'apply'
}

/** Attachment metadata: immutable. Bytes already here (same SHA-256) are reused, others wait in `downloads`. */
async function applyAttachment(db: QingdanDatabase, meta: SyncAttachment): Promise<'none' | 'stored' | 'download'> {
  if (await db.attachments.get(meta.id)) return 'none'
  if (await db.tombstones.get(meta.responseId)) return 'none'
  const local = await db.attachments.where('sha256').equals(meta.sha256).first()
  if (local) {
    await db.attachments.put({ ...meta, blob: local.blob })
    await db.downloads.delete(meta.id)
    return 'stored'
  }
  if (await db.downloads.get(meta.id)) return 'none'
  await db.downloads.put(meta)
  return 'download'
}

/**
 * Scores a submitted response from its stored answers and template version, as `submitResponse`
 * does, and writes its summary. Without the template version here (not pulled yet) it stays
 * unscored; `rescoreUnscored` catches up when the version arrives.
 */
async function scoreStored(db: QingdanDatabase, id: string): Promise<boolean> {
  const row = await db.responses.get(id)
  if (!row || row.status !== 'submitted') return false
  const version = await db.templateVersions.get([row.templateId, row.templateVersion])
  if (!version) return false
  const answers = await db.answers.where('responseId').equals(id).toArray()
  const scored = withScore(row, scoreResponse(version.template, toResponse(row, answers)))
  await db.responses.put(scored)
  const summary = summaryRowFor(scored, version.template)
  if (summary) await db.summaries.put(summary)
  return true
}

/** Submitted responses pulled before their template version, waiting to be scored. */
async function unscoredIds(db: QingdanDatabase): Promise<string[]> {
  const value = (await db.meta.get(UNSCORED_KEY))?.value
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/**
 * Scores the submitted responses that arrived before their template version (listed by
 * `applyChanges`, so this reads only those rows). Returns how many it scored.
 */
export async function rescoreUnscored(db: QingdanDatabase): Promise<number> {
  return storageWrite(() =>
    db.transaction('rw', [db.responses, db.answers, db.templateVersions, db.summaries, db.meta], async () => {
      const ids = await unscoredIds(db)
      if (ids.length === 0) return 0
      const waiting: string[] = []
      for (const id of ids) {
        if (await scoreStored(db, id)) continue
        // Still no version: keep waiting, unless the response is gone or was scored meanwhile.
        const row = await db.responses.get(id)
        if (row?.status === 'submitted' && row.result === undefined) waiting.push(id)
      }
      await db.meta.put({ key: UNSCORED_KEY, value: waiting })
      return ids.length - waiting.length
    }),
  )
}

// ── Attachment bytes ───────────────────────────────────────────────────────────────────────────

export interface PendingUpload {
  id: string
  sha256: string
  blob: Blob
}

/**
 * Attachments whose bytes wait for upload, oldest first. An attachment stored before v5 gets
 * its SHA-256 now (hashed outside any transaction, then written). Entries whose attachment is
 * gone (deleted since) are dropped.
 */
export async function listPendingUploads(db: QingdanDatabase, limit = 50): Promise<PendingUpload[]> {
  const ids = await db.uploads.limit(limit).primaryKeys()
  const rows = await db.attachments.bulkGet(ids)
  const out: PendingUpload[] = []
  const gone: string[] = []
  for (const [i, row] of rows.entries()) {
    if (!row) {
      gone.push(ids[i]!)
      continue
    }
    const sha256 = row.sha256 ?? (await blobSha256(row.blob))
    if (row.sha256 === undefined) await storageWrite(() => db.attachments.update(row.id, { sha256 }))
    out.push({ id: row.id, sha256, blob: row.blob })
  }
  if (gone.length) await storageWrite(() => db.uploads.bulkDelete(gone))
  return out
}

/** The server holds the bytes: the attachment no longer waits. */
export async function markUploaded(db: QingdanDatabase, id: string): Promise<void> {
  await storageWrite(() => db.uploads.delete(id))
}

export async function pendingUploadCount(db: QingdanDatabase): Promise<number> {
  return db.uploads.count()
}

/** Pulled attachments whose bytes this device does not hold yet. */
export async function listPendingDownloads(db: QingdanDatabase, limit = 50): Promise<SyncAttachment[]> {
  return db.downloads.limit(limit).toArray()
}

/**
 * Stores downloaded bytes as the attachment row and ends its wait. Nothing is written if the
 * response was deleted here meanwhile.
 */
export async function storeDownloaded(db: QingdanDatabase, meta: SyncAttachment, blob: Blob): Promise<AttachmentRow | undefined> {
  return storageWrite(() =>
    db.transaction('rw', db.attachments, db.downloads, db.tombstones, async () => {
      await db.downloads.delete(meta.id)
      if (await db.tombstones.get(meta.responseId)) return undefined
      const row: AttachmentRow = { ...meta, blob }
      await db.attachments.put(row)
      return row
    }),
  )
}

// ── Counts and wipe ────────────────────────────────────────────────────────────────────────────

/** What this device holds that the server does not yet: mutations plus attachment bytes. */
export async function unsyncedCount(db: QingdanDatabase): Promise<number> {
  const [mutations, uploads] = await Promise.all([pendingCount(db), pendingUploadCount(db)])
  return mutations + uploads
}

/**
 * Deletes every record of the team on this device (sign-out "wipe"). The device id and its clock
 * stay: the server knows the device by its id, and a clock must never go back. The outbox's key
 * generator is not reset either (a table clear keeps it), so a `seq` is never used twice. The
 * samples are installed again on the next start.
 */
export async function wipeLocalData(db: QingdanDatabase): Promise<void> {
  const keepKeys = new Set<string>([HLC_KEY, DEVICE_ID_KEY])
  await storageWrite(() =>
    db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        if (table.name === 'meta') await db.meta.filter((row) => !keepKeys.has(row.key)).delete()
        else await table.clear()
      }
    }),
  )
}
