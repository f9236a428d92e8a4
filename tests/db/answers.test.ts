import { afterEach, describe, expect, it } from 'vitest'
import {
  createResponse,
  getResponse,
  ResponseLockedError,
  ResponseNotFoundError,
  saveAnswer,
  submitResponse,
  type QingdanDatabase,
} from '@/db'
import { writeFaults, freshDb, scoreOf, template } from './helpers'

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
    expect(stored).toEqual({ responseId: row.id, itemId: 'q1', answer: { value: 'bad', updatedAt: second } })
    expect(await db.answers.count()).toBe(1)
  })

  it('keeps an updatedAt the answer already carries (merges decide by it)', async () => {
    db = freshDb()
    const row = await start()
    await saveAnswer(db, row.id, 'q2', { value: 3, updatedAt: '2025-01-01T00:00:00.000Z' })
    expect((await getResponse(db, row.id))?.response.answers.q2).toEqual({ value: 3, updatedAt: '2025-01-01T00:00:00.000Z' })
  })

  it('rejects with ResponseLockedError on a submitted response and writes nothing', async () => {
    db = freshDb()
    const row = await start()
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    await submitResponse(db, row.id, scoreOf(dorm))
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
})
