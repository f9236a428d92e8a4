import { afterEach, describe, expect, it } from 'vitest'
import {
  createResponse,
  getResponse,
  openDatabase,
  ResponseLockedError,
  ResponseNotFoundError,
  saveAnswer,
  saveResponseFields,
  submitResponse,
  type QingdanDatabase,
} from '@/db'
import { fake, writeFaults, freshDb, template } from './helpers'
import { sameData } from '@/db/repositories/guard'

let db: QingdanDatabase
afterEach(async () => db?.delete())

const dorm = template('dorm', 1)
const start = () => createResponse(db, { template: dorm, subject: { room: 201 }, role: 'self', inspector: '' })

describe('saveAnswer', () => {
  it('writes one answer row and moves the response updatedAt forward, even within one millisecond', async () => {
    db = freshDb()
    const row = await start()
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    const first = (await db.responses.get(row.id))!.updatedAt
    await saveAnswer(db, row.id, 'q1', { value: 'bad' })
    const second = (await db.responses.get(row.id))!.updatedAt
    expect(first > row.updatedAt).toBe(true)
    expect(second > first).toBe(true)
    const stored = await db.answers.get([row.id, 'q1'])
    expect(stored).toEqual({ responseId: row.id, itemId: 'q1', answer: { value: 'bad', updatedAt: second, hlc: expect.stringMatching(/^\d{16}\.\d{5}\./) } })
    expect(await db.answers.count()).toBe(1)
  })

  it('keeps an updatedAt the answer already carries (merges decide by it)', async () => {
    db = freshDb()
    const row = await start()
    await saveAnswer(db, row.id, 'q2', { value: 3, updatedAt: '2025-01-01T00:00:00.000Z' })
    expect((await getResponse(db, row.id))?.response.answers.q2).toEqual({ value: 3, updatedAt: '2025-01-01T00:00:00.000Z', hlc: expect.any(String) })
  })

  it('rejects with ResponseLockedError on a submitted response and writes nothing', async () => {
    db = freshDb()
    const row = await start()
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    await submitResponse(db, row.id, dorm)
    const error = await saveAnswer(db, row.id, 'q1', { value: 'bad' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseLockedError)
    expect((error as ResponseLockedError).responseId).toBe(row.id)
    expect((await db.answers.get([row.id, 'q1']))?.answer.value).toBe('ok')
  })

  it('rejects with ResponseNotFoundError for a response that does not exist', async () => {
    db = freshDb()
    await expect(saveAnswer(db, 'missing', 'q1', { value: 'ok' })).rejects.toBeInstanceOf(ResponseNotFoundError)
    expect(await db.answers.count()).toBe(0)
  })

  it('lets a storage failure reach the caller by name, writes nothing, and succeeds on retry', async () => {
    db = freshDb()
    const faults = writeFaults(db)
    const row = await start()
    faults.fail('answers')
    const error = await saveAnswer(db, row.id, 'q1', { value: 'ok' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DOMException)
    expect(error).toMatchObject({ name: 'QuotaExceededError' })
    expect(await db.answers.count()).toBe(0)
    expect((await db.responses.get(row.id))?.updatedAt).toBe(row.updatedAt)
    faults.heal()
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    expect((await db.answers.get([row.id, 'q1']))?.answer.value).toBe('ok')
  })

  // The second and later saves take the fast path: the row last written is the guess, checked in the write's transaction.
  describe('when the response row changed since the last save', () => {
    let other: QingdanDatabase | undefined
    afterEach(() => other?.close())

    it('keeps a field another tab wrote in between, and still saves the answer', async () => {
      db = freshDb()
      const row = await start()
      await saveAnswer(db, row.id, 'q1', { value: 'ok' })
      other = openDatabase({ name: db.name, ...fake })
      await saveResponseFields(other, row.id, { signature: 'sig-1', inspector: '李老师' })
      const between = (await db.responses.get(row.id))!
      await saveAnswer(db, row.id, 'q2', { value: 'bad' })
      const after = (await db.responses.get(row.id))!
      expect(after).toEqual({ ...between, updatedAt: after.updatedAt })
      expect(after.updatedAt > between.updatedAt).toBe(true)
      expect((await db.answers.get([row.id, 'q2']))?.answer.value).toBe('bad')
    })

    it('rejects with ResponseLockedError when another tab submitted, leaving the answer and the row as submitted', async () => {
      db = freshDb()
      const row = await start()
      await saveAnswer(db, row.id, 'q1', { value: 'ok' })
      other = openDatabase({ name: db.name, ...fake })
      await submitResponse(other, row.id, dorm)
      const submitted = (await db.responses.get(row.id))!
      await expect(saveAnswer(db, row.id, 'q1', { value: 'bad' })).rejects.toBeInstanceOf(ResponseLockedError)
      await expect(saveAnswer(db, row.id, 'q2', { value: 'bad' })).rejects.toBeInstanceOf(ResponseLockedError)
      expect((await db.answers.get([row.id, 'q1']))?.answer.value).toBe('ok')
      expect(await db.answers.get([row.id, 'q2'])).toBeUndefined()
      expect(await db.responses.get(row.id)).toEqual(submitted)
    })

    it('rejects with ResponseNotFoundError when another tab deleted the response', async () => {
      db = freshDb()
      const row = await start()
      await saveAnswer(db, row.id, 'q1', { value: 'ok' })
      other = openDatabase({ name: db.name, ...fake })
      await other.responses.delete(row.id)
      await expect(saveAnswer(db, row.id, 'q2', { value: 'ok' })).rejects.toBeInstanceOf(ResponseNotFoundError)
      expect(await db.answers.get([row.id, 'q2'])).toBeUndefined()
      expect(await db.responses.get(row.id)).toBeUndefined()
    })
  })

  it('lets a storage failure after earlier saves reach the caller, writes nothing, and succeeds on retry', async () => {
    db = freshDb()
    const faults = writeFaults(db)
    const row = await start()
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    const before = (await db.responses.get(row.id))!
    faults.fail('answers')
    const error = await saveAnswer(db, row.id, 'q1', { value: 'bad' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'QuotaExceededError' })
    expect(error).toBeInstanceOf(DOMException)
    expect((await db.answers.get([row.id, 'q1']))?.answer.value).toBe('ok')
    expect(await db.responses.get(row.id)).toEqual(before)
    faults.heal()
    await saveAnswer(db, row.id, 'q1', { value: 'bad' })
    expect((await db.answers.get([row.id, 'q1']))?.answer.value).toBe('bad')
    expect((await db.responses.get(row.id))!.updatedAt > before.updatedAt).toBe(true)
  })

  it('lands every one of many saves started together, each moving updatedAt forward', async () => {
    db = freshDb()
    const row = await start()
    await saveAnswer(db, row.id, 'q0', { value: 'ok' })
    await Promise.all(['q1', 'q2', 'q3', 'q4'].map((id) => saveAnswer(db, row.id, id, { value: id })))
    const stored = (await getResponse(db, row.id))!
    expect(Object.keys(stored.response.answers).sort()).toEqual(['q0', 'q1', 'q2', 'q3', 'q4'])
    const stamps = ['q1', 'q2', 'q3', 'q4'].map((id) => stored.response.answers[id]!.updatedAt!).sort()
    expect(new Set(stamps).size).toBe(4)
    expect(stored.row.updatedAt).toBe(stamps[3])
  })
})

describe('sameData', () => {
  it('compares rows by content, whatever the key order', () => {
    expect(sameData({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true)
    expect(sameData({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [2, 1] } })).toBe(false)
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameData({ a: [] }, { a: {} })).toBe(false)
    expect(sameData({ status: 'draft' }, undefined)).toBe(false)
  })
})
