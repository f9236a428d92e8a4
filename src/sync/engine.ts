/**
 * The device's sync run: push the outbox, pull the server's changes, then move attachment bytes.
 * Storage is `src/db/repositories/sync.ts`, the merge rules `src/core/sync/decide.ts`; this only
 * orders the steps and talks to a `SyncTransport`.
 *
 * A `TransportError` stops the run and is rethrown (the caller retries later): what the server
 * acknowledged before stays acknowledged, every pulled page stays applied with its cursor, and
 * nothing else is lost, since the outbox only shrinks on an acknowledgement.
 */
import { SYNC_LIMITS, type Mutation, type MutationResult, type PushRequest } from '@/core/sync'
import type { QingdanDatabase } from '@/db/database'
import { getDeviceId } from '@/db/repositories/meta'
import {
  applyChanges,
  getCursor,
  noteView,
  listPendingDownloads,
  listPendingUploads,
  markUploaded,
  readOutbox,
  rescoreUnscored,
  settlePush,
  storeDownloaded,
} from '@/db/repositories/sync'
import { blobSha256 } from '@/db/repositories/attachments'
import { seedOutbox } from '@/db/repositories/legacy-sync'
import type { AttachmentRow } from '@/db/rows'
import { TransportError, type SyncTransport } from './transport'

export { unsyncedCount, wipeLocalData, pendingCount, listSyncErrors, dismissSyncError } from '@/db/repositories/sync'

export interface SyncReport {
  /** Mutations that left the outbox acknowledged (applied, same, superseded or duplicate). */
  pushed: number
  /** Changes pulled and applied. */
  pulled: number
  /** Attachments whose bytes were sent. */
  uploaded: number
  /** Attachments whose bytes were fetched. */
  downloaded: number
  /** Mutations the server refused in this run (also kept in `syncErrors`). */
  refused: MutationResult[]
  /** The server's wall time at its last answer (ms). */
  serverTime?: number
}

export interface RunSyncOptions {
  /** Mutations per push (at most SYNC_LIMITS.maxBatch). */
  batchSize?: number
  /** Changes per pull page (the server's default when absent). */
  pageSize?: number
  /** Attachment downloads per run; the rest wait for the next run or `fetchAttachmentBytes`. */
  maxDownloads?: number
  signal?: AbortSignal
}

/** The run in progress per database: a second call while one runs joins it (two runs would pull twice). */
const running = new WeakMap<QingdanDatabase, Promise<SyncReport>>()

/**
 * Pushes, pulls, uploads and downloads, in that order. A call while a run is in progress on the
 * same database handle returns that run's report.
 */
export function runSync(db: QingdanDatabase, transport: SyncTransport, options: RunSyncOptions = {}): Promise<SyncReport> {
  const current = running.get(db)
  if (current) return current
  const run = syncOnce(db, transport, options).finally(() => running.delete(db))
  running.set(db, run)
  return run
}

async function syncOnce(db: QingdanDatabase, transport: SyncTransport, options: RunSyncOptions): Promise<SyncReport> {
  const { signal } = options
  const report: SyncReport = { pushed: 0, pulled: 0, uploaded: 0, downloaded: 0, refused: [] }
  const deviceId = await getDeviceId(db)

  // 0. Once: data written before sync joins the outbox (see legacy-sync.ts).
  await seedOutbox(db)

  // 1. Push the outbox until it is empty.
  const batchSize = Math.max(1, Math.min(options.batchSize ?? SYNC_LIMITS.maxBatch, SYNC_LIMITS.maxBatch))
  for (;;) {
    signal?.throwIfAborted()
    const batch = await readOutbox(db, batchSize)
    if (batch.length === 0) break
    const request = fitRequest({ deviceId, batchId: crypto.randomUUID(), mutations: latestAnswers(batch) })
    const response = await transport.push(request)
    report.serverTime = response.serverTime
    const settled = await settlePush(db, request.mutations, response)
    report.refused.push(...settled.refused)
    report.pushed += settled.removed - settled.refused.length
    // A server that acknowledges nothing of a batch would make this loop forever.
    if (settled.removed === 0) throw new TransportError('server', `push of ${request.mutations.length} mutations acknowledged none`)
  }

  // 2. Pull pages until there are no more; each page is applied with its cursor, in one transaction.
  let cursor = await getCursor(db)
  for (;;) {
    signal?.throwIfAborted()
    const page = await transport.pull(cursor, options.pageSize)
    // The account may now read other scopes: start over from 0 (this page is not applied).
    if (page.view !== undefined && (await noteView(db, page.view)) && cursor > 0) {
      cursor = 0
      continue
    }
    report.serverTime = page.serverTime
    await applyChanges(db, page.changes, { cursor: page.cursor })
    report.pulled += page.changes.length
    if (!page.more || page.cursor <= cursor) break
    cursor = page.cursor
  }
  if (report.pulled > 0) await rescoreUnscored(db)

  // 3. Upload attachment bytes (answers never waited for them: they went with the push).
  for (;;) {
    signal?.throwIfAborted()
    const pending = await listPendingUploads(db)
    if (pending.length === 0) break
    for (const upload of pending) {
      signal?.throwIfAborted()
      if (!(await transport.hasBlob(upload.sha256))) {
        await transport.putBlob(upload.sha256, upload.blob)
        report.uploaded++
      }
      await markUploaded(db, upload.id)
    }
  }

  // 4. Download bytes of pulled attachments, eagerly up to `maxDownloads`; bytes the server does
  //    not hold yet (their device has not uploaded them) wait for a later run.
  const maxDownloads = options.maxDownloads ?? 200
  const waiting = await listPendingDownloads(db, maxDownloads)
  for (const meta of waiting) {
    signal?.throwIfAborted()
    if (await downloadOne(db, transport, meta.id, meta)) report.downloaded++
  }
  return report
}

/**
 * The bytes of one pulled attachment, fetched now (a screen showing it does not wait for the next
 * run). Undefined when this device knows no such attachment or the server does not hold its
 * bytes yet; a TransportError when offline.
 */
export async function fetchAttachmentBytes(db: QingdanDatabase, transport: SyncTransport, id: string): Promise<AttachmentRow | undefined> {
  const stored = await db.attachments.get(id)
  if (stored) return stored
  const meta = await db.downloads.get(id)
  if (!meta) return undefined
  return (await downloadOne(db, transport, id, meta)) ?? undefined
}

async function downloadOne(
  db: QingdanDatabase,
  transport: SyncTransport,
  id: string,
  meta: Parameters<typeof storeDownloaded>[1],
): Promise<AttachmentRow | undefined> {
  let blob: Blob
  try {
    blob = await transport.getBlob(meta.sha256)
  } catch (error) {
    // Not there yet (404): the uploading device has not sent them. Anything else stops the run.
    if (error instanceof TransportError && error.failure === 'refused') return undefined
    throw error
  }
  // The server verifies hashes on upload; checking again here costs little and keeps a wrong
  // file from ever becoming evidence.
  if ((await blobSha256(blob)) !== meta.sha256) return undefined
  return storeDownloaded(db, { ...meta, id }, blob)
}

/**
 * The batch without the answer edits a later edit of the same answer in the batch supersedes
 * (typing a remark autosaves every few keystrokes). Safe with the server's `appliedSeq`: a dropped
 * edit's `seq` is below its successor's, which is sent, so acknowledging up to the highest sent
 * `seq` covers it, and its value would only have lost to the successor's later clock.
 */
export function latestAnswers(batch: readonly Mutation[]): Mutation[] {
  const last = new Map<string, number>()
  for (const m of batch) if (m.kind === 'answer') last.set(`${m.responseId}\u0000${m.itemId}`, m.seq)
  return batch.filter((m) => m.kind !== 'answer' || last.get(`${m.responseId}\u0000${m.itemId}`) === m.seq)
}

/** The request, cut to the first mutations that fit SYNC_LIMITS.maxPushBytes (at least one). */
function fitRequest(request: PushRequest): PushRequest {
  let mutations = request.mutations
  while (mutations.length > 1 && new TextEncoder().encode(JSON.stringify({ ...request, mutations })).length > SYNC_LIMITS.maxPushBytes) {
    mutations = mutations.slice(0, Math.ceil(mutations.length / 2))
  }
  return { ...request, mutations }
}
