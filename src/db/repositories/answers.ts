import type { Answer } from '@/core/format/types'
import type { QingdanDatabase } from '../database'
import { nextTimestamp } from '../time'
import { writableResponse } from './guard'

/**
 * Saves one answer the moment it is given: one read-write transaction, one small put and one
 * small update (the response's `updatedAt`). The answer gets `updatedAt` now unless it carries
 * one (bundle merges decide by it). Rejects with `ResponseLockedError` on a submitted response;
 * storage failures (QuotaExceededError …) reject as raised, so the UI can keep the answer and retry.
 */
export async function saveAnswer(db: QingdanDatabase, responseId: string, itemId: string, answer: Answer): Promise<void> {
  await db.transaction('rw', db.responses, db.answers, async () => {
    const row = await writableResponse(db, responseId)
    const updatedAt = nextTimestamp(row.updatedAt)
    await db.answers.put({ responseId, itemId, answer: { ...answer, updatedAt: answer.updatedAt ?? updatedAt } })
    // `put` of the row already read: Dexie's `update` would read it a second time.
    await db.responses.put({ ...row, updatedAt })
  })
}
