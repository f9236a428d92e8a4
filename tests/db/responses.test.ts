import { afterEach, describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import {
  addAttachment,
  createResponse,
  deleteResponse,
  getDeviceId,
  getResponse,
  getTemplateVersion,
  installSamples,
  listResponses,
  openDatabase,
  ResponseLockedError,
  saveAnswer,
  saveResponseFields,
  submitResponse,
  subjectKey,
  type QingdanDatabase,
} from '@/db'
import { fake, freshDb, template } from './helpers'

let db: QingdanDatabase
afterEach(async () => db?.delete())

const dorm = template('dorm', 1)
const start = (subject: Record<string, string | number> = { building: 'A', room: 201 }) =>
  createResponse(db, { template: dorm, subject, role: 'self', inspector: '王老师' })

describe('createResponse', () => {
  it('starts a draft on the template version, stamped with this device and its subject key', async () => {
    db = freshDb()
    const row = await start()
    expect(row).toMatchObject({
      templateId: 'dorm',
      templateVersion: 1,
      templateTitle: 'dorm v1',
      status: 'draft',
      role: 'self',
      inspector: '王老师',
      deviceId: await getDeviceId(db),
      subjectKey: subjectKey({ building: 'A', room: '201' }),
      subjectTerms: ['building=A', 'room=201'],
    })
    expect(row.startedAt).toBe(row.updatedAt)
    expect(await db.responses.get(row.id)).toEqual(row)
  })

  it('freezes the template version when it was not stored, but never replaces a stored one', async () => {
    db = freshDb()
    await start()
    expect((await getTemplateVersion(db, 'dorm', 1))?.template).toEqual(dorm)
    await createResponse(db, { template: { ...dorm, title: 'changed' }, subject: {}, role: 'self', inspector: '' })
    expect((await getTemplateVersion(db, 'dorm', 1))?.template.title).toBe('dorm v1')
  })

  it('keeps reviewOf for a review of a self-assessment', async () => {
    db = freshDb()
    const self = await start()
    const review = await createResponse(db, { template: dorm, subject: self.subject, role: 'review', inspector: '李', reviewOf: self.id })
    expect((await getResponse(db, review.id))?.response).toMatchObject({ role: 'review', reviewOf: self.id })
    expect(review.subjectKey).toBe(self.subjectKey)
  })
})

describe('getResponse', () => {
  it('assembles the answers by item id into a format-level response', async () => {
    db = freshDb()
    const row = await start()
    await saveAnswer(db, row.id, 'q1', { value: 'ok', note: '整洁' })
    await saveAnswer(db, row.id, 'q2', { na: true })
    const stored = await getResponse(db, row.id)
    expect(stored?.response).toMatchObject({
      id: row.id,
      templateId: 'dorm',
      templateVersion: 1,
      status: 'draft',
      subject: { building: 'A', room: 201 },
      answers: { q1: { value: 'ok', note: '整洁' }, q2: { na: true } },
    })
    expect(stored?.response).not.toHaveProperty('submittedAt')
  })

  it('returns undefined for an unknown id', async () => {
    db = freshDb()
    expect(await getResponse(db, 'nope')).toBeUndefined()
  })
})

describe('listResponses', () => {
  it('lists newest updatedAt first and filters by status and template', async () => {
    db = freshDb()
    const a = await start({ room: 201 })
    const b = await start({ room: 202 })
    const other = await createResponse(db, { template: template('conduct', 1), subject: {}, role: 'self', inspector: '' })
    await saveAnswer(db, a.id, 'q1', { value: 'ok' })
    expect((await listResponses(db)).map((r) => r.id)[0]).toBe(a.id)
    await submitResponse(db, b.id, dorm)
    expect((await listResponses(db, { status: 'draft' })).map((r) => r.id).sort()).toEqual([a.id, other.id].sort())
    expect((await listResponses(db, { templateId: 'dorm' })).map((r) => r.id)).toEqual([b.id, a.id])
    expect((await listResponses(db, { templateId: 'dorm', status: 'submitted' })).map((r) => r.id)).toEqual([b.id])
  })
})

describe('saveResponseFields', () => {
  it('changes subject, inspector and signature of a draft and recomputes the subject indexes', async () => {
    db = freshDb()
    const row = await start()
    await saveResponseFields(db, row.id, { subject: { building: 'B', room: '305' }, inspector: '张', signature: 'sig-1' })
    const stored = await db.responses.get(row.id)
    expect(stored).toMatchObject({ inspector: '张', signature: 'sig-1', subjectTerms: ['building=B', 'room=305'] })
    expect(stored!.updatedAt > row.updatedAt).toBe(true)
  })

  it('rejects with ResponseLockedError once submitted', async () => {
    db = freshDb()
    const row = await start()
    await submitResponse(db, row.id, dorm)
    await expect(saveResponseFields(db, row.id, { inspector: 'x' })).rejects.toBeInstanceOf(ResponseLockedError)
  })
})

describe('submitResponse', () => {
  it('scores the stored answers, stores that score and band, and locks the response', async () => {
    db = freshDb()
    const row = await start()
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    await saveAnswer(db, row.id, 'q2', { value: 'bad' })
    const result = await submitResponse(db, row.id, dorm, '2025-05-01T10:00:00.000Z')
    const stored = (await getResponse(db, row.id))!
    expect(result).toEqual(scoreResponse(dorm, stored.response))
    expect(stored.row).toMatchObject({
      status: 'submitted',
      submittedAt: '2025-05-01T10:00:00.000Z',
      result,
      total: 2,
      percent: 50,
      band: null,
    })
    await expect(submitResponse(db, row.id, dorm)).rejects.toBeInstanceOf(ResponseLockedError)
  })

  it('scores what another writer stored, not what the submitting tab last saw', async () => {
    db = freshDb()
    const name = db.name
    // Two tabs: two connections to one database.
    const other = openDatabase({ name, ...fake })
    const row = await start()
    // Tab A saved both items as met; tab B then found a fault on q2, which tab A never saw.
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    await saveAnswer(db, row.id, 'q2', { value: 'ok' })
    await saveAnswer(other, row.id, 'q2', { value: 'bad' })
    const result = await submitResponse(db, row.id, dorm)
    const stored = (await getResponse(db, row.id))!
    expect(stored.response.answers.q2?.value).toBe('bad')
    expect(result.total).toBe(2)
    expect(stored.row.total).toBe(scoreResponse(dorm, stored.response).total)
    // And tab B's next write is refused: the response is locked.
    await expect(saveAnswer(other, row.id, 'q1', { value: 'bad' })).rejects.toBeInstanceOf(ResponseLockedError)
    other.close()
  })

  it('stores a null band when the template has no grade', async () => {
    db = freshDb()
    const row = await start()
    await submitResponse(db, row.id, dorm)
    expect((await db.responses.get(row.id))?.band).toBeNull()
    expect(await db.responses.where('band').equals('合格').count()).toBe(0)
  })

  it('refuses to score with another template version', async () => {
    db = freshDb()
    const row = await start()
    await expect(submitResponse(db, row.id, template('dorm', 2))).rejects.toThrow(/dorm@2/)
    expect((await db.responses.get(row.id))?.status).toBe('draft')
  })
})

describe('deleteResponse', () => {
  it('removes the response with its answers, attachments and tasks, leaving others alone', async () => {
    db = freshDb()
    await installSamples(db, [dorm])
    const gone = await start({ room: 201 })
    const kept = await start({ room: 202 })
    for (const r of [gone, kept]) {
      await saveAnswer(db, r.id, 'q1', { value: 'bad' })
      await addAttachment(db, { responseId: r.id, itemId: 'q1', blob: new Blob(['x']), name: 'p.jpg', type: 'image/jpeg' })
      await db.tasks.add({ id: crypto.randomUUID(), responseId: r.id, itemId: 'q1', templateId: 'dorm', subject: r.subject, title: 't', status: 'open', deadline: '2025-06-01', createdAt: r.startedAt, updatedAt: r.startedAt })
    }
    await deleteResponse(db, gone.id)
    expect(await getResponse(db, gone.id)).toBeUndefined()
    for (const table of [db.answers, db.attachments, db.tasks]) {
      expect(await table.where('responseId').equals(gone.id).count()).toBe(0)
      expect(await table.where('responseId').equals(kept.id).count()).toBe(1)
    }
  })
})
