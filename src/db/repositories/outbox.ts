/**
 * The write side of sync, shared by every repository that changes data: stamp the change with
 * the device's clock and put its mutation in the outbox, inside the caller's own transaction, so
 * that a write and its mutation are stored together or not at all.
 *
 * A caller's transaction must include `db.meta` and `db.outbox` (`syncTables(db)`).
 */
import type { Table } from 'dexie'
import { tickHlc, type MutationInput } from '@/core/sync'
import type { QingdanDatabase } from '../database'
import { HLC_KEY } from '../keys'
import type { OutboxRow } from '../rows'
import { getDeviceId } from './meta'

/** A transaction's list of tables, typed loosely for the reason given in `syncTables`. */
export function tableList(...tables: Table[]): Table[] {
  return tables
}

/** A write's tables plus those it needs to stamp and enqueue (`db.meta`, `db.outbox`). */
export function syncTables(db: QingdanDatabase, ...tables: Table[]): Table[] {
  // Typed loosely on purpose: a transaction's table list only names tables, and inferring one
  // array type for many differently typed tables (mutations hold whole templates) makes
  // TypeScript's comparison of Dexie's key-path types recurse.
  return [...tables, db.meta, db.outbox]
}

/**
 * The device id, read once per database handle: every write needs it as its clock's node, and a
 * transaction of its own per write would cost autosave a round trip. It never changes once made.
 */
const nodes = new WeakMap<QingdanDatabase, string>()

export async function clockNode(db: QingdanDatabase): Promise<string> {
  let node = nodes.get(db)
  if (node === undefined) nodes.set(db, (node = await getDeviceId(db)))
  return node
}

/**
 * The clock reading this handle last stored, a guess of the stored one that lets autosave tick
 * without reading first (`tickOnGuess`). Another tab may tick meanwhile: the guess is checked.
 */
const lastClocks = new WeakMap<QingdanDatabase, string>()

/** Reads the stored clock, ticks it for a local write and stores it. Inside a transaction with `db.meta`. */
export async function tick(db: QingdanDatabase, node: string, now: number = Date.now()): Promise<string> {
  const stored = (await db.meta.get(HLC_KEY))?.value
  const next = tickHlc(typeof stored === 'string' ? stored : undefined, now, node)
  await storeClock(db, next)
  return next
}

/** Stores a clock reading (ticked or received) as the device's last one. */
export async function storeClock(db: QingdanDatabase, hlc: string): Promise<void> {
  await db.meta.put({ key: HLC_KEY, value: hlc })
  lastClocks.set(db, hlc)
}

/** The device's last stored clock reading. */
export async function readClock(db: QingdanDatabase): Promise<string | undefined> {
  const stored = (await db.meta.get(HLC_KEY))?.value
  return typeof stored === 'string' ? stored : undefined
}

/** The guessed last clock, when this handle has one (see `lastClocks`). */
export function guessedClock(db: QingdanDatabase): string | undefined {
  return lastClocks.get(db)
}

/**
 * The autosave fast path's tick: from the guessed last clock, with no read before the write.
 * Returns the new reading and a check to issue in the same transaction (first), which rejects
 * with `stale()` when the stored clock is not the guess, aborting the transaction.
 */
export function tickOnGuess(
  db: QingdanDatabase,
  guess: string,
  node: string,
  stale: () => Error,
  now: number = Date.now(),
): { hlc: string; check: Promise<void>; store: Promise<void> } {
  const hlc = tickHlc(guess, now, node)
  const check = db.meta.get(HLC_KEY).then((row) => {
    if (row?.value !== guess) throw stale()
  })
  return { hlc, check, store: storeClock(db, hlc) }
}

/** Puts a mutation in the outbox (the key it gets is its `seq`). Inside a transaction with `db.outbox`. */
export async function enqueue(db: QingdanDatabase, mutation: MutationInput): Promise<number> {
  return db.outbox.add(mutation as Omit<OutboxRow, 'seq'>)
}

/** Several mutations, in order. */
export async function enqueueAll(db: QingdanDatabase, mutations: readonly MutationInput[]): Promise<void> {
  if (mutations.length > 0) await db.outbox.bulkAdd(mutations as ReadonlyArray<Omit<OutboxRow, 'seq'>>)
}

/** A mutation id (logs and error reports only; idempotence comes from `seq`). */
export const mutationId = (): string => crypto.randomUUID()
