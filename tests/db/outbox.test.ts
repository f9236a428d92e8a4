/**
 * Issue #13: every local write puts its sync mutation in the outbox in the same transaction, so a
 * stored change always reaches the server and a failed write leaves nothing behind to send.
 */
import { describe, expect, it, vi } from 'vitest'
import { isHlc } from '@/core/sync/hlc'
import {
  addAttachment,
  createResponse,
  deleteAttachment,
  deleteResponse,
  getResponse,
  installSamples,
  markRectified,
  openDatabase,
  openTasksForSubmitted,
  saveAnswer,
  saveResponseFields,
  setTaskAssignee,
  submitResponse,
  type QingdanDatabase,
} from '@/db'
import { createTemplate, publishDraft, saveDraft, setArchived } from '@/db/repositories/templates-edit'
import { HLC_KEY } from '@/db/keys'
import { fake, freshDb, template, writeFaults } from './helpers'
import { sample } from '../fixtures/load'

const dorm = template('dorm', 1)
const start = (db: QingdanDatabase) => createResponse(db, { template: dorm, subject: { room: 201 }, role: 'self', inspector: '王老师' })
const kinds = async (db: QingdanDatabase) => (await db.outbox.toArray()).map((m) => m.kind)
const clock = async (db: QingdanDatabase) => (await db.meta.get(HLC_KEY))?.value as string
/** A device on which `dorm` v1 is already installed (installing sends nothing), so `start` sends only its header. */
async function dormDb(): Promise<QingdanDatabase> {
  const db = freshDb()
  await installSamples(db, [dorm])
  return db
}

describe('the outbox', () => {
  it('gets exactly one mutation per write, numbered in order, each with a fresh clock', async () => {
    const db = await dormDb()
    const row = await start(db)
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    await saveAnswer(db, row.id, 'q1', { value: 'bad' })
    await saveResponseFields(db, row.id, { inspector: '李老师' })
    const rows = await db.outbox.toArray()
    expect(rows.map((m) => [m.seq, m.kind])).toEqual([
      [1, 'response'],
      [2, 'answer'],
      [3, 'answer'],
      [4, 'response'],
    ])
    const clocks = [
      rows[0]!.kind === 'response' && rows[0]!.response.hlc,
      rows[1]!.kind === 'answer' && rows[1]!.answer.hlc,
      rows[2]!.kind === 'answer' && rows[2]!.answer.hlc,
      rows[3]!.kind === 'response' && rows[3]!.response.hlc,
    ] as string[]
    expect(clocks.every(isHlc)).toBe(true)
    expect([...clocks].sort()).toEqual(clocks)
    expect(new Set(clocks).size).toBe(4)
    // The stored answer carries the clock of its mutation, and the device clock is the last one.
    expect((await db.answers.get([row.id, 'q1']))?.answer.hlc).toBe(clocks[2])
    expect(await clock(db)).toBe(clocks[3])
    expect(rows[2]).toMatchObject({ kind: 'answer', responseId: row.id, itemId: 'q1', answer: { value: 'bad' } })
  })

  it('keeps the autosave fast path correct when another handle (tab) ticks the clock in between', async () => {
    // Frozen wall time: clocks then differ only by their counter, so a tick from a stale guess
    // would repeat the other tab's reading instead of following it.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-27T02:00:00.000Z') })
    try {
      const name = `outbox-${crypto.randomUUID()}`
      const a = openDatabase({ name, ...fake })
      const b = openDatabase({ name, ...fake })
      const row = await start(a)
      await saveAnswer(a, row.id, 'q1', { value: 'ok' })
      await createTemplate(b, template('other', 1))
      const between = await clock(a)
      await saveAnswer(a, row.id, 'q2', { value: 'ok' })
      const last = await a.outbox.orderBy('seq').last()
      expect(last?.kind === 'answer' && last.answer.hlc > between).toBe(true)
      expect(await clock(a)).toBe(last?.kind === 'answer' && last.answer.hlc)
    } finally {
      vi.useRealTimers()
    }
  })

  it('holds no mutation of a write that failed, and no write without its mutation', async () => {
    const db = freshDb()
    const faults = writeFaults(db)
    await installSamples(db, [dorm])
    const row = await start(db)
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    faults.fail('answers')
    await expect(saveAnswer(db, row.id, 'q1', { value: 'bad' })).rejects.toThrow()
    faults.heal()
    expect(await kinds(db)).toEqual(['response', 'answer'])
    // The other way round: a full outbox fails the write itself.
    faults.fail('outbox')
    await expect(saveAnswer(db, row.id, 'q2', { value: 'bad' })).rejects.toThrow()
    await expect(saveResponseFields(db, row.id, { inspector: 'x' })).rejects.toThrow()
    faults.heal()
    expect((await getResponse(db, row.id))?.response.answers.q2).toBeUndefined()
    expect((await db.responses.get(row.id))?.inspector).toBe('王老师')
    expect(await db.outbox.count()).toBe(2)
  })

  it('sends a submission whole: the header and every answer it was scored on', async () => {
    const db = freshDb()
    const row = await start(db)
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    await saveAnswer(db, row.id, 'q2', { value: 'bad' })
    await submitResponse(db, row.id, dorm)
    const last = await db.outbox.orderBy('seq').last()
    if (last?.kind !== 'submit') throw new Error(`expected a submit, got ${last?.kind}`)
    expect(last.response).toMatchObject({ id: row.id, status: 'submitted' })
    expect(last.response).not.toHaveProperty('result')
    expect(Object.keys(last.answers).sort()).toEqual(['q1', 'q2'])
    expect(Object.values(last.answers).every((a) => isHlc(a.hlc))).toBe(true)
  })

  it('keeps a tombstone of a deleted response and sends it, and deleting nothing sends nothing', async () => {
    const db = await dormDb()
    const row = await start(db)
    await deleteResponse(db, row.id)
    const last = await db.outbox.orderBy('seq').last()
    expect(last).toMatchObject({ kind: 'response', response: { id: row.id, deleted: true, status: 'draft' } })
    expect(await db.tombstones.get(row.id)).toMatchObject({ id: row.id, deleted: true })
    await deleteResponse(db, 'no-such-response')
    expect(await db.outbox.count()).toBe(2)
  })

  it('sends attachment metadata with its SHA-256 and keeps the bytes waiting for upload', async () => {
    const db = freshDb()
    const row = await start(db)
    const stored = await addAttachment(db, { responseId: row.id, itemId: 'q1', blob: new Blob(['abc']), name: 'p.jpg', type: 'image/jpeg' })
    expect(stored.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    const last = await db.outbox.orderBy('seq').last()
    expect(last).toMatchObject({ kind: 'attachment', attachment: { id: stored.id, sha256: stored.sha256, size: 3 } })
    expect(last?.kind === 'attachment' && 'blob' in last.attachment).toBe(false)
    expect(await db.uploads.toArray()).toEqual([{ id: stored.id }])
  })

  it("sends the deletion of an attachment whose metadata it sent, with that metadata, in the deletion's transaction", async () => {
    const db = freshDb()
    const row = await start(db)
    const stored = await addAttachment(db, { responseId: row.id, itemId: 'q1', blob: new Blob(['abc']), name: 'p.jpg', type: 'image/jpeg' })
    const sent = (await db.outbox.orderBy('seq').last())!
    await deleteAttachment(db, stored.id)
    const last = await db.outbox.orderBy('seq').last()
    expect(last?.seq).toBe(sent.seq + 1)
    expect(last).toMatchObject({ kind: 'attachment', attachment: { ...(sent.kind === 'attachment' && sent.attachment), deleted: true } })
    expect(await db.attachments.count()).toBe(0)
    expect(await db.uploads.count()).toBe(0)
    // Deleting it again (nothing left) sends nothing more.
    const count = await db.outbox.count()
    await deleteAttachment(db, stored.id)
    expect(await db.outbox.count()).toBe(count)
  })

  it('sends no deletion of an attachment stored before sync (its metadata was never sent)', async () => {
    const db = freshDb()
    const row = await start(db)
    await db.attachments.add({ id: 'legacy', responseId: row.id, itemId: 'q1', name: 'p.jpg', type: 'image/jpeg', size: 3, blob: new Blob(['abc']), createdAt: row.startedAt })
    const before = await db.outbox.count()
    await deleteAttachment(db, 'legacy')
    expect(await db.attachments.get('legacy')).toBeUndefined()
    expect(await db.outbox.count()).toBe(before)
  })

  it('sends tasks as they are opened and changed, and their fix photos', async () => {
    const db = freshDb()
    const row = await start(db)
    await saveAnswer(db, row.id, 'q1', { value: 'bad' })
    await submitResponse(db, row.id, dorm)
    const before = await db.outbox.count()
    const tasks = await openTasksForSubmitted(db, row.id)
    expect(tasks.length).toBeGreaterThan(0)
    expect(await db.outbox.count()).toBe(before + tasks.length)
    const task = tasks[0]!
    await setTaskAssignee(db, task.id, '张师傅')
    await markRectified(db, task.id, { photos: [{ blob: new Blob(['fix']), name: 'fix.jpg', type: 'image/jpeg' }] })
    const tail = (await kinds(db)).slice(-3)
    expect(tail).toEqual(['task', 'attachment', 'task'])
    const lastTask = await db.outbox.orderBy('seq').last()
    expect(lastTask?.kind === 'task' && lastTask.task.status).toBe('rectified')
    expect(await db.uploads.count()).toBe(1)
  })

  it('sends template rows and, on publish, the frozen version', async () => {
    const db = freshDb()
    await createTemplate(db, template('t', 1))
    await saveDraft(db, 't', { ...template('t', 1), title: '新' })
    expect((await publishDraft(db, 't')).ok).toBe(true)
    await setArchived(db, 't', true)
    expect(await kinds(db)).toEqual(['template', 'template', 'templateVersion', 'template', 'template'])
    const stored = await db.templates.get('t')
    const last = await db.outbox.orderBy('seq').last()
    expect(last?.kind === 'template' && last.template).toEqual(stored)
  })

  it('sends a version first frozen by a new response ahead of it, and only once', async () => {
    const db = freshDb()
    await start(db)
    await start(db)
    const rows = await db.outbox.toArray()
    expect(rows.map((m) => m.kind)).toEqual(['templateVersion', 'response', 'response'])
    expect(rows[0]).toMatchObject({ kind: 'templateVersion', version: { templateId: 'dorm', version: 1, template: dorm } })
  })

  it('does not send the shipped samples: every device installs the same', async () => {
    const db = freshDb()
    await installSamples(db, [sample('dorm-room-safety')])
    expect(await db.outbox.count()).toBe(0)
  })
})
