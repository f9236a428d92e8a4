/** The same batch pushed three times (lost acknowledgements) is applied once. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { applyPush } from '../../../server/sync/push'
import { DATABASE_KINDS } from '../support/databases'
import { answer, clock, header, m, NOW, Outbox, submitted } from './support/builders'
import { appliedSeq, resetSync, snapshot, syncWorld, type SyncWorld } from './support/world'

const R = '9b2d7d4e-1f2a-4c3b-8d5e-6f7a8b9c0d1e'

describe.each(DATABASE_KINDS)('replayed pushes on %s', (kind) => {
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

  it('applies a batch once however often it arrives: duplicates, same rows, same cursors', async () => {
    const a = w.a.deviceId
    const box = new Outbox(a)
    const batch = box.batch(
      m.version(),
      m.response(header(R, clock(1, a))),
      m.answer(R, 'unlocked', answer(1, clock(2, a))),
      m.answer(R, 'unlocked', answer(2, clock(3, a))),
      m.submit(submitted(header(R, clock(5, a))), { unlocked: answer(2, clock(3, a)) }),
    )
    const first = await applyPush(w.db, w.a, batch, NOW)
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied'])
    expect(first.appliedSeq).toBe(5)
    const after = await snapshot(w.db)

    for (let i = 0; i < 2; i++) {
      const again = await applyPush(w.db, w.a, batch, NOW)
      expect(again.results.map((r) => r.status)).toEqual(Array(5).fill('duplicate'))
      expect(again.appliedSeq).toBe(5)
      expect(await snapshot(w.db)).toEqual(after)
    }
    expect(after).toMatchObject({ template_versions: 1, responses: 1, answers: 1, answer_history: 1 })
    expect(await appliedSeq(w.db, a)).toBe(5)
  })

  it('applies only the new tail of a batch that overlaps one already applied', async () => {
    const a = w.a.deviceId
    const box = new Outbox(a)
    const first = box.batch(m.version(), m.response(header(R, clock(1, a))))
    await applyPush(w.db, w.a, first, NOW)
    const tail = box.batch(m.answer(R, 'unlocked', answer(1, clock(2, a))))
    const overlap = { ...tail, mutations: [...first.mutations, ...tail.mutations] }
    const result = await applyPush(w.db, w.a, overlap, NOW)
    expect(result.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'applied'])
    expect(result.appliedSeq).toBe(3)
  })

  it('keeps each device’s sequence apart: the same seq from another device is not a duplicate', async () => {
    const a = w.a.deviceId
    await applyPush(w.db, w.a, new Outbox(a).batch(m.version(), m.response(header(R, clock(1, a)))), NOW)
    const fromB = await applyPush(w.db, w.b, new Outbox(w.b.deviceId).batch(m.answer(R, 'unlocked', answer(1, clock(2, w.b.deviceId)))), NOW)
    expect(fromB.results.map((r) => r.status)).toEqual(['applied'])
  })
})
