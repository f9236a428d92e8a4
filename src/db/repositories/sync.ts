/**
 * Sync, stored: the outbox read and acknowledged, refused mutations listed, the pull cursor.
 * Pulled changes are applied in sync-apply.ts, attachment bytes moved in sync-blobs.ts; both are
 * re-exported here. Rows in, rows out: every merge rule is `src/core/sync/decide.ts`.
 */
import type { Mutation, MutationResult, PushResponse } from '@/core/sync'
import type { QingdanDatabase } from '../database'
import { DEVICE_ID_KEY, HLC_KEY, SYNC_CURSOR_KEY, SYNC_VIEW_KEY } from '../keys'
import type { SyncErrorRow } from '../rows'
import { storageWrite } from '../storage-error'
import { nowIso } from '../time'
import { pendingUploadCount } from './sync-blobs'

// ── Outbox ─────────────────────────────────────────────────────────────────────────────────────

/** The oldest `limit` mutations waiting for the server, in `seq` order. */
export async function readOutbox(db: QingdanDatabase, limit: number): Promise<Mutation[]> {
  return db.outbox.limit(limit).toArray()
}

/** Deletes the outbox rows up to `upToSeq` (the server has applied them). */
export async function ackOutbox(db: QingdanDatabase, upToSeq: number): Promise<number> {
  return storageWrite(() => db.outbox.where('seq').belowOrEqual(upToSeq).delete())
}

/** Mutations not yet acknowledged. */
export async function pendingCount(db: QingdanDatabase): Promise<number> {
  return db.outbox.count()
}

/** What a push's answer did to the outbox. */
export interface SettledPush {
  /** Outbox rows removed: acknowledged, or refused and moved to `syncErrors`. */
  removed: number
  refused: MutationResult[]
}

/**
 * Settles a push in one transaction: rows up to the server's `appliedSeq` leave the outbox, and
 * refused mutations leave it for `syncErrors` (retrying will not help, but the person must see
 * them). Rows above `appliedSeq` that were not refused stay, to be sent again.
 */
export async function settlePush(db: QingdanDatabase, sent: readonly Mutation[], response: PushResponse): Promise<SettledPush> {
  const refused = response.results.filter((r) => r.status === 'refused')
  const bySeq = new Map(sent.map((m) => [m.seq, m]))
  const at = nowIso()
  return storageWrite(() =>
    db.transaction('rw', db.outbox, db.syncErrors, async () => {
      const before = await db.outbox.count()
      for (const result of refused) {
        const mutation = bySeq.get(result.seq) ?? (await db.outbox.get(result.seq))
        if (!mutation) continue
        await db.syncErrors.add({ mutation, result, at })
        await db.outbox.delete(result.seq)
      }
      await db.outbox.where('seq').belowOrEqual(response.appliedSeq).delete()
      return { removed: before - (await db.outbox.count()), refused }
    }),
  )
}

/** Mutations the server refused, oldest first, for the person to read. */
export async function listSyncErrors(db: QingdanDatabase): Promise<SyncErrorRow[]> {
  return db.syncErrors.toArray()
}

/** Removes a refused mutation from the list once the person has seen it. */
export async function dismissSyncError(db: QingdanDatabase, id: number): Promise<void> {
  await storageWrite(() => db.syncErrors.delete(id))
}

// ── Cursor ─────────────────────────────────────────────────────────────────────────────────────

/** The server's change sequence this device has applied up to (0: nothing pulled yet). */
export async function getCursor(db: QingdanDatabase): Promise<number> {
  const value = (await db.meta.get(SYNC_CURSOR_KEY))?.value
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0
}

export async function setCursor(db: QingdanDatabase, cursor: number): Promise<void> {
  await storageWrite(() => db.meta.put({ key: SYNC_CURSOR_KEY, value: cursor }))
}

export async function getView(db: QingdanDatabase): Promise<string | undefined> {
  const value = (await db.meta.get(SYNC_VIEW_KEY))?.value
  return typeof value === 'string' ? value : undefined
}

/**
 * Remembers what the account may read. A change from what was remembered moves the cursor back
 * to 0 in the same write: rows behind it may have become visible, and pulling them again is
 * harmless (every change applies idempotently). @returns true when the cursor was reset.
 */
export async function noteView(db: QingdanDatabase, view: string): Promise<boolean> {
  return storageWrite(() =>
    db.transaction('rw', db.meta, async () => {
      const before = (await db.meta.get(SYNC_VIEW_KEY))?.value
      if (before === view) return false
      await db.meta.put({ key: SYNC_VIEW_KEY, value: view })
      if (before === undefined) return false
      await db.meta.put({ key: SYNC_CURSOR_KEY, value: 0 })
      return true
    }),
  )
}

export { applyChanges, rescoreUnscored, type AppliedChanges, type ApplyOptions } from './sync-apply'
export { listPendingDownloads, listPendingUploads, markUploaded, pendingUploadCount, storeDownloaded, type PendingUpload } from './sync-blobs'

// ── Counts and wipe ────────────────────────────────────────────────────────────────────────────

/** What this device holds that the server does not yet: mutations plus attachment bytes. */
export async function unsyncedCount(db: QingdanDatabase): Promise<number> {
  const [mutations, uploads] = await Promise.all([pendingCount(db), pendingUploadCount(db)])
  return mutations + uploads
}

/**
 * Deletes every record of the team on this device (sign-out "wipe"). The device id and its clock
 * stay: the server knows the device by its id, and a clock must never go back. The outbox's key
 * generator is not reset either (a table clear keeps it), so a `seq` is never used twice. The
 * samples are installed again on the next start.
 */
export async function wipeLocalData(db: QingdanDatabase): Promise<void> {
  const keepKeys = new Set<string>([HLC_KEY, DEVICE_ID_KEY])
  await storageWrite(() =>
    db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        if (table.name === 'meta') await db.meta.filter((row) => !keepKeys.has(row.key)).delete()
        else await table.clear()
      }
    }),
  )
}
