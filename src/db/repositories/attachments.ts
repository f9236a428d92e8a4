import type { QingdanDatabase } from '../database'
import { storageWrite } from '../storage-error'
import type { AttachmentRow } from '../rows'
import { nextTimestamp, nowIso } from '../time'
import { writableResponse } from './guard'

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
 */
export async function addAttachment(db: QingdanDatabase, input: AddAttachmentInput): Promise<AttachmentRow> {
  const createdAt = nowIso()
  const row: AttachmentRow = {
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
  }
  await storageWrite(() =>
    db.transaction('rw', db.responses, db.attachments, async () => {
      const response = await writableResponse(db, input.responseId)
      await db.attachments.add(row)
      await db.responses.put({ ...response, updatedAt: nextTimestamp(response.updatedAt, createdAt) })
    }),
  )
  return row
}

export async function getAttachment(db: QingdanDatabase, id: string): Promise<AttachmentRow | undefined> {
  return db.attachments.get(id)
}

/** A response's attachments, oldest first. */
export async function listAttachments(db: QingdanDatabase, responseId: string): Promise<AttachmentRow[]> {
  return db.attachments.where('responseId').equals(responseId).sortBy('createdAt')
}

/** Deletes an attachment of a draft (a submitted response keeps its evidence). Missing: no-op. */
export async function deleteAttachment(db: QingdanDatabase, id: string): Promise<void> {
  await storageWrite(() =>
    db.transaction('rw', db.responses, db.attachments, async () => {
      const row = await db.attachments.get(id)
      if (!row) return
      const response = await db.responses.get(row.responseId)
      // An orphan (its response already gone) can always be removed.
      if (response) {
        await writableResponse(db, row.responseId)
        await db.responses.put({ ...response, updatedAt: nextTimestamp(response.updatedAt) })
      }
      await db.attachments.delete(id)
    }),
  )
}
