import type { Answer } from '@/core/format/types'
import type { MutationInput } from '@/core/sync'
import type { QingdanDatabase } from '../database'
import type { ResponseRow } from '../rows'
import { storageWrite } from '../storage-error'
import { nextTimestamp } from '../time'
import { sameData, writableResponse } from './guard'
import { adoptLegacyDraft } from './legacy-sync'
import { clockNode, enqueue, guessedClock, mutationId, syncTables, tick, tickOnGuess } from './outbox'

/**
 * Saves one answer the moment it is given: one read-write transaction writing the answer row, the
 * response row with its new `updatedAt`, the device's clock and the answer's sync mutation (the
 * outbox row), so an answer stored is an answer that will reach the server. The answer gets
 * `updatedAt` now unless it carries one, and always a fresh clock reading (`hlc`): it is a new edit. Rejects with `ResponseLockedError` on a submitted response (or
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
  const node = await clockNode(db)
  const guess = guesses(db).get(responseId)
  const clock = guessedClock(db)
  if (guess && clock !== undefined) {
    try {
      remember(db, await storageWrite(() => writeOnGuess(db, guess, clock, node, itemId, answer)))
      return
    } catch (error) {
      guesses(db).delete(responseId)
      if (!(error instanceof StaleGuessError)) throw error
    }
  }
  try {
    remember(db, await storageWrite(() => writeAfterRead(db, responseId, node, itemId, answer)))
  } catch (error) {
    guesses(db).delete(responseId)
    throw error
  }
}

/** The stored response row differs from the guess: not an error the caller ever sees. */
class StaleGuessError extends Error {
  override readonly name = 'StaleGuessError'
}

function writeAfterRead(db: QingdanDatabase, responseId: string, node: string, itemId: string, answer: Answer): Promise<ResponseRow> {
  return db.transaction('rw', syncTables(db, db.responses, db.answers), async () => {
    const row = await adoptLegacyDraft(db, await writableResponse(db, responseId))
    const hlc = await tick(db, node)
    const next: ResponseRow = { ...row, updatedAt: nextTimestamp(row.updatedAt) }
    const stored: Answer = { ...answer, updatedAt: answer.updatedAt ?? next.updatedAt, hlc }
    await Promise.all([
      db.answers.put({ responseId, itemId, answer: stored }),
      db.responses.put(next),
      enqueue(db, answerMutation(responseId, itemId, stored, hlc)),
    ])
    return next
  })
}

function writeOnGuess(db: QingdanDatabase, guess: ResponseRow, clock: string, node: string, itemId: string, answer: Answer): Promise<ResponseRow> {
  return db.transaction('rw', syncTables(db, db.responses, db.answers), async () => {
    const next: ResponseRow = { ...guess, updatedAt: nextTimestamp(guess.updatedAt) }
    // Issued first, so it runs first; a guess is only ever a draft row, so equality is the lock check too.
    const check = db.responses.get(guess.id).then((stored) => {
      if (!sameData(stored, guess)) throw new StaleGuessError()
    })
    // The clock is guessed the same way: another tab's tick since makes this a stale guess too.
    const ticked = tickOnGuess(db, clock, node, () => new StaleGuessError())
    const stored: Answer = { ...answer, updatedAt: answer.updatedAt ?? next.updatedAt, hlc: ticked.hlc }
    await Promise.all([
      check,
      ticked.check,
      db.answers.put({ responseId: guess.id, itemId, answer: stored }),
      db.responses.put(next),
      ticked.store,
      enqueue(db, answerMutation(guess.id, itemId, stored, ticked.hlc)),
    ])
    return next
  })
}

function answerMutation(responseId: string, itemId: string, answer: Answer, hlc: string): MutationInput {
  return { id: mutationId(), kind: 'answer', responseId, itemId, answer: { ...answer, hlc } }
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
