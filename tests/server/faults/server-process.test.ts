/**
 * Issue #13, proof 2: faults between a real device (Dexie, the app's HTTP transport) and the real
 * server process (`server/main.ts`). Each ends with nothing lost and nothing duplicated:
 * - a push whose acknowledgement is lost twice (the first time because the server is killed right
 *   after its commit) arrives three times and is applied once;
 * - a photo upload cut in half stores nothing, and the device's retry stores it once;
 * - the server killed (SIGKILL) in the middle of a push commits the batch whole or not at all, and
 *   the device sends it again after the restart.
 * The last test reads the database itself for every device of the earlier ones. One server per
 * database kind serves the whole file: PGlite takes seconds to start.
 */
import { request as httpRequest } from 'node:http'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API, CSRF_HEADER, type Mutation, type PushResponse } from '@/core/sync'
import { addAttachment } from '@/db'
import { pendingUploadCount } from '@/db/repositories/sync'
import { sha256Of } from '../../../server/blobs/verify'
import { runSync } from '@/sync/engine'
import { DATABASE_KINDS } from '../support/databases'
import { dormItemIds, editAnswers, fillRooms, held, pullAll, signedInDevice, type Device } from './support/device'
import { pushWriting, recordAnswers, statusCounts } from './support/observe'
import { ADMIN, counts, faultServer, type Counts, type FaultServer } from './support/server'

const ITEMS = dormItemIds().length
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A connection that fails the way a dropped one does in a browser's fetch. */
const dropped = (when: string) => new TypeError(`fetch failed: connection reset ${when}`)

/** What each test expects the database to hold for its device, checked by the last test. */
interface Expected {
  what: string
  device: { deviceId: string; responseIds: string[]; sha256?: string }
  counts: Counts
}

describe.each(DATABASE_KINDS)('the server process on %s, under faults', (kind) => {
  let server: FaultServer
  const expected: Expected[] = []
  beforeAll(async () => {
    server = await faultServer(kind)
  }, 90_000)
  afterAll(async () => {
    await server?.close()
  })
  const device = () => signedInDevice(server.proc.url, ADMIN.username, ADMIN.password)

  it('applies a push once when its acknowledgement is lost twice (once as the server is killed) and it arrives three times', { timeout: 60_000 }, async () => {
    const tablet = await device()
    const responseIds = await fillRooms(tablet.db, 4)
    await runSync(tablet.db, tablet.transport)
    await editAnswers(tablet.db, responseIds, 20)
    const before = await pullAll(server.proc.url, tablet)

    const answers = recordAnswers(tablet.wire)
    let lost = 0
    const recorded = tablet.wire.fault
    tablet.wire.fault = async (request, send) => {
      const response = await recorded(request, send)
      if (request.path !== API.push || lost === 2) return response
      // The server committed and answered; the answer never reaches the device. The first time,
      // the server dies right then (SIGKILL): what it committed must survive that too.
      await response.arrayBuffer()
      if (++lost === 1) await server.proc.stop('SIGKILL')
      throw dropped(lost === 1 ? 'as the server died' : 'after the server answered')
    }
    await expect(runSync(tablet.db, tablet.transport)).rejects.toMatchObject({ name: 'TransportError', failure: 'network' })
    await server.proc.restart()
    const afterFirst = await pullAll(server.proc.url, tablet)
    await expect(runSync(tablet.db, tablet.transport)).rejects.toMatchObject({ failure: 'network' })
    expect(await tablet.db.outbox.count()).toBe(20)
    const report = await runSync(tablet.db, tablet.transport)

    // Three arrivals of the same mutations: applied by the first, duplicates after.
    const sent = tablet.wire.pushes.slice(-3).map((body) => (JSON.parse(body) as { mutations: Mutation[] }).mutations)
    expect(sent[1]).toEqual(sent[0])
    expect(sent[2]).toEqual(sent[0])
    expect(answers.map(statusCounts)).toEqual([{ applied: 20 }, { duplicate: 20 }, { duplicate: 20 }])
    expect(report).toMatchObject({ pushed: 20, refused: [] })
    expect(await tablet.db.outbox.count()).toBe(0)

    // The first arrival changed the 20 answers; the later ones rewrote nothing (same cursors).
    const changed = held(afterFirst, responseIds).keys.filter((k) => !held(before, responseIds).keys.includes(k))
    expect(changed).toHaveLength(20)
    expect(await pullAll(server.proc.url, tablet)).toEqual(afterFirst)

    // A proxy repeating the very same request (same batchId, same bytes) is a duplicate too.
    const replay = await fetch(server.proc.url + API.push, {
      method: 'POST',
      headers: { ...tablet.headers, 'content-type': 'application/json' },
      body: tablet.wire.pushes.at(-1)!,
    })
    expect(statusCounts((await replay.json()) as PushResponse)).toEqual({ duplicate: 20 })
    expect(await pullAll(server.proc.url, tablet)).toEqual(afterFirst)

    expected.push({
      what: 'replayed push',
      device: { deviceId: tablet.deviceId, responseIds },
      counts: { responses: 4, answers: 4 * ITEMS, history: 20, historyRepeats: 0, blobs: 0, appliedSeq: 4 * (1 + ITEMS) + 20 },
    })
  })

  it('stores nothing of a photo upload cut in half, then stores it once when the device retries', { timeout: 60_000 }, async () => {
    const tablet = await device()
    const responseIds = await fillRooms(tablet.db, 1)
    const bytes = new Uint8Array(randomBytes(1024 * 1024))
    const photo = await addAttachment(tablet.db, {
      responseId: responseIds[0]!,
      itemId: 'wiring',
      blob: new Blob([bytes], { type: 'image/jpeg' }),
      name: 'wiring.jpg',
      type: 'image/jpeg',
    })
    const sha256 = sha256Of(bytes)
    expect(photo.sha256).toBe(sha256)

    let cuts = 0
    tablet.wire.fault = async (request, send) => {
      if (request.method !== 'PUT' || cuts > 0) return send()
      cuts++
      await cutUpload(server.proc.url + request.path, tablet.headers, bytes, bytes.length / 2)
      throw dropped('in the middle of the upload')
    }
    await expect(runSync(tablet.db, tablet.transport)).rejects.toMatchObject({ failure: 'network' })
    expect(cuts).toBe(1)
    expect(await pendingUploadCount(tablet.db)).toBe(1)
    // The server got half the body and then the close; it must have kept nothing for that hash.
    await sleep(300)
    expect(await blobHead(server.proc.url, tablet, sha256)).toBe(404)
    if (server.direct) expect((await counts(server.direct, { deviceId: tablet.deviceId, responseIds, sha256 })).blobs).toBe(0)

    const report = await runSync(tablet.db, tablet.transport)
    expect(report).toMatchObject({ uploaded: 1, refused: [] })
    expect(await pendingUploadCount(tablet.db)).toBe(0)
    const stored = await fetch(`${server.proc.url}${API.blobs}/${sha256}`, { headers: { cookie: tablet.headers.cookie } })
    expect(stored.status).toBe(200)
    const back = new Uint8Array(await stored.arrayBuffer())
    expect(back.length).toBe(bytes.length)
    expect(sha256Of(back)).toBe(sha256)

    expected.push({
      what: 'cut upload',
      device: { deviceId: tablet.deviceId, responseIds, sha256 },
      counts: { responses: 1, answers: ITEMS, history: 0, historyRepeats: 0, blobs: 1, appliedSeq: 1 + ITEMS + 1 },
    })
  })

  it('loses and duplicates nothing when the server is killed (SIGKILL) in the middle of a push', { timeout: 90_000 }, async () => {
    const tablet = await device()
    // 1,280 mutations: three pushes (500, 500, 280); the 200 edits in the third replace answers of the first.
    const responseIds = await fillRooms(tablet.db, 40)
    await editAnswers(tablet.db, responseIds, 200)
    const outbox = await tablet.db.outbox.toArray()
    expect(outbox).toHaveLength(1280)
    const heldUpTo = (seq: number) => ({
      responses: outbox.filter((m) => m.kind === 'response' && m.seq <= seq).length,
      answers: new Set(outbox.flatMap((m) => (m.kind === 'answer' && m.seq <= seq ? [`${m.responseId}/${m.itemId}`] : []))).size,
    })

    const answers = recordAnswers(tablet.wire)
    const recorded = tablet.wire.fault
    let pushes = 0
    let inFlight = 0
    let firstMs = 0
    let killing: Promise<void> | undefined
    const kill = { ms: 0, push: 0, statement: undefined as string | undefined }
    // Armed when the second push starts; it kills whichever push is then in flight.
    const armKill = async (t0: number): Promise<void> => {
      // PostgreSQL: wait until a push transaction is inserting answers. PGlite cannot be watched
      // from outside its process: kill halfway through the time the first push took.
      if (server.direct) kill.statement = await pushWriting(server.direct, 'insert into answers')
      else await sleep(firstMs / 2)
      kill.push = inFlight
      await server.proc.stop('SIGKILL')
      kill.ms = Date.now() - t0
    }
    tablet.wire.fault = async (request, send) => {
      if (request.path !== API.push) return recorded(request, send)
      const t0 = Date.now()
      inFlight = ++pushes
      if (pushes === 2) killing = armKill(t0)
      try {
        return await recorded(request, send)
      } finally {
        inFlight = 0
        if (pushes === 1) firstMs = Date.now() - t0
      }
    }
    await expect(runSync(tablet.db, tablet.transport)).rejects.toMatchObject({ failure: 'network' })
    await killing
    // Pushes end at these seqs. Everything the device had acknowledged when the server died is
    // off its outbox; everything after, the push in flight included, is still there.
    const ends = [500, 1000, 1280]
    const acked = ((await tablet.db.outbox.orderBy('seq').first())?.seq ?? 1281) - 1
    expect(ends.slice(0, 2), 'the kill landed after the last acknowledgement').toContain(acked)
    const next = ends[ends.indexOf(acked) + 1]!
    expect(await tablet.db.outbox.count()).toBe(1280 - acked)

    await server.proc.restart()
    // Whole or nothing: the server holds the acknowledged pushes alone, or them and the push that
    // was in flight, never part of one.
    const between = held(await pullAll(server.proc.url, tablet), responseIds)
    const committed = between.answers === heldUpTo(next).answers
    expect({ responses: between.responses, answers: between.answers }).toEqual(heldUpTo(committed ? next : acked))
    if (kill.statement) expect(committed, 'killed inside the transaction, yet it committed').toBe(false)

    const report = await runSync(tablet.db, tablet.transport)
    expect(report.refused).toEqual([])
    // Each push answered once: applied, except the re-sent one, duplicates if it had committed.
    expect(answers.map(statusCounts)).toEqual(
      ends.map((end, i) => ({ [end === next && committed ? 'duplicate' : 'applied']: end - (ends[i - 1] ?? 0) })),
    )
    expect(await tablet.db.outbox.count()).toBe(0)
    const after = held(await pullAll(server.proc.url, tablet), responseIds)
    expect({ responses: after.responses, answers: after.answers }).toEqual({ responses: 40, answers: 40 * ITEMS })

    console.info(
      `[faults] ${kind}: SIGKILL ${kill.ms} ms after push 2 began (push 1 took ${firstMs} ms), ` +
        `${kill.push ? `during push ${kill.push}` : 'between two pushes'}` +
        `${kill.statement ? ` while its transaction ran "${kill.statement.slice(0, 40)}…"` : ''}: ` +
        `${committed ? 'it had committed (its acknowledgement was lost)' : 'nothing of it committed'}; after the restart the device re-sent it and all 1,280 arrived once`,
    )
    expected.push({
      what: 'killed push',
      device: { deviceId: tablet.deviceId, responseIds },
      counts: { responses: 40, answers: 40 * ITEMS, history: 200, historyRepeats: 0, blobs: 0, appliedSeq: 1280 },
    })
  })

  it('holds in its database exactly what each device sent: nothing lost, nothing duplicated', { timeout: 60_000 }, async () => {
    expect(expected.map((e) => e.what)).toEqual(['replayed push', 'cut upload', 'killed push'])
    const found = await server.inspect((db) => Promise.all(expected.map((e) => counts(db, e.device))))
    expect(found).toEqual(expected.map((e) => e.counts))
  })
})

/** PUT with the full Content-Length, only `sendBytes` of the body, then the connection dropped. */
function cutUpload(url: string, headers: Device['headers'], bytes: Uint8Array, sendBytes: number): Promise<void> {
  return new Promise((done, fail) => {
    const request = httpRequest(url, {
      method: 'PUT',
      headers: { cookie: headers.cookie, [CSRF_HEADER]: headers[CSRF_HEADER], 'content-type': 'application/octet-stream', 'content-length': bytes.length },
    })
    // Destroyed on purpose below; the error that follows is the point.
    request.on('error', () => undefined)
    request.on('response', (response) => fail(new Error(`the server answered a half-sent upload: ${response.statusCode}`)))
    request.write(bytes.subarray(0, sendBytes), () => {
      // Let the half reach the server before the connection goes.
      setTimeout(() => {
        request.destroy()
        done()
      }, 150)
    })
  })
}

/** The server's answer to "do you hold these bytes?": 200 or 404. */
async function blobHead(base: string, device: Device, sha256: string): Promise<number> {
  return (await fetch(`${base}${API.blobs}/${sha256}`, { method: 'HEAD', headers: { cookie: device.headers.cookie } })).status
}
