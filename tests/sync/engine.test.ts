/**
 * The device's sync engine against a reference server model (support/fake-server.ts) that applies
 * pushes with the core's rules: devices converge, a lost acknowledgement is harmless, refusals are
 * listed and nothing is silently dropped.
 */
import { describe, expect, it } from 'vitest'
import { addAttachment, deleteAttachment, deleteResponse, getResponse, saveAnswer, submitResponse } from '@/db'
import { applyChanges, getCursor, listSyncErrors, pendingCount } from '@/db/repositories/sync'
import { fetchAttachmentBytes, runSync, unsyncedCount, wipeLocalData } from '@/sync/engine'
import { versionRecord } from '@/core/templates/version'
import { freshDb } from '../db/helpers'
import { TransportError } from '@/sync/transport'
import { compareHlc } from '@/core/sync/hlc'
import { FakeServer } from './support/fake-server'
import { answerOf, device, dorm, startRoom } from './support/devices'

const issue = { code: 'sync.invalid', pointer: '/answer/value', severity: 'error' as const, message: { 'zh-CN': '无效', en: 'Invalid' } }

describe('runSync', () => {
  it('makes two devices that edited the same answer offline converge, the later clock winning', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    const row = await startRoom(a)
    await saveAnswer(a, row.id, 'q1', { value: 'ok' })
    await runSync(a, server.transport())
    expect((await runSync(b, server.transport())).pulled).toBeGreaterThan(0)
    expect((await answerOf(b, row.id, 'q1'))?.value).toBe('ok')

    // Both offline: each changes q1; B also answers q2.
    await saveAnswer(a, row.id, 'q1', { value: 'bad', note: 'A' })
    await saveAnswer(b, row.id, 'q1', { value: 'bad', note: 'B' })
    await saveAnswer(b, row.id, 'q2', { value: 'ok' })
    const clockA = (await answerOf(a, row.id, 'q1'))!.hlc!
    const clockB = (await answerOf(b, row.id, 'q1'))!.hlc!

    await runSync(a, server.transport())
    await runSync(b, server.transport())
    await runSync(a, server.transport())

    const [qa, qb] = [await answerOf(a, row.id, 'q1'), await answerOf(b, row.id, 'q1')]
    expect(qa).toEqual(qb)
    expect(qa).toEqual(server.answers.get(row.id)?.get('q1'))
    expect(qa?.note).toBe(compareHlc(clockA, clockB) > 0 ? 'A' : 'B')
    expect((await answerOf(a, row.id, 'q2'))?.value).toBe('ok')
    // The losing edit is kept, not dropped: on A when B won, on the server either way.
    if (qa?.note === 'B') expect((await a.answerHistory.toArray()).map((h) => h.answer.note)).toEqual(['A'])
    expect(server.history.map((h) => h.answer.note)).toContain(qa?.note === 'A' ? 'B' : 'A')
    expect(await pendingCount(a)).toBe(0)
    expect(await pendingCount(b)).toBe(0)
  })

  it('pulls again from the start when the account may read more (a scope granted), and only then', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    const room = await startRoom(a)
    await saveAnswer(a, room.id, 'q1', { value: 'ok' })
    await runSync(a, server.transport())
    // What a server with scopes does: rows B may not read are never sent, the cursor moves on.
    let view = 'floor-2'
    const scoped = () => {
      const base = server.transport()
      return {
        ...base,
        async pull(after: number, limit?: number) {
          const page = await base.pull(after, limit)
          const hidden = view === 'floor-2'
          return { ...page, view, changes: page.changes.filter((c) => !hidden || (c.kind !== 'response' && c.kind !== 'answer')) }
        },
      }
    }
    await runSync(b, scoped())
    expect(await getCursor(b)).toBeGreaterThan(0)
    expect(await getResponse(b, room.id)).toBeUndefined()
    // Nothing new and the same view: nothing is pulled again.
    expect((await runSync(b, scoped())).pulled).toBe(0)

    view = 'floor-2+3'
    await runSync(b, scoped())
    expect((await getResponse(b, room.id))?.response.answers.q1?.value).toBe('ok')
    expect((await runSync(b, scoped())).pulled).toBe(0)
  })

  it('re-sends a batch whose acknowledgement was lost; the server skips the seqs it applied', async () => {
    const server = new FakeServer()
    const a = await device()
    const row = await startRoom(a)
    await saveAnswer(a, row.id, 'q1', { value: 'ok' })
    await saveAnswer(a, row.id, 'q2', { value: 'bad' })
    server.dropNextAck = true
    await expect(runSync(a, server.transport())).rejects.toBeInstanceOf(TransportError)
    expect(await pendingCount(a)).toBe(3)
    expect(server.appliedSeq.get(await a.meta.get('deviceId').then((m) => m?.value as string))).toBe(3)

    const report = await runSync(a, server.transport())
    expect(server.received.map((r) => [r.seq, r.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'applied'],
      [1, 'duplicate'],
      [2, 'duplicate'],
      [3, 'duplicate'],
    ])
    expect(report.pushed).toBe(3)
    expect(await pendingCount(a)).toBe(0)
    expect(await unsyncedCount(a)).toBe(0)
    expect(server.history).toEqual([])
  })

  it('lists a refused mutation with its issue and takes it out of the outbox; the others are applied', async () => {
    const server = new FakeServer()
    server.refuse = (m) => (m.kind === 'answer' && m.answer.value === 'bad' ? issue : undefined)
    const a = await device()
    const row = await startRoom(a)
    await saveAnswer(a, row.id, 'q1', { value: 'bad' })
    await saveAnswer(a, row.id, 'q2', { value: 'ok' })
    const report = await runSync(a, server.transport())
    expect(report.refused).toEqual([expect.objectContaining({ seq: 2, status: 'refused', issue })])
    const errors = await listSyncErrors(a)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ mutation: { seq: 2, kind: 'answer', itemId: 'q1' }, result: { issue } })
    expect(await pendingCount(a)).toBe(0)
    expect(server.answers.get(row.id)?.get('q2')?.value).toBe('ok')
    // Kept on the device: the person still sees what they answered.
    expect((await answerOf(a, row.id, 'q1'))?.value).toBe('bad')
  })

  it('brings a submission from another device whole, scored here, the local draft edits kept in history', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    const row = await startRoom(a)
    await saveAnswer(a, row.id, 'q1', { value: 'ok' })
    await runSync(a, server.transport())
    await runSync(b, server.transport())
    await saveAnswer(b, row.id, 'q2', { value: 'bad' })
    await saveAnswer(a, row.id, 'q2', { value: 'ok' })
    await submitResponse(a, row.id, dorm)
    await runSync(a, server.transport())
    await runSync(b, server.transport())

    const onB = await getResponse(b, row.id)
    expect(onB?.row).toMatchObject({ status: 'submitted', total: 4 })
    expect(onB?.response.answers.q2?.value).toBe('ok')
    expect(await b.summaries.get(row.id)).toMatchObject({ id: row.id, total: 4 })
    expect((await b.answerHistory.toArray()).map((h) => [h.itemId, h.answer.value])).toEqual([['q2', 'bad']])
    // B's draft edit went to the server too, and lost there to the submission.
    expect(server.answers.get(row.id)?.get('q2')?.value).toBe('ok')
    expect(await pendingCount(b)).toBe(0)
  })

  it('never brings back a response deleted on a device, whatever the other device edits', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    const row = await startRoom(a)
    await runSync(a, server.transport())
    await runSync(b, server.transport())
    await deleteResponse(a, row.id)
    await saveAnswer(b, row.id, 'q1', { value: 'ok' })
    await runSync(b, server.transport())
    await runSync(a, server.transport())
    await runSync(b, server.transport())
    expect(await a.responses.get(row.id)).toBeUndefined()
    expect(await a.answers.where('responseId').equals(row.id).count()).toBe(0)
    expect(await b.responses.get(row.id)).toBeUndefined()
    expect(await b.tombstones.get(row.id)).toMatchObject({ deleted: true })
    expect(server.responses.get(row.id)?.deleted).toBe(true)
  })

  it('uploads photo bytes after the answers, and the other device downloads them when the server has them', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    const row = await startRoom(a)
    const photo = await addAttachment(a, { responseId: row.id, itemId: 'q1', blob: new Blob(['jpeg bytes']), name: 'p.jpg', type: 'image/jpeg' })
    await saveAnswer(a, row.id, 'q1', { value: 'bad', attachments: [photo.id] })
    const transport = server.transport()
    const report = await runSync(a, transport)
    expect(report.uploaded).toBe(1)
    expect(transport.calls.indexOf('putBlob')).toBeGreaterThan(transport.calls.lastIndexOf('push'))
    expect(await unsyncedCount(a)).toBe(0)

    const got = await runSync(b, server.transport())
    expect(got.downloaded).toBe(1)
    const stored = await b.attachments.get(photo.id)
    expect(await stored?.blob.text()).toBe('jpeg bytes')
    expect(stored?.sha256).toBe(photo.sha256)
  })

  it('keeps a pulled photo waiting while its bytes are not on the server, and fetches them on demand later', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    const row = await startRoom(a)
    const photo = await addAttachment(a, { responseId: row.id, itemId: 'q1', blob: new Blob(['later']), name: 'p.jpg', type: 'image/jpeg' })
    // A's push arrives, its upload does not (A went offline after pushing).
    const transport = server.transport()
    const put = transport.putBlob
    transport.putBlob = async () => {
      throw new TransportError('offline', 'offline')
    }
    await expect(runSync(a, transport)).rejects.toBeInstanceOf(TransportError)
    expect(await unsyncedCount(a)).toBe(1)
    expect((await runSync(b, server.transport())).downloaded).toBe(0)
    expect(await b.attachments.get(photo.id)).toBeUndefined()
    expect(await b.downloads.get(photo.id)).toMatchObject({ sha256: photo.sha256 })

    transport.putBlob = put
    await runSync(a, transport)
    const fetched = await fetchAttachmentBytes(b, server.transport(), photo.id)
    expect(await fetched?.blob.text()).toBe('later')
    expect(await b.downloads.count()).toBe(0)
  })

  it('stops asking for the bytes of a photo deleted from its draft: the deletion reaches the server and the other device', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    const row = await startRoom(a)
    const photo = await addAttachment(a, { responseId: row.id, itemId: 'q1', blob: new Blob(['gone']), name: 'p.jpg', type: 'image/jpeg' })
    // A pushes the metadata but goes offline before uploading, then deletes the photo.
    const transport = server.transport()
    transport.putBlob = async () => {
      throw new TransportError('offline', 'offline')
    }
    await expect(runSync(a, transport)).rejects.toBeInstanceOf(TransportError)
    const toB = server.transport()
    await runSync(b, toB)
    expect(await b.downloads.get(photo.id)).toMatchObject({ sha256: photo.sha256 })
    expect(toB.calls.filter((c) => c === 'getBlob')).toHaveLength(1)

    await deleteAttachment(a, photo.id)
    const fromA = server.transport()
    const report = await runSync(a, fromA)
    expect(report.refused).toEqual([])
    expect(fromA.calls).not.toContain('putBlob')
    expect(await unsyncedCount(a)).toBe(0)

    const again = server.transport()
    await runSync(b, again)
    expect(await b.downloads.count()).toBe(0)
    expect(await b.attachments.get(photo.id)).toBeUndefined()
    expect(again.calls).not.toContain('getBlob')
    // Nor on any later run.
    const later = server.transport()
    await runSync(b, later)
    expect(later.calls).not.toContain('getBlob')
  })

  it('does not bring back a photo whose deletion is pulled while its bytes are on the way', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    const row = await startRoom(a)
    const photo = await addAttachment(a, { responseId: row.id, itemId: 'q1', blob: new Blob(['late']), name: 'p.jpg', type: 'image/jpeg' })
    await runSync(a, server.transport())
    const toB = server.transport()
    await runSync(b, toB, { maxDownloads: 0 })
    const meta = (await b.downloads.get(photo.id))!
    const getBlob = toB.getBlob
    toB.getBlob = async (sha256) => {
      const bytes = await getBlob(sha256)
      await applyChanges(b, [{ kind: 'attachment', cursor: 99, attachment: { ...meta, deleted: true } }])
      return bytes
    }
    expect(await fetchAttachmentBytes(b, toB, photo.id)).toBeUndefined()
    expect(await b.attachments.get(photo.id)).toBeUndefined()
  })

  it('stops on a transport error, keeping every pulled page applied with its cursor', async () => {
    const server = new FakeServer()
    const [a, b] = [await device(), await device()]
    for (const room of [201, 202, 203]) await startRoom(a, room)
    await runSync(a, server.transport())
    const transport = server.transport()
    let pulls = 0
    const pull = transport.pull
    transport.pull = async (after, limit) => {
      if (++pulls === 2) throw new TransportError('network', 'cut')
      return pull(after, limit)
    }
    await expect(runSync(b, transport, { pageSize: 2 })).rejects.toBeInstanceOf(TransportError)
    expect(await b.responses.count()).toBe(2)
    expect(await getCursor(b)).toBe(2)
    const report = await runSync(b, server.transport(), { pageSize: 2 })
    expect(report.pulled).toBe(1)
    expect(await b.responses.count()).toBe(3)
  })

  it('rejects with TransportError offline and keeps the outbox', async () => {
    const server = new FakeServer()
    server.offline = true
    const a = await device()
    await startRoom(a)
    await expect(runSync(a, server.transport())).rejects.toMatchObject({ failure: 'offline' })
    expect(await pendingCount(a)).toBe(1)
  })

  it('pushes in batches of at most batchSize, in seq order', async () => {
    const server = new FakeServer()
    const a = await device()
    const row = await startRoom(a)
    for (let i = 0; i < 4; i++) await saveAnswer(a, row.id, `q${i % 2 + 1}`, { value: i % 2 ? 'ok' : 'bad' })
    const transport = server.transport()
    const report = await runSync(a, transport, { batchSize: 2 })
    expect(transport.calls.filter((c) => c === 'push')).toHaveLength(3)
    expect(report.pushed).toBe(5)
    expect(server.received.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('sends only the last of several edits of one answer in a batch, and acknowledges them all', async () => {
    const server = new FakeServer()
    const a = await device()
    const row = await startRoom(a)
    for (const note of ['烟', '烟头', '烟头在阳台']) await saveAnswer(a, row.id, 'q1', { value: 'bad', note })
    await saveAnswer(a, row.id, 'q2', { value: 'ok' })
    const report = await runSync(a, server.transport())
    expect(server.received.map((r) => r.seq)).toEqual([1, 4, 5])
    expect(report.pushed).toBe(5)
    expect(await pendingCount(a)).toBe(0)
    expect(server.answers.get(row.id)?.get('q1')?.note).toBe('烟头在阳台')
    expect(server.history).toEqual([])
  })

  it('keeps no history of its own earlier edit echoed back by the server', async () => {
    const server = new FakeServer()
    const a = await device()
    const row = await startRoom(a)
    await saveAnswer(a, row.id, 'q1', { value: 'ok' })
    await runSync(a, server.transport(), { batchSize: 1 })
    // Edited again before the next pull: the server still lists the older value.
    await saveAnswer(a, row.id, 'q1', { value: 'bad' })
    await applyChanges(a, server.pull(0).changes)
    expect((await answerOf(a, row.id, 'q1'))?.value).toBe('bad')
    expect(await a.answerHistory.count()).toBe(0)
  })

  it('scores a submission pulled before its template version once the version arrives', async () => {
    const server = new FakeServer()
    const a = await device()
    const b = freshDb()
    const row = await startRoom(a)
    await saveAnswer(a, row.id, 'q1', { value: 'ok' })
    await submitResponse(a, row.id, dorm)
    await runSync(a, server.transport())
    await runSync(b, server.transport())
    expect(await b.responses.get(row.id)).toMatchObject({ status: 'submitted' })
    expect((await b.responses.get(row.id))?.result).toBeUndefined()
    // The version is published to the server later (here: pushed by a third device).
    server.push({ deviceId: 'admin', batchId: 'x', mutations: [{ seq: 1, id: 'v', kind: 'templateVersion', version: { templateId: 'dorm', version: 1, template: dorm, publishedAt: '2026-01-01T00:00:00.000Z' } }] })
    await runSync(b, server.transport())
    expect(await b.responses.get(row.id)).toMatchObject({ total: 2 })
    expect(await b.summaries.get(row.id)).toMatchObject({ total: 2 })
  })

  it('wipes the team data on sign-out, keeping the device id, its clock and the outbox numbering', async () => {
    const server = new FakeServer()
    const a = await device()
    const row = await startRoom(a)
    await saveAnswer(a, row.id, 'q1', { value: 'ok' })
    await runSync(a, server.transport())
    const before = { id: await a.meta.get('deviceId'), clock: await a.meta.get('hlc') }
    await wipeLocalData(a)
    expect(await a.responses.count()).toBe(0)
    expect(await a.templateVersions.count()).toBe(0)
    expect(await getCursor(a)).toBe(0)
    expect(await a.meta.get('deviceId')).toEqual(before.id)
    expect(await a.meta.get('hlc')).toEqual(before.clock)
    await a.templateVersions.add(versionRecord(dorm, '2026-01-01T00:00:00.000Z'))
    await startRoom(a)
    expect((await a.outbox.toArray()).map((m) => m.seq)).toEqual([3])
  })

  it('joins a run already in progress instead of starting a second one', async () => {
    const server = new FakeServer()
    const a = await device()
    await startRoom(a)
    const transport = server.transport()
    const [first, second] = await Promise.all([runSync(a, transport), runSync(a, transport)])
    expect(second).toBe(first)
    expect(transport.calls.filter((c) => c === 'push')).toHaveLength(1)
    expect(server.received.map((r) => r.seq)).toEqual([1])
  })

  it('stops when aborted, keeping the outbox', async () => {
    const server = new FakeServer()
    const a = await device()
    await startRoom(a)
    const controller = new AbortController()
    controller.abort()
    await expect(runSync(a, server.transport(), { signal: controller.signal })).rejects.toThrow()
    expect(await pendingCount(a)).toBe(1)
    expect(server.received).toEqual([])
  })
})
