/**
 * Bad input at the API: each request is refused with a clear Issue (a code, a pointer, a message in
 * both languages), and no data row changes.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { API, encodeHlc, SYNC_LIMITS, type MutationInput, type PushRequest, type PushResponse } from '@/core/sync'
import type { Issue } from '@/core/result'
import { applyPush } from '../../../server/sync/push'
import { DATABASE_KINDS } from '../support/databases'
import { as, syncApp } from './support/app'
import { answer, clock, header, m, NOW, Outbox, submitted, T0 } from './support/builders'
import { appliedSeq, resetSync, snapshot, syncWorld, type SyncWorld } from './support/world'

const R = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'

const bilingual = (issue: Issue | undefined): void => {
  expect(issue?.message['zh-CN']).toMatch(/\S/)
  expect(issue?.message.en).toMatch(/\S/)
}

describe.each(DATABASE_KINDS)('bad input on %s', (kind) => {
  let w: SyncWorld
  let app: FastifyInstance
  let box: Outbox
  beforeAll(async () => {
    w = await syncWorld(kind)
    app = await syncApp(w.db)
  })
  afterAll(async () => {
    await app.close()
    await w.db.close()
  })
  beforeEach(async () => {
    await resetSync(w.db)
    box = new Outbox(w.a.deviceId)
    // Tablet A has published the dorm template and opened a draft of room 301.
    await applyPush(w.db, w.a, box.batch(m.version(), m.response(header(R, clock(1, w.a.deviceId)))), NOW)
  })

  const post = (body: unknown, account = w.a) => app.inject({ method: 'POST', url: API.push, headers: as(account), payload: body as object })

  /** Pushes one mutation and expects it refused with `code` at `pointer`, with nothing stored. */
  async function refusedAlone(input: MutationInput, code: string, pointer: string, itemId?: string): Promise<void> {
    const before = await snapshot(w.db)
    const res = await app.inject({ method: 'POST', url: API.push, headers: as(w.a), payload: box.batch(input) as object })
    expect(res.statusCode).toBe(200)
    const body = res.json<PushResponse>()
    expect(body.results).toHaveLength(1)
    expect(body.results[0]).toMatchObject({ status: 'refused', issue: { code, pointer, severity: 'error', ...(itemId && { itemId }) } })
    bilingual(body.results[0]!.issue)
    expect(await snapshot(w.db)).toEqual(before)
    // Consumed: sending it again cannot make it valid.
    expect(body.appliedSeq).toBe(3)
  }

  it('refuses an unauthenticated request', async () => {
    const res = await app.inject({ method: 'POST', url: API.push, payload: box.batch() as object })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } })
    expect((await app.inject({ method: 'GET', url: API.pull })).statusCode).toBe(401)
  })

  it('refuses a batch in another device’s name (403) and stores nothing', async () => {
    const before = await snapshot(w.db)
    const forged = new Outbox(w.b.deviceId).batch(m.answer(R, 'unlocked', answer(1, clock(2, w.b.deviceId))))
    const res = await post(forged)
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ error: { code: 'wrongDevice', pointer: '/deviceId' } })
    expect(await snapshot(w.db)).toEqual(before)
    expect(await appliedSeq(w.db, w.b.deviceId)).toBeUndefined()
  })

  it.each([
    ['not an object', [1, 2], 'badRequest', ''],
    ['no mutations list', { deviceId: 'DEVICE', batchId: 'b1' }, 'badField', '/mutations'],
    ['a mutation without seq', { deviceId: 'DEVICE', batchId: 'b1', mutations: [{ id: 'x', kind: 'answer' }] }, 'badField', '/mutations/0/seq'],
    ['an unknown kind', { deviceId: 'DEVICE', batchId: 'b1', mutations: [{ seq: 9, id: 'x', kind: 'drop table' }] }, 'badField', '/mutations/0/kind'],
    [
      'seqs out of order',
      { deviceId: 'DEVICE', batchId: 'b1', mutations: [{ seq: 9, id: 'x', kind: 'answer' }, { seq: 9, id: 'y', kind: 'answer' }] },
      'seqOrder',
      '/mutations/1/seq',
    ],
  ])('refuses a malformed body (%s) whole with 400', async (_name, body, code, pointer) => {
    const before = await snapshot(w.db)
    const res = await post(JSON.parse(JSON.stringify(body).replaceAll('DEVICE', w.a.deviceId)))
    expect(res.statusCode).toBe(400)
    const { error } = res.json<{ error: Issue }>()
    expect(error).toMatchObject({ code, pointer })
    bilingual(error)
    expect(await snapshot(w.db)).toEqual(before)
    expect(await appliedSeq(w.db, w.a.deviceId)).toBe(2)
  })

  it('refuses text that is not JSON', async () => {
    const before = await snapshot(w.db)
    const res = await app.inject({ method: 'POST', url: API.push, headers: { ...as(w.a), 'content-type': 'application/json' }, payload: '{"deviceId": ' })
    expect(res.statusCode).toBe(400)
    expect(await snapshot(w.db)).toEqual(before)
  })

  it('refuses an answer to an item the template does not have, naming the item', async () => {
    await refusedAlone(m.answer(R, 'no-such-item', answer(1, clock(2, w.a.deviceId))), 'answer.unknownItem', '/mutations/0/answer', 'no-such-item')
  })

  it('refuses an answer of the wrong type, pointing at its value', async () => {
    await refusedAlone(m.answer(R, 'unlocked', answer('many', clock(2, w.a.deviceId))), 'value.type', '/mutations/0/answer/value', 'unlocked')
  })

  it('refuses an answer of an unstorable shape before the template is asked', async () => {
    const bad = { ...answer(1, clock(2, w.a.deviceId)), value: { $gt: 1 } } as never
    await refusedAlone(m.answer(R, 'unlocked', bad), 'badField', '/mutations/0/answer/value', 'unlocked')
  })

  it('refuses a submission that core finds incomplete, pointing at the item', async () => {
    // A flagged item that asks for a photo, submitted without one.
    const h = submitted(header(R, clock(4, w.a.deviceId)))
    await refusedAlone(m.submit(h, { 'power-strip': answer(1, clock(3, w.a.deviceId)) }), 'answer.evidenceMissing', '/mutations/0/answers/power-strip', 'power-strip')
  })

  it.each([
    ['a forged clock', 'yesterday', 'badClock'],
    ['a clock with a bad node', '0001772352000000.00000.../etc', 'badClock'],
    ['a clock a year ahead', encodeHlc({ wall: T0 + 365 * 86_400_000, count: 0, node: 'dev' }), 'clockAhead'],
    // The route reads the real wall clock.
    ['a clock 11 minutes ahead of the server', encodeHlc({ wall: Date.now() + 11 * 60_000, count: 0, node: 'dev' }), 'clockAhead'],
  ])('refuses %s', async (_name, hlc, code) => {
    await refusedAlone(m.answer(R, 'unlocked', answer(1, hlc)), code, '/mutations/0/answer/hlc', 'unlocked')
  })

  it('accepts a clock a few minutes ahead (tablets drift), up to the limit', async () => {
    const ahead = encodeHlc({ wall: NOW.getTime() + 9 * 60_000, count: 0, node: w.a.deviceId })
    const result = await applyPush(w.db, w.a, box.batch(m.answer(R, 'unlocked', answer(1, ahead))), NOW)
    expect(result.results.map((r) => r.status)).toEqual(['applied'])
  })

  it('tells the user to fix the tablet’s date when its clock runs ahead', async () => {
    const res = await post(box.batch(m.response(header(R, encodeHlc({ wall: T0 + 365 * 86_400_000, count: 0, node: 'dev' })))))
    const issue = res.json<PushResponse>().results[0]!.issue!
    expect(issue.code).toBe('clockAhead')
    expect(issue.message['zh-CN']).toContain('日期和时间')
    expect(issue.message.en).toContain('date and time')
  })

  it('refuses a response header on a template version the server does not have', async () => {
    await refusedAlone(m.response(header('a0000000-0000-4000-8000-000000000001', clock(2, w.a.deviceId), { templateVersion: 7 })), 'unknownTemplateVersion', '/mutations/0/response/templateVersion')
  })

  it('refuses a template version that is not a valid template', async () => {
    const broken = { templateId: 'broken', version: 1, template: { id: 'broken', version: 1, title: 'x', sections: 'none' }, publishedAt: '2026-03-01T08:00:00.000Z' }
    const before = await snapshot(w.db)
    const res = await post(box.batch(m.version(broken as never)))
    const result = res.json<PushResponse>().results[0]!
    expect(result.status).toBe('refused')
    expect(result.issue!.pointer.startsWith('/mutations/0/version/template')).toBe(true)
    expect(await snapshot(w.db)).toEqual(before)
  })

  it('refuses text PostgreSQL cannot store, instead of failing the batch', async () => {
    await refusedAlone(m.answer(R, 'unlocked', answer(1, clock(2, w.a.deviceId), { note: 'a\u0000b' })), 'badText', '/mutations/0/answer/note')
  })

  it('refuses a batch of more mutations than the limit (413), storing nothing', async () => {
    const before = await snapshot(w.db)
    const many = Array.from({ length: SYNC_LIMITS.maxBatch + 1 }, (_, i) => m.answer(R, 'unlocked', answer(1, clock(2, w.a.deviceId, i))))
    const res = await post(box.batch(...many))
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ error: { code: 'batchTooLarge', pointer: '/mutations' } })
    expect(await snapshot(w.db)).toEqual(before)
    expect(await appliedSeq(w.db, w.a.deviceId)).toBe(2)
  })

  it('refuses a body larger than the push limit (413), storing nothing', async () => {
    const before = await snapshot(w.db)
    const big: PushRequest = box.batch(m.answer(R, 'unlocked', answer(1, clock(2, w.a.deviceId), { note: 'x'.repeat(SYNC_LIMITS.maxPushBytes) })))
    const res = await post(big)
    expect(res.statusCode).toBe(413)
    expect(await snapshot(w.db)).toEqual(before)
    // Under the push limit (and over Fastify's 1 MiB default) the body is read, and the field refused.
    const read = await post(box.batch(m.answer(R, 'unlocked', answer(1, clock(2, w.a.deviceId), { note: 'x'.repeat(2 * 1024 ** 2) }))))
    expect(read.statusCode).toBe(200)
    expect(read.json<PushResponse>().results[0]).toMatchObject({ status: 'refused', issue: { code: 'badField', pointer: '/mutations/0/answer/note' } })
    expect(await snapshot(w.db)).toEqual(before)
  })

  it('applies the valid mutations of a batch and refuses the invalid one alone', async () => {
    const a = w.a.deviceId
    const res = await post(box.batch(m.answer(R, 'unlocked', answer(1, clock(2, a))), m.answer(R, 'unlocked', answer('x', clock(3, a))), m.answer(R, 'late-return', answer(1, clock(4, a)))))
    expect(res.json<PushResponse>().results.map((r) => r.status)).toEqual(['applied', 'refused', 'applied'])
    expect((await snapshot(w.db)).answers).toBe(2)
  })

  it('refuses pull parameters that are not whole numbers', async () => {
    for (const query of ['after=-1', 'after=abc', `limit=${SYNC_LIMITS.maxPullPage + 1}`, 'after=1e3']) {
      const res = await app.inject({ method: 'GET', url: `${API.pull}?${query}`, headers: as(w.b) })
      expect(res.statusCode, query).toBe(400)
      expect(res.json<{ error: Issue }>().error.code).toBe('badQuery')
    }
    const ok = await app.inject({ method: 'GET', url: `${API.pull}?after=0&limit=10`, headers: as(w.b) })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().changes).toHaveLength(2)
  })
})
