/**
 * Pulled changes, applied on this device with the rules of `src/core/sync/decide.ts` (the same
 * functions the server applies), and submitted responses scored here from their template version.
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
  type ResponseHeader,
  type SyncAnswer,
  type SyncAttachment,
} from '@/core/sync'
import { versionRecord } from '@/core/templates/version'
import type { QingdanDatabase } from '../database'
import { SYNC_CURSOR_KEY, SYNC_UNSCORED_KEY as UNSCORED_KEY } from '../keys'
import type { AnswerHistoryRow, ResponseRow, Subject, TombstoneRow } from '../rows'
import { storageWrite } from '../storage-error'
import { inFieldOrder, withSubjectIndex } from '../subject-index'
import { putPulledPlan, putPulledSubject } from './plans'
import { putPulledCycle } from './cycles'
import { clockNode, readClock, storeClock, tableList } from './outbox'
import { summaryRowFor } from './results-query'
import { toResponse, withScore } from './responses'
import { markReleased } from './review'

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
 * was scored on, tombstones deleting here, template versions immutable, attachments immutable but
 * for their deletion, template rows and tasks by clock, plans and cycles by server time and register entries
 * by version (`plans.ts`). Submitted responses it wrote are then
 * scored here, from their template version (a score is never taken from another side), with
 * their summaries. The device clock
 * moves past every clock received. A failure writes nothing and leaves the cursor where it was.
 */
export async function applyChanges(db: QingdanDatabase, changes: readonly Change[], options: ApplyOptions = {}): Promise<AppliedChanges> {
  const node = await clockNode(db)
  const now = options.now ?? Date.now()
  const recordedAt = new Date(now).toISOString()
  return storageWrite(() =>
    db.transaction(
      'rw',
      tableList(db.responses, db.answers, db.answerHistory, db.templates, db.templateVersions, db.tasks, db.attachments, db.downloads, db.uploads, db.tombstones, db.summaries, db.meta, db.plans, db.register, db.cycles),
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
              // The server's release of a review: the same submission again, with its release time.
              if (change.releasedAt !== undefined && (await markReleased(db, change.response.id, change.releasedAt)) && !wrote) out.written++
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
            case 'plan':
              if (await putPulledPlan(db, change.plan)) out.written++
              break
            case 'subject':
              if (await putPulledSubject(db, change.subject, recordedAt)) out.written++
              break
            case 'cycle':
              if (await putPulledCycle(db, change.cycle)) out.written++
              break
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

/**
 * Attachment metadata: immutable but for deletion. Bytes already here (same SHA-256) are reused,
 * others wait in `downloads`. A tombstone removes the attachment, the bytes it waits for and any
 * it would upload: the server sends one only after `decideAttachment` let it beat the metadata,
 * and never sends the live metadata again after it.
 */
async function applyAttachment(db: QingdanDatabase, meta: SyncAttachment): Promise<'none' | 'stored' | 'download' | 'deleted'> {
  if (meta.deleted) {
    const held = (await db.attachments.get(meta.id)) ?? (await db.downloads.get(meta.id))
    await db.attachments.delete(meta.id)
    await db.downloads.delete(meta.id)
    await db.uploads.delete(meta.id)
    return held ? 'deleted' : 'none'
  }
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
