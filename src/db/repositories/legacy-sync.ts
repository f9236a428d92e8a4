/**
 * Data written before sync existed (schema < 5) has no clock and was never enqueued. It reaches
 * the server two ways, both with the legacy clock of its `updatedAt` (`clockOf`), so that it never
 * wins over a later edit made elsewhere:
 * - `adoptLegacyDraft`: the first write to an old draft enqueues its header and its old answers
 *   first, in the write's transaction, so the server knows the response before the new answer;
 * - `seedOutbox`: the first sync enqueues everything else still without a clock, once.
 * Samples are never enqueued: every device installs the same ones.
 */
import { clockOf, headerOf, type MutationInput, type SyncAnswer } from '@/core/sync'
import type { QingdanDatabase } from '../database'
import type { AnswerRow, AttachmentRow, ResponseRow } from '../rows'
import { storageWrite } from '../storage-error'
import { blobSha256, syncAttachmentOf } from './attachments'
import { enqueueAll, mutationId, syncTables, tableList } from './outbox'

/** Set once the first sync has enqueued the data written before sync. */
export const SYNC_SEEDED_KEY = 'syncSeeded'

const synced = (answers: readonly AnswerRow[]): Record<string, SyncAnswer> =>
  Object.fromEntries(answers.map((a) => [a.itemId, { ...a.answer, hlc: clockOf(a.answer) }]))

/** The mutations that bring one never-synced response to the server: a submission whole, or a draft's header and answers. */
async function responseMutations(db: QingdanDatabase, row: ResponseRow): Promise<MutationInput[]> {
  const header = headerOf(row, clockOf(row))
  const answers = synced(await db.answers.where('responseId').equals(row.id).toArray())
  if (row.status === 'submitted') return [{ id: mutationId(), kind: 'submit', response: header, answers }]
  return [
    { id: mutationId(), kind: 'response', response: header },
    ...Object.entries(answers).map(([itemId, answer]): MutationInput => ({ id: mutationId(), kind: 'answer', responseId: row.id, itemId, answer })),
  ]
}

/**
 * Called inside a write's transaction (with `syncTables` and `db.answers`) on the row it is about
 * to change: a draft without a clock is enqueued first, and the returned row carries its legacy
 * clock, so this happens once per response.
 */
export async function adoptLegacyDraft(db: QingdanDatabase, row: ResponseRow): Promise<ResponseRow> {
  if (row.hlc !== undefined) return row
  await enqueueAll(db, await responseMutations(db, row))
  return { ...row, hlc: clockOf(row) }
}

/**
 * Enqueues, once, everything written before sync that no write has enqueued since: responses
 * without a clock, user templates without one and their versions, tasks without one, and
 * attachments without a SHA-256 (their bytes wait for upload). Returns how many mutations.
 */
export async function seedOutbox(db: QingdanDatabase): Promise<number> {
  if ((await db.meta.get(SYNC_SEEDED_KEY))?.value === true) return 0
  // Hashes first: a transaction cannot wait for bytes to be read.
  const legacyAttachments = await db.attachments.filter((a) => a.sha256 === undefined).toArray()
  const hashed: Array<AttachmentRow & { sha256: string }> = []
  for (const a of legacyAttachments) hashed.push({ ...a, sha256: await blobSha256(a.blob) })
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, ...tableList(db.responses, db.answers, db.templates, db.templateVersions, db.tasks, db.attachments, db.uploads)), async () => {
      if ((await db.meta.get(SYNC_SEEDED_KEY))?.value === true) return 0
      const out: MutationInput[] = []
      const templates = await db.templates.filter((t) => t.hlc === undefined && t.source !== 'sample').toArray()
      for (const t of templates) {
        out.push({ id: mutationId(), kind: 'template', template: { ...t, hlc: clockOf(t) } })
        for (const v of await db.templateVersions.where('templateId').equals(t.id).toArray()) {
          out.push({ id: mutationId(), kind: 'templateVersion', version: { templateId: v.templateId, version: v.version, template: v.template, publishedAt: v.publishedAt } })
        }
      }
      for (const row of await db.responses.filter((r) => r.hlc === undefined).toArray()) out.push(...(await responseMutations(db, row)))
      for (const a of hashed) {
        if (!(await db.attachments.get(a.id))) continue
        await db.attachments.update(a.id, { sha256: a.sha256 })
        await db.uploads.put({ id: a.id })
        out.push({ id: mutationId(), kind: 'attachment', attachment: syncAttachmentOf(a) })
      }
      for (const t of await db.tasks.filter((t) => t.hlc === undefined).toArray()) out.push({ id: mutationId(), kind: 'task', task: { ...t, hlc: clockOf(t) } })
      await enqueueAll(db, out)
      await db.meta.put({ key: SYNC_SEEDED_KEY, value: true })
      return out.length
    }),
  )
}
