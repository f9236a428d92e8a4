/** The server scores submitted responses itself: a score a device sends is never stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import type { ResponseHeader } from '@/core/sync'
import { applyPush } from '../../../server/sync/push'
import { pullChanges } from '../../../server/sync/pull'
import { DATABASE_KINDS } from '../support/databases'
import { answer, clock, dorm, header, m, NOW, Outbox, submitted } from './support/builders'
import { syncWorld, type SyncWorld } from './support/world'

const R = '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a'

describe.each(DATABASE_KINDS)('server-side scoring on %s', (kind) => {
  let w: SyncWorld
  beforeAll(async () => {
    w = await syncWorld(kind)
  })
  afterAll(async () => {
    await w.db.close()
  })

  it('ignores a forged total in the header and stores core’s score of the answers', async () => {
    const a = w.a.deviceId
    // A red line (宿舍之间互拉电线: total → 0), with a header claiming full marks.
    const forged = { ...submitted(header(R, clock(4, a))), total: 100, percent: 100, band: '优秀', score: { total: 100 } } as unknown as ResponseHeader
    const answers = { 'cross-room-wiring': answer('yes', clock(3, a), { attachments: ['ph-wire'] }), unlocked: answer(1, clock(3, a)) }
    const result = await applyPush(w.db, w.a, new Outbox(a).batch(m.version(), m.submit(forged, answers)), NOW)
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied'])

    const [row] = await w.db.query<{ total: number; percent: number; band: string; header: Record<string, unknown>; result: { total: number } }>(
      'select total::float8 as total, percent::float8 as percent, band, header, result from responses where id = $1',
      [R],
    )
    const expected = scoreResponse(dorm, { templateId: dorm.id, templateVersion: 1, answers: { 'cross-room-wiring': { value: 'yes', attachments: ['ph-wire'] }, unlocked: { value: 1 } } })
    expect(expected.total).toBe(0)
    expect(row).toMatchObject({ total: 0, percent: 0, band: '不合格', result: { total: 0 } })
    expect(row!.band).toBe(expected.band?.label)
    // The forged fields are not kept, and do not travel to other devices.
    expect(row!.header).not.toHaveProperty('total')
    expect(row!.header).not.toHaveProperty('score')
    const pulled = (await pullChanges(w.db, w.b, 0, 100)).changes.find((c) => c.kind === 'response')
    expect(pulled?.kind === 'response' && pulled.response).not.toHaveProperty('total')
  })
})
