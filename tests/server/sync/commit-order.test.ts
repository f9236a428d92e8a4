/**
 * Cursors and commit order: a pull never passes over a change that commits late. A cursor comes
 * from its transaction's xid (next_cursor(), migration 005), so a later transaction can commit
 * first with higher cursors; the pull stops below the horizon of still-running writers
 * (cursor_horizon()). Decisions lock their records (server/sync/locks.ts): pushes on different
 * responses run side by side, pushes on the same one take turns.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { Change } from '@/core/sync'
import type { Queryable } from '../../../server/db/types'
import { lockKey, lockRecords } from '../../../server/sync/locks'
import { applyPush } from '../../../server/sync/push'
import { pullChanges } from '../../../server/sync/pull'
import { NEXT_CURSOR } from '../../../server/sync/sql'
import { DATABASE_KINDS, PG_URL } from '../support/databases'
import { answer, clock, header, m, NOW, Outbox } from './support/builders'
import { addAccount, syncWorld, type SyncWorld } from './support/world'

const R = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d'
const R2 = '3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e'
const key = (c: Change): string => (c.kind === 'answer' ? `${c.itemId}:${c.answer.hlc}` : c.kind === 'response' ? `response:${c.response.id}` : c.kind)

/** A transaction that does `work`, then stays open, uncommitted, until `release()`. */
function openTransaction(w: SyncWorld, work: (tx: Queryable) => Promise<void>): { inside: Promise<void>; release: () => void; done: Promise<void> } {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  let entered!: () => void
  const inside = new Promise<void>((resolve) => (entered = resolve))
  const done = w.db.transaction(async (tx) => {
    await work(tx)
    entered()
    await gate
  })
  // A transaction that fails before it is inside ends the wait too, with its error.
  return { inside: Promise.race([inside, done]), release, done }
}

/** A slow push: response R locked as a push would, one answer written with its cursor, not committed. */
const slowPush = (w: SyncWorld) =>
  openTransaction(w, async (tx) => {
    await lockRecords(tx, [lockKey.response(R)])
    await tx.query(`insert into answers (response_id, item_id, answer, hlc, cursor) values ($1, 'unlocked', $2::text::jsonb, $3, ${NEXT_CURSOR})`, [
      R,
      JSON.stringify(answer(1, clock(2, w.a.deviceId))),
      clock(2, w.a.deviceId),
    ])
  })

function tracked<T>(promise: Promise<T>): { promise: Promise<T>; done: () => boolean } {
  let settled = false
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  )
  return { promise, done: () => settled }
}

// PGlite is one connection and runs transactions one after another: only PostgreSQL interleaves them.
describe.skipIf(!PG_URL)('commit order on postgres', () => {
  let w: SyncWorld
  let start: number
  let boxB: Outbox
  beforeAll(async () => {
    w = await syncWorld('postgres')
    boxB = new Outbox(w.b.deviceId)
    const a = w.a.deviceId
    await applyPush(w.db, w.a, new Outbox(a).batch(m.version(), m.response(header(R, clock(1, a))), m.response(header(R2, clock(1, a)))), NOW)
    start = (await pullChanges(w.db, w.a, 0, 100)).cursor
  })
  afterAll(async () => {
    await w.db.close()
  })

  it('lets a push on another response commit first, and the pull in between steps over nothing', async () => {
    const slow = slowPush(w)
    onTestFinished(async () => {
      slow.release()
      await slow.done
      await w.db.query("delete from answers where item_id in ('unlocked', 'late-return')")
    })
    await slow.inside
    // Tablet B answers on R2 meanwhile: nothing to wait for, it commits first, with higher cursors.
    const fast = await applyPush(w.db, w.b, boxB.batch(m.answer(R2, 'late-return', answer(1, clock(3, w.b.deviceId)))), NOW)
    expect(fast.results.map((r) => r.status)).toEqual(['applied'])
    const [held] = await w.db.query<{ slow: string; fast: string }>(
      "select (select cursor from answers where item_id = 'unlocked') as slow, (select cursor from answers where item_id = 'late-return') as fast",
    )
    expect(held).toEqual({ slow: null, fast: expect.anything() })

    // The committed row lies above the open transaction's horizon: a pull now must not pass it.
    const during = await pullChanges(w.db, w.a, start, 100)
    expect(during.changes).toEqual([])
    expect(during.cursor).toBe(start)

    slow.release()
    await slow.done
    const after = await pullChanges(w.db, w.a, during.cursor, 100)
    expect(after.changes.map(key)).toEqual([`unlocked:${clock(2, w.a.deviceId)}`, `late-return:${clock(3, w.b.deviceId)}`])
  })

  it('makes a push on the same response wait for the one deciding on it', async () => {
    const slow = slowPush(w)
    onTestFinished(() => slow.release())
    await slow.inside
    const fast = tracked(applyPush(w.db, w.b, boxB.batch(m.answer(R, 'unlocked', answer(0, clock(4, w.b.deviceId)))), NOW))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(fast.done()).toBe(false)
    slow.release()
    await slow.done
    // It decided on the slow push's committed answer: B's later clock wins, A's is a loser.
    expect((await fast.promise).results.map((r) => r.status)).toEqual(['applied'])
    const history = await w.db.query<{ hlc: string }>("select answer->>'hlc' as hlc from answer_history where item_id = 'unlocked'")
    expect(history).toEqual([{ hlc: clock(2, w.a.deviceId) }])
  })

  it('applies a batch sent twice at once by one device once', async () => {
    const c = await addAccount(w.db, 'wang')
    const batch = new Outbox(c.deviceId).batch(...['smoking', 'corridor', 'absent-night'].map((item, i) => m.answer(R2, item, answer(1, clock(20 + i, c.deviceId)))))
    const [one, two] = await Promise.all([applyPush(w.db, c, batch, NOW), applyPush(w.db, c, batch, NOW)])
    expect([one.results.map((r) => r.status), two.results.map((r) => r.status)].sort()).toEqual([
      ['applied', 'applied', 'applied'],
      ['duplicate', 'duplicate', 'duplicate'],
    ])
  })

  it('is not held back by a writing transaction in another database of the cluster', async () => {
    const other = new pg.Client(PG_URL)
    await other.connect()
    try {
      await other.query('begin')
      await other.query('select pg_current_xact_id()')
      const before = (await pullChanges(w.db, w.a, 0, 1000)).cursor
      await applyPush(w.db, w.b, boxB.batch(m.answer(R2, 'late-return', answer(1, clock(30, w.b.deviceId)))), NOW)
      const page = await pullChanges(w.db, w.a, before, 100)
      expect(page.changes.map(key)).toEqual([`late-return:${clock(30, w.b.deviceId)}`])
    } finally {
      await other.query('rollback')
      await other.end()
    }
  })
})

describe.each(DATABASE_KINDS)('concurrent pushes and pulls on %s', (kind) => {
  let w: SyncWorld
  beforeAll(async () => {
    w = await syncWorld(kind)
  })
  afterAll(async () => {
    await w.db.close()
  })

  it('a device pulling while two others push sees every stored answer exactly once', async () => {
    const a = w.a.deviceId
    const b = w.b.deviceId
    const boxA = new Outbox(a)
    const boxB = new Outbox(b)
    await applyPush(w.db, w.a, boxA.batch(m.version(), m.response(header(R, clock(1, a)))), NOW)
    const items = ['unlocked', 'late-return', 'absent-night', 'smoking', 'corridor']
    const pushes = (account: typeof w.a, box: Outbox, node: string, offset: number) =>
      (async () => {
        for (let batch = 0; batch < 5; batch++) {
          const inputs = items.map((item, i) => m.answer(R, item, answer(batch, clock(10 + batch, node, offset + i))))
          await applyPush(w.db, account, box.batch(...inputs), NOW)
        }
      })()
    const seen: Change[] = []
    let cursor = 0
    let pushing = true
    const pulling = (async () => {
      for (;;) {
        // Read before the pull: a page read while the last push was still committing cannot be
        // the final one, however it ends.
        const settled = !pushing
        const page = await pullChanges(w.db, w.b, cursor, 3)
        seen.push(...page.changes)
        cursor = page.cursor
        if (settled && !page.more) break
      }
    })()
    await Promise.all([pushes(w.a, boxA, a, 0), pushes(w.b, boxB, b, 50)])
    pushing = false
    await pulling
    const keys = seen.map(key)
    expect(new Set(keys).size).toBe(keys.length)
    // The last answer pulled per item is the one the server holds.
    const last = new Map<string, string>()
    for (const c of seen) if (c.kind === 'answer') last.set(c.itemId, c.answer.hlc)
    const stored = await w.db.query<{ item: string; hlc: string }>('select item_id as item, hlc from answers order by item_id')
    expect(Object.fromEntries(stored.map((r) => [r.item, r.hlc]))).toEqual(Object.fromEntries(last))
    expect(stored).toHaveLength(items.length)
  })
})
