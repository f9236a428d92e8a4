import type { QingdanDatabase } from '../database'
import { storageWrite } from '../storage-error'
import type { AttachmentRow } from '../rows'
import { nextTimestamp, nowIso } from '../time'
import { writableResponse } from './guard'
import { sha256Hex } from '@/core/exchange/bundle/hash'
import type { SyncAttachment } from '@/core/sync'
import { adoptLegacyDraft } from './legacy-sync'
import { clockNode, enqueue, mutationId, syncTables, tick } from './outbox'

/** An attachment without its bytes: what lists and links need. The Blob is read on demand. */
export type AttachmentMeta = Omit<AttachmentRow, 'blob' | 'thumb'>

export function attachmentMeta(row: AttachmentRow): AttachmentMeta {
  const { blob: _blob, thumb: _thumb, ...meta } = row
  return meta
}

export interface AddAttachmentInput {
  responseId: string
  /** null: the response's signature. */
  itemId: string | null
  blob: Blob
  name: string
  type: string
  thumb?: Blob
  width?: number
  height?: number
}

/**
 * Stores a photo, file or signature as a Blob beside its draft response (IndexedDB keeps Blobs
 * natively, also in fake-indexeddb on Node ≥ 20). The caller then lists its id in the answer.
 * Sync: its metadata is enqueued with the write and its bytes wait in `uploads`, so an answer
 * never waits for a photo to upload.
 */
export async function addAttachment(db: QingdanDatabase, input: AddAttachmentInput): Promise<AttachmentRow> {
  const node = await clockNode(db)
  // Hashed before the transaction: an IndexedDB transaction cannot wait for the bytes to be read.
  const sha256 = await blobSha256(input.blob)
  const createdAt = nowIso()
  const row: AttachmentRow & { sha256: string } = {
    id: crypto.randomUUID(),
    responseId: input.responseId,
    itemId: input.itemId,
    name: input.name,
    type: input.type,
    size: input.blob.size,
    blob: input.blob,
    ...(input.thumb !== undefined && { thumb: input.thumb }),
    ...(input.width !== undefined && { width: input.width }),
    ...(input.height !== undefined && { height: input.height }),
    createdAt,
    sha256,
  }
  await storageWrite(() =>
    db.transaction('rw', syncTables(db, db.responses, db.answers, db.attachments, db.uploads), async () => {
      const response = await adoptLegacyDraft(db, await writableResponse(db, input.responseId))
      await tick(db, node)
      await db.attachments.add(row)
      await db.responses.put({ ...response, updatedAt: nextTimestamp(response.updatedAt, createdAt) })
      await enqueueAttachment(db, row)
    }),
  )
  return row
}

/** SHA-256 of a Blob's bytes: the server's address of them. */
export async function blobSha256(blob: Blob): Promise<string> {
  return sha256Hex(new Uint8Array(await blob.arrayBuffer()))
}

/** The metadata sync sends (no bytes, no thumbnail). */
export function syncAttachmentOf(row: AttachmentRow & { sha256: string }): SyncAttachment {
  const { blob: _blob, thumb: _thumb, ...meta } = row
  return meta
}

/**
 * Enqueues an attachment's metadata and marks its bytes for upload. Inside a transaction with
 * `db.uploads` and `syncTables(db)`.
 */
export async function enqueueAttachment(db: QingdanDatabase, row: AttachmentRow & { sha256: string }): Promise<void> {
  await db.uploads.put({ id: row.id })
  await enqueue(db, { id: mutationId(), kind: 'attachment', attachment: syncAttachmentOf(row) })
}

export async function getAttachment(db: QingdanDatabase, id: string): Promise<AttachmentRow | undefined> {
  return db.attachments.get(id)
}

/** A response's attachments, oldest first. */
export async function listAttachments(db: QingdanDatabase, responseId: string): Promise<AttachmentRow[]> {
  return db.attachments.where('responseId').equals(responseId).sortBy('createdAt')
}

/**
 * Deletes an attachment of a draft (a submitted response keeps its evidence). Missing: no-op.
 * Sync: once its metadata was enqueued (the row has a `sha256`), its deletion is enqueued with the
 * write, so the server and other devices drop it too instead of waiting for bytes that never come.
 */
export async function deleteAttachment(db: QingdanDatabase, id: string): Promise<void> {
  await storageWrite(() =>
    db.transaction('rw', syncTables(db, db.responses, db.attachments, db.uploads), async () => {
      const row = await db.attachments.get(id)
      if (!row) return
      const response = await db.responses.get(row.responseId)
      // An orphan (its response already gone) can always be removed.
      if (response) {
        await writableResponse(db, row.responseId)
        await db.responses.put({ ...response, updatedAt: nextTimestamp(response.updatedAt) })
      }
      await db.attachments.delete(id)
      // Its bytes no longer exist here: nothing to upload.
      await db.uploads.delete(id)
      // An orphan's deletion is moot: its response's tombstone already removes it everywhere.
      if (response && hasSha256(row)) await enqueue(db, { id: mutationId(), kind: 'attachment', attachment: { ...syncAttachmentOf(row), deleted: true } })
    }),
  )
}

const hasSha256 = (row: AttachmentRow): row is AttachmentRow & { sha256: string } => typeof row.sha256 === 'string'
