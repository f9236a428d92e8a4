/**
 * Cursors follow commit order: a pull never passes over a change that commits late. Pushes take
 * one advisory lock for their whole transaction (PUSH_LOCK), so a push that starts while another
 * is open waits, and takes its cursors after the first one's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Change } from '@/core/sync'
import { applyPush, PUSH_LOCK } from '../../../server/sync/push'
import { pullChanges } from '../../../server/sync/pull'
import { DATABASE_KINDS, PG_URL } from '../support/databases'
import { answer, clock, header, m, NOW, Outbox } from './support/builders'
import { syncWorld, type SyncWorld } from './support/world'

const R = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d'
const key = (c: Change): string => (c.kind === 'answer' ? `${c.itemId}:${c.answer.hlc}` : c.kind === 'response' ? `response:${c.response.id}` : c.kind)

// PGlite is one connection and runs transactions one after another: only PostgreSQL interleaves them.
describe.skipIf(!PG_URL)('commit order on postgres', () => {
  let w: SyncWorld
  beforeAll(async () => {
    w = await syncWorld('postgres')
  })
  afterAll(async () => {
    await w.db.close()
  })

  it('makes a push wait for one still open, so the pull in between skips nothing', async () => {
    const a = w.a.deviceId
    await applyPush(w.db, w.a, new Outbox(a).batch(m.version(), m.response(header(R, clock(1, a)))), NOW)
    const start = (await pullChanges(w.db, w.a, 0, 100)).cursor

    // A slow push: holds the lock with a row written, not yet committed.
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let entered!: () => void
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const slow = w.db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [PUSH_LOCK])
      await tx.query("insert into answers (response_id, item_id, answer, hlc, cursor) values ($1, 'unlocked', $2::text::jsonb, $3, nextval('sync_change_seq'))", [
        R,
        JSON.stringify(answer(1, clock(2, a))),
        clock(2, a),
      ])
      entered()
      await gate
    })
    await inside
    // A fast push from tablet B starts meanwhile; it must wait for the lock.
    let fastDone = false
    const fast = applyPush(w.db, w.b, new Outbox(w.b.deviceId).batch(m.answer(R, 'late-return', answer(1, clock(3, w.b.deviceId)))), NOW).then((r) => {
      fastDone = true
      return r
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(fastDone).toBe(false)
    const during = await pullChanges(w.db, w.a, start, 100)
    expect(during.changes).toEqual([])
    expect(during.cursor).toBe(start)

    release()
    await slow
    expect((await fast).results.map((r) => r.status)).toEqual(['applied'])
    const after = await pullChanges(w.db, w.a, during.cursor, 100)
    expect(after.changes.map(key)).toEqual([`unlocked:${clock(2, a)}`, `late-return:${clock(3, w.b.deviceId)}`])
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
