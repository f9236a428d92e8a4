/**
 * Change cursors (migration 005): `(xid + base) × 2^20 + n`, in order within a transaction, above
 * every stored cursor even when the transaction counter is behind them (a dump restored into a new
 * cluster), and never below a device's saved sequence cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyPush } from '../../../server/sync/push'
import { pullChanges } from '../../../server/sync/pull'
import { NEXT_CURSOR } from '../../../server/sync/sql'
import { DATABASE_KINDS } from '../support/databases'
import { answer, clock, header, m, NOW, Outbox } from './support/builders'
import { syncWorld, type SyncWorld } from './support/world'

const R = '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f'
const SPAN = 2 ** 20

describe.each(DATABASE_KINDS)('change cursors on %s', (kind) => {
  let w: SyncWorld
  let box: Outbox
  beforeAll(async () => {
    w = await syncWorld(kind)
    box = new Outbox(w.a.deviceId)
    await applyPush(w.db, w.a, box.batch(m.version(), m.response(header(R, clock(1, w.a.deviceId)))), NOW)
  })
  afterAll(async () => {
    await w.db.close()
  })

  it('numbers one transaction’s cursors 1, 2, 3 … after its xid, and the next transaction’s above them', async () => {
    const take = () =>
      w.db.transaction(async (tx) => {
        const [row] = await tx.query<{ xid: string; cursors: string[] }>(
          `select pg_current_xact_id()::text as xid, array[${NEXT_CURSOR}, ${NEXT_CURSOR}]::text[] || array[${NEXT_CURSOR}::text] as cursors`,
        )
        return { xid: Number(row!.xid), cursors: row!.cursors.map(Number) }
      })
    const first = await take()
    const second = await take()
    expect(first.cursors[0]! % SPAN).toBe(1)
    expect(first.cursors.map((c) => c - first.cursors[0]!)).toEqual([0, 1, 2])
    expect(Math.floor(first.cursors[0]! / SPAN)).toBeGreaterThanOrEqual(first.xid)
    expect(second.cursors[0]! % SPAN).toBe(1)
    expect(second.cursors[0]!).toBeGreaterThan(first.cursors[2]!)
  })

  it('moves new cursors above stored ones the transaction counter has not reached (a restored dump)', async () => {
    // A row as a restore from a busier cluster leaves it: its cursor far above this counter.
    const [ahead] = await w.db.query<{ c: string }>(`select ((pg_current_xact_id()::text::bigint + 5000) * ${SPAN} + 7)::text as c`)
    await w.db.query('update responses set cursor = $2 where id = $1', [R, ahead!.c])
    const saved = Number(ahead!.c)
    await w.db.query('select rebase_cursors()')
    await applyPush(w.db, w.a, box.batch(m.answer(R, 'unlocked', answer(1, clock(2, w.a.deviceId)))), NOW)
    const [stored] = await w.db.query<{ c: string }>("select cursor::text as c from answers where item_id = 'unlocked'")
    expect(Number(stored!.c)).toBeGreaterThan(saved)
    // A device whose cursor is the restored row's still receives what is written after it.
    const page = await pullChanges(w.db, w.a, saved, 100)
    expect(page.changes.map((c) => c.kind)).toEqual(['answer'])
  })
})
