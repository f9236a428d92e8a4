import { afterEach, describe, expect, it } from 'vitest'
import { getDeviceId, getMeta, setMeta, DEVICE_ID_KEY, type QingdanDatabase } from '@/db'
import { freshDb } from './helpers'

let db: QingdanDatabase
afterEach(async () => db?.delete())

describe('device id', () => {
  it('is a UUID created once and returned unchanged afterwards', async () => {
    db = freshDb()
    const first = await getDeviceId(db)
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await getDeviceId(db)).toBe(first)
    expect(await getMeta(db, DEVICE_ID_KEY)).toBe(first)
  })

  it('is created only once even when asked for twice at the same moment', async () => {
    db = freshDb()
    const [a, b] = await Promise.all([getDeviceId(db), getDeviceId(db)])
    expect(a).toBe(b)
  })

  it('differs between two databases (two tablets)', async () => {
    db = freshDb()
    const other = freshDb()
    expect(await getDeviceId(db)).not.toBe(await getDeviceId(other))
    await other.delete()
  })
})

describe('meta', () => {
  it('stores and reads back any structured value by key', async () => {
    db = freshDb()
    expect(await getMeta(db, 'lastBackupAt')).toBeUndefined()
    await setMeta(db, 'lastBackupAt', { at: '2025-01-01T00:00:00.000Z', count: 3 })
    expect(await getMeta(db, 'lastBackupAt')).toEqual({ at: '2025-01-01T00:00:00.000Z', count: 3 })
  })
})
