/**
 * A push costs a fixed number of statements however many answers it carries (issue #13,
 * docs/design/push-lock.md): the locks with what is read before them, one read after them, one
 * write. Counted inside the push's transaction; BEGIN and COMMIT come on top.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db, Queryable } from '../../../server/db/types'
import { applyPush } from '../../../server/sync/push'
import { DATABASE_KINDS } from '../support/databases'
import { answer, clock, header, m, NOW, Outbox } from './support/builders'
import { resetSync, syncWorld, type SyncWorld } from './support/world'

const R1 = '2f0c3a9e-5b7d-4e1f-9a2b-3c4d5e6f7a81'
const R2 = '2f0c3a9e-5b7d-4e1f-9a2b-3c4d5e6f7a82'
const ITEMS = ['unlocked', 'appliance-stored', 'wiring', 'power-strip', 'late-return', 'smoking', 'corridor', 'combustibles']

/** `db`, noting the text of every statement its transactions run. */
function counting(db: Db, statements: string[]): Db {
  return {
    ...db,
    transaction: (work) =>
      db.transaction((tx) => {
        const noted: Queryable = { query: (sql, params) => (statements.push(sql), tx.query(sql, params)), script: (sql) => tx.script(sql) }
        return work(noted)
      }),
  }
}

describe.each(DATABASE_KINDS)('statements per push on %s', (kind) => {
  let w: SyncWorld
  beforeAll(async () => {
    w = await syncWorld(kind)
  })
  afterAll(async () => {
    await w.db.close()
  })
  beforeEach(async () => {
    await resetSync(w.db)
  })

  it('decides a header and its answers on one read and writes them in one statement, whatever their number', async () => {
    const a = w.a.deviceId
    const box = new Outbox(a)
    await applyPush(w.db, w.a, box.batch(m.version()), NOW)
    for (const [id, n] of [[R1, 1], [R2, ITEMS.length]] as const) {
      const statements: string[] = []
      const answers = ITEMS.slice(0, n).map((item, i) => m.answer(id, item, answer(1, clock(2 + i, a))))
      const result = await applyPush(counting(w.db, statements), w.a, box.batch(m.response(header(id, clock(1, a))), ...answers), NOW)
      expect(result.results.map((r) => r.status)).toEqual(Array(n + 1).fill('applied'))
      expect(statements, statements.join('\n----\n')).toHaveLength(3)
    }
    // Written together, yet with cursors in push order: the header first, then each answer.
    const rows = await w.db.query<{ item: string | null }>(
      `select null as item, cursor from responses where id = $1 union all select item_id, cursor from answers where response_id = $1 order by cursor`,
      [R2],
    )
    expect(rows.map((r) => r.item)).toEqual([null, ...ITEMS])
  })
})
