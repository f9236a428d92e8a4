import type { Answer } from '@/core/format/types'
import type { QingdanDatabase } from '../database'
import { storageWrite } from '../storage-error'
import { nextTimestamp } from '../time'
import { writableResponse } from './guard'

/**
 * Saves one answer the moment it is given: one read-write transaction, two small puts (the answer
 * row, and the response row with its new `updatedAt`). The answer gets `updatedAt` now unless it carries
 * one (bundle merges decide by it). Rejects with `ResponseLockedError` on a submitted response;
 * storage failures reject with the browser's DOMException (QuotaExceededError …), so the UI can keep the answer and retry.
 */
export async function saveAnswer(db: QingdanDatabase, responseId: string, itemId: string, answer: Answer): Promise<void> {
  await storageWrite(() =>
    db.transaction('rw', db.responses, db.answers, async () => {
      const row = await writableResponse(db, responseId)
      const updatedAt = nextTimestamp(row.updatedAt)
      await db.answers.put({ responseId, itemId, answer: { ...answer, updatedAt: answer.updatedAt ?? updatedAt } })
      // `put` of the row already read: Dexie's `update` would read it a second time.
      await db.responses.put({ ...row, updatedAt })
    }),
  )
}
