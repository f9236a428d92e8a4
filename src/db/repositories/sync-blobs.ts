/**
 * Attachment bytes waiting to move: uploads after their metadata was pushed, downloads after it
 * was pulled. Content-addressed by SHA-256, so bytes already here are never fetched again.
 */
import type { SyncAttachment } from '@/core/sync'
import type { QingdanDatabase } from '../database'
import type { AttachmentRow } from '../rows'
import { storageWrite } from '../storage-error'
import { blobSha256 } from './attachments'


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
 * response or the attachment was deleted here meanwhile (a pulled deletion ends the wait), or if
 * another download already stored it.
 */
export async function storeDownloaded(db: QingdanDatabase, meta: SyncAttachment, blob: Blob): Promise<AttachmentRow | undefined> {
  return storageWrite(() =>
    db.transaction('rw', db.attachments, db.downloads, db.tombstones, async () => {
      if (!(await db.downloads.get(meta.id))) return db.attachments.get(meta.id)
      await db.downloads.delete(meta.id)
      if (await db.tombstones.get(meta.responseId)) return undefined
      const row: AttachmentRow = { ...meta, blob }
      await db.attachments.put(row)
      return row
    }),
  )
}
