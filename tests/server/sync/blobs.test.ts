/** Attachment bytes: verified against their address, deduplicated, refused whole when cut short. */
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { API } from '@/core/sync'
import type { Issue } from '@/core/result'
import { postgresBlobStore } from '../../../server/blobs/postgres-store'
import { applyPush } from '../../../server/sync/push'
import { DATABASE_KINDS } from '../support/databases'
import { as, syncApp } from './support/app'
import { attachment, clock, header, m, NOW, Outbox } from './support/builders'
import { resetSync, snapshot, syncWorld, type SyncWorld } from './support/world'

const R = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b'
/** A photo-sized payload (over Fastify’s 1 MiB default body limit), not all one byte, so a cut changes the hash. */
const photo = Uint8Array.from({ length: 1_500_000 }, (_, i) => (i * 7919) % 251)
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

describe.each(DATABASE_KINDS)('blobs on %s', (kind) => {
  let w: SyncWorld
  let app: FastifyInstance
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
    // The answer and its attachment metadata come first; the bytes follow.
    const a = w.a.deviceId
    await applyPush(w.db, w.a, new Outbox(a).batch(m.version(), m.response(header(R, clock(1, a))), m.attachment(attachment('ph-1', R, sha(photo), photo.byteLength))), NOW)
  })

  const put = (hash: string, bytes: Uint8Array) =>
    app.inject({ method: 'PUT', url: `${API.blobs}/${hash}`, headers: { ...as(w.a), 'content-type': 'application/octet-stream' }, payload: Buffer.from(bytes) })

  it('stores verified bytes once: the same upload twice is one row', async () => {
    const first = await put(sha(photo), photo)
    expect(first.statusCode).toBe(201)
    expect(first.json()).toEqual({ sha256: sha(photo), status: 'stored' })
    const second = await put(sha(photo), photo)
    expect(second.statusCode).toBe(200)
    expect(second.json()).toEqual({ sha256: sha(photo), status: 'exists' })
    expect((await snapshot(w.db)).blobs).toBe(1)
    const head = await app.inject({ method: 'HEAD', url: `${API.blobs}/${sha(photo)}`, headers: as(w.b) })
    expect(head.statusCode).toBe(200)
    const got = await app.inject({ method: 'GET', url: `${API.blobs}/${sha(photo)}`, headers: as(w.b) })
    expect(got.statusCode).toBe(200)
    expect(got.headers['content-type']).toBe('application/octet-stream')
    expect(sha(got.rawPayload)).toBe(sha(photo))
  })

  it.each([
    ['other bytes under the hash', () => Uint8Array.from(photo, (b) => b ^ 1)],
    ['a half upload: the first half of the bytes with the whole file’s hash', () => photo.subarray(0, photo.byteLength / 2)],
  ])('refuses %s (400 hashMismatch) and stores nothing', async (_name, bytes) => {
    const before = await snapshot(w.db)
    const res = await put(sha(photo), bytes())
    expect(res.statusCode).toBe(400)
    const { error } = res.json<{ error: Issue }>()
    expect(error.code).toBe('hashMismatch')
    expect(error.message['zh-CN']).toMatch(/重新上传/)
    expect(await snapshot(w.db)).toEqual(before)
    expect((await app.inject({ method: 'HEAD', url: `${API.blobs}/${sha(photo)}`, headers: as(w.a) })).statusCode).toBe(404)
    // The whole file afterwards is accepted.
    expect((await put(sha(photo), photo)).statusCode).toBe(201)
  })

  it('refuses bytes no attachment refers to, and addresses that are not a SHA-256', async () => {
    const stray = Uint8Array.from([1, 2, 3])
    const res = await put(sha(stray), stray)
    expect(res.statusCode).toBe(409)
    expect(res.json<{ error: Issue }>().error.code).toBe('blobNotReferenced')
    for (const bad of [sha(photo).toUpperCase(), sha(photo).slice(1), '..%2F..%2Fetc%2Fpasswd']) {
      const r = await put(bad, photo)
      expect(r.statusCode, bad).toBe(400)
      expect(r.json<{ error: Issue }>().error.code).toBe('badHash')
    }
    expect((await snapshot(w.db)).blobs).toBe(0)
  })

  it('answers 404 for bytes it does not hold, and refuses anyone not signed in', async () => {
    expect((await app.inject({ method: 'GET', url: `${API.blobs}/${sha(photo)}`, headers: as(w.a) })).statusCode).toBe(404)
    expect((await app.inject({ method: 'HEAD', url: `${API.blobs}/${sha(photo)}` })).statusCode).toBe(401)
    const anon = await app.inject({ method: 'PUT', url: `${API.blobs}/${sha(photo)}`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from(photo) })
    expect(anon.statusCode).toBe(401)
    expect((await snapshot(w.db)).blobs).toBe(0)
  })

  it('the PostgreSQL store deduplicates by hash and gives back the bytes it was given', async () => {
    const store = postgresBlobStore(w.db)
    const bytes = Uint8Array.from([0, 255, 10, 13])
    expect(await store.has(sha(bytes))).toBe(false)
    expect(await store.put(sha(bytes), bytes)).toBe('stored')
    expect(await store.put(sha(bytes), bytes)).toBe('exists')
    expect(await store.get(sha(bytes))).toEqual(bytes)
    expect(await store.get(sha(photo))).toBeUndefined()
  })
})
