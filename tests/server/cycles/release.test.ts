/**
 * Releasing a cycle (#15): the results and every submitted review of the cycle within its scope
 * reach the branches at once, past their devices' cursors; a response's `cycleId` travels end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullResponse, ResponseHeader } from '@/core/sync'
import { API, type SyncCycle } from '@/core/sync/protocol'
import { DATABASE_KINDS } from '../support/databases'
import { m, submitted } from '../sync/support/builders'
import { scopedWorld, type Actor, type Place, type ScopedWorld } from '../access/support/world'
import { addBranches, branchOf, cycleInput } from './support'

const responsesIn = (pull: PullResponse, ids: readonly string[]) => pull.changes.flatMap((c) => (c.kind === 'response' && ids.includes(c.response.id) ? [c] : []))

describe.each(DATABASE_KINDS)('cycle release on %s', (kind) => {
  let w: ScopedWorld
  beforeAll(async () => {
    w = await scopedWorld(kind)
    await addBranches(w)
  }, 120_000)
  afterAll(async () => {
    await w?.server.close()
  })

  const release = (actor: Actor, id: string) => w.server.app.inject({ method: 'POST', url: `${API.cycles}/${id}/release`, headers: w.people[actor].session.writeHeaders })
  async function cycle(): Promise<SyncCycle> {
    const r = await w.server.app.inject({ method: 'POST', url: API.cycles, headers: w.people.admin.session.writeHeaders, payload: cycleInput() })
    expect(r.statusCode).toBe(201)
    return r.json<SyncCycle>()
  }
  const entry = (place: Place, cycleId: string, fields: Partial<ResponseHeader>): ResponseHeader => w.draft('admin', place, { subjectId: branchOf(place), cycleId, ...fields })
  const released = async (ids: readonly string[]): Promise<string[]> =>
    (await w.server.db.query<{ id: string }>('select id from responses where id = any($1::text[]) and released_at is not null order by id', [[...ids]])).map((r) => r.id).sort()

  it('keeps a response’s cycleId from push to pull, and refuses one longer than a cycle id may be', async () => {
    const { id } = await cycle()
    const self = submitted(w.draft('inspector', 'in', { role: 'self', subjectId: branchOf('in'), cycleId: id }))
    expect((await w.push('inspector', m.submit(self, {})))[0]!.status).toBe('applied')
    const [pulled] = responsesIn(await w.pull('viewer'), [self.id])
    expect(pulled?.kind === 'response' && pulled.response.cycleId).toBe(id)
    const long = w.draft('inspector', 'in', { role: 'self', cycleId: 'c'.repeat(65) })
    const [refused] = await w.push('inspector', m.response(long))
    expect(refused).toMatchObject({ status: 'refused', issue: { pointer: '/mutations/0/response/cycleId' } })
  })

  it('releases the cycle and its submitted reviews in scope, once, audited; the branch’s device then receives them', async () => {
    const c = await cycle()
    const self = submitted(w.draft('inspector', 'in', { role: 'self', subjectId: branchOf('in'), cycleId: c.id }))
    await w.push('inspector', m.submit(self, {}))
    const reviews = [1, 2].map(() => submitted(w.draft('reviewer', 'in', { role: 'review', reviewOf: self.id, subjectId: branchOf('in'), cycleId: c.id })))
    for (const review of reviews) expect((await w.push('reviewer', m.submit(review, {})))[0]!.status).toBe('applied')
    const draft = w.draft('reviewer', 'in', { role: 'review', reviewOf: self.id, subjectId: branchOf('in'), cycleId: c.id })
    await w.push('reviewer', m.response(draft))
    // Not this cycle's, or outside its scope (a device names the cycle in its own header).
    const elsewhere = submitted(entry('in', 'cycle-other', { role: 'review' }))
    const outside = submitted(entry('out', c.id, { role: 'review' }))
    await w.push('admin', m.submit(elsewhere, {}), m.submit(outside, {}))

    const before = await w.pull('inspector')
    expect(responsesIn(before, reviews.map((r) => r.id))).toEqual([])
    w.server.clock.advance(60_000)
    const r = await release('admin', c.id)
    expect(r.statusCode).toBe(200)
    const at = w.server.clock.now.toISOString()
    expect(r.json<SyncCycle>()).toEqual({ ...c, releasedAt: at, updatedAt: at })
    expect(await released([...reviews, draft, elsewhere, outside].map((x) => x.id))).toEqual(reviews.map((x) => x.id).sort())

    const after = await w.pull('inspector', before.cursor)
    const got = responsesIn(after, reviews.map((x) => x.id))
    expect(got.map((x) => x.kind === 'response' && x.releasedAt)).toEqual([at, at])
    expect(after.changes.filter((x) => x.kind === 'cycle' && x.cycle.id === c.id).map((x) => x.kind === 'cycle' && x.cycle.releasedAt)).toEqual([at])

    // Again: the first time is kept and nothing new is audited…
    w.server.clock.advance(60_000)
    expect((await release('admin', c.id)).json<SyncCycle>().releasedAt).toBe(at)
    const audits = async () => w.server.db.query<{ detail: { responseIds: string[] } }>(`select detail from audit_log where action = 'cycleReleased' and detail->>'cycleId' = $1 order by id`, [c.id])
    expect((await audits()).map((a) => a.detail.responseIds.sort())).toEqual([reviews.map((x) => x.id).sort()])
    // …until a review submitted since is released by it.
    await w.push('reviewer', m.submit(submitted(draft), {}))
    expect((await release('admin', c.id)).json<SyncCycle>().releasedAt).toBe(at)
    expect(await released([draft.id])).toEqual([draft.id])
    expect((await audits()).map((a) => a.detail.responseIds)).toEqual([expect.any(Array), [draft.id]])
  })

  it('answers 404 to a cycle nobody has, and needs the CSRF token', async () => {
    expect((await release('admin', 'cycle-nowhere')).statusCode).toBe(404)
    const { id } = await cycle()
    const r = await w.server.app.inject({ method: 'POST', url: `${API.cycles}/${id}/release`, headers: w.people.admin.session.readHeaders })
    expect(r.statusCode).toBe(403)
  })
})
