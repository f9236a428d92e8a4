import type { Answer } from '@/core/format/types'
import type { QingdanDatabase } from '../database'
import type { ResponseRow } from '../rows'
import { storageWrite } from '../storage-error'
import { nextTimestamp } from '../time'
import { sameData, writableResponse } from './guard'

/**
 * Saves one answer the moment it is given: one read-write transaction writing the answer row and
 * the response row with its new `updatedAt`. The answer gets `updatedAt` now unless it carries one
 * (bundle merges decide by it). Rejects with `ResponseLockedError` on a submitted response (or
 * `ResponseNotFoundError`) and writes nothing; storage failures reject with the browser's
 * DOMException (QuotaExceededError …), so the UI can keep the answer and retry.
 *
 * Fast path (issue #4, autosave ≤ 20 ms): the response row this database last wrote here is taken
 * as a guess of the stored one, and the guard read and both puts are issued at once. IndexedDB runs
 * a transaction's requests in order, so the read sees the row as it was before the puts, and the
 * transaction cannot commit before that read's callback has run: if the row is no longer the guess
 * (submitted or edited since, in this tab or another), the callback aborts the transaction, nothing
 * is written, and the save runs again the careful way (read, check, write). One round trip to the
 * storage backend instead of three, which matters because each one waits behind the main thread's
 * next frame on a long checklist.
 */
export async function saveAnswer(db: QingdanDatabase, responseId: string, itemId: string, answer: Answer): Promise<void> {
  const guess = guesses(db).get(responseId)
  if (guess) {
    try {
      remember(db, await storageWrite(() => writeOnGuess(db, guess, itemId, answer)))
      return
    } catch (error) {
      guesses(db).delete(responseId)
      if (!(error instanceof StaleGuessError)) throw error
    }
  }
  try {
    remember(db, await storageWrite(() => writeAfterRead(db, responseId, itemId, answer)))
  } catch (error) {
    guesses(db).delete(responseId)
    throw error
  }
}

/** The stored response row differs from the guess: not an error the caller ever sees. */
class StaleGuessError extends Error {
  override readonly name = 'StaleGuessError'
}

function writeAfterRead(db: QingdanDatabase, responseId: string, itemId: string, answer: Answer): Promise<ResponseRow> {
  return db.transaction('rw', db.responses, db.answers, async () => {
    const row = await writableResponse(db, responseId)
    const next: ResponseRow = { ...row, updatedAt: nextTimestamp(row.updatedAt) }
    await Promise.all([
      db.answers.put({ responseId, itemId, answer: { ...answer, updatedAt: answer.updatedAt ?? next.updatedAt } }),
      db.responses.put(next),
    ])
    return next
  })
}

function writeOnGuess(db: QingdanDatabase, guess: ResponseRow, itemId: string, answer: Answer): Promise<ResponseRow> {
  return db.transaction('rw', db.responses, db.answers, async () => {
    const next: ResponseRow = { ...guess, updatedAt: nextTimestamp(guess.updatedAt) }
    // Issued first, so it runs first; a guess is only ever a draft row, so equality is the lock check too.
    const check = db.responses.get(guess.id).then((stored) => {
      if (!sameData(stored, guess)) throw new StaleGuessError()
    })
    await Promise.all([
      check,
      db.answers.put({ responseId: guess.id, itemId, answer: { ...answer, updatedAt: answer.updatedAt ?? next.updatedAt } }),
      db.responses.put(next),
    ])
    return next
  })
}

/** Guesses kept per database: a few responses, enough for a dorm round switching rooms. */
const MAX_GUESSES = 8
const guessesByDb = new WeakMap<QingdanDatabase, Map<string, ResponseRow>>()

function guesses(db: QingdanDatabase): Map<string, ResponseRow> {
  let map = guessesByDb.get(db)
  if (!map) guessesByDb.set(db, (map = new Map()))
  return map
}

function remember(db: QingdanDatabase, row: ResponseRow): void {
  const map = guesses(db)
  // Re-inserting moves the key last, so the first key is the least recently written.
  map.delete(row.id)
  map.set(row.id, row)
  if (map.size > MAX_GUESSES) map.delete(map.keys().next().value as string)
}
