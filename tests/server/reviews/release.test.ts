/**
 * Review as a step: a submitted review reaches the reviewed branch only once released; until
 * then only those who may review its scope receive it. Releasing re-sends it past cursors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullResponse, ResponseHeader } from '@/core/sync'
import { API } from '@/core/sync/protocol'
import { DATABASE_KINDS } from '../support/databases'
import { m, submitted } from '../sync/support/builders'
import { scopedWorld, type Actor, type ScopedWorld } from '../access/support/world'

const about = (pull: PullResponse, id: string) => pull.changes.filter((c) => c.kind === 'response' && c.response.id === id)

describe.each(DATABASE_KINDS)('review release on %s', (kind) => {
  let w: ScopedWorld
  beforeAll(async () => {
    w = await scopedWorld(kind)
  }, 120_000)
  afterAll(async () => {
    await w?.server.close()
  })

  /** A branch's submitted self-assessment and the reviewer's submitted review of it, in scope. */
  async function reviewed(): Promise<{ self: ResponseHeader; review: ResponseHeader }> {
    const self = submitted(w.draft('inspector', 'in'))
    const review = submitted(w.draft('reviewer', 'in', { role: 'review', reviewOf: self.id }))
    expect((await w.push('inspector', m.submit(self, {})))[0]!.status).toBe('applied')
    expect((await w.push('reviewer', m.submit(review, {})))[0]!.status).toBe('applied')
    return { self, review }
  }
  const release = (actor: Actor, id: string) => w.server.app.inject({ method: 'POST', url: `${API.reviews}/${id}/release`, headers: w.people[actor].session.writeHeaders })

  it('keeps an unreleased review from the reviewed and shows it to reviewers', async () => {
    const { self, review } = await reviewed()
    expect(about(await w.pull('inspector'), self.id)).toHaveLength(1)
    expect(about(await w.pull('inspector'), review.id)).toHaveLength(0)
    expect(about(await w.pull('viewer'), review.id)).toHaveLength(0)
    const seen = about(await w.pull('reviewer'), review.id)
    expect(seen).toHaveLength(1)
    expect(seen[0]).not.toHaveProperty('releasedAt')
  })

  it('releases once, audited, and re-sends the review past the reviewed device’s cursor', async () => {
    const { review } = await reviewed()
    const before = await w.pull('inspector')
    const r = await release('reviewer', review.id)
    expect(r.statusCode).toBe(200)
    const { releasedAt } = r.json<{ releasedAt: string }>()
    const after = about(await w.pull('inspector', before.cursor), review.id)
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ kind: 'response', releasedAt, answers: {} })
    // Releasing again keeps the first time and writes no second audit entry.
    const again = await release('reviewer', review.id)
    expect(again.json<{ releasedAt: string }>().releasedAt).toBe(releasedAt)
    const audits = await w.server.db.query(`select 1 from audit_log where action = 'reviewReleased' and detail->>'responseId' = $1`, [review.id])
    expect(audits).toHaveLength(1)
  })

  it('refuses a draft review, a self-assessment, and anyone who may not review the scope', async () => {
    const { self, review } = await reviewed()
    const draft = w.draft('reviewer', 'in', { role: 'review', reviewOf: self.id })
    await w.push('reviewer', m.response(draft))
    expect((await release('reviewer', draft.id)).json<{ error: { code: string } }>().error.code).toBe('reviewNotSubmitted')
    expect((await release('reviewer', self.id)).statusCode).toBe(404)
    for (const actor of ['inspector', 'viewer', 'designer'] as const) expect((await release(actor, review.id)).statusCode).toBe(404)
    const stored = await w.server.db.query<{ released_at: Date | null }>('select released_at from responses where id = $1', [review.id])
    expect(stored[0]!.released_at).toBeNull()
  })

  it('needs the CSRF token', async () => {
    const { review } = await reviewed()
    const r = await w.server.app.inject({ method: 'POST', url: `${API.reviews}/${review.id}/release`, headers: w.people.reviewer.session.readHeaders })
    expect(r.statusCode).toBe(403)
  })
})
