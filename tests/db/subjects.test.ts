import { afterEach, describe, expect, it } from 'vitest'
import { createResponse, saveResponseFields, submitResponse, suggestSubjectValues, type QingdanDatabase } from '@/db'
import { freshDb, template } from './helpers'

let db: QingdanDatabase
afterEach(async () => db?.delete())

const dorm = template('dorm', 1)
const hygiene = template('hygiene', 1)
const start = (subject: Record<string, string | number>, t = dorm) =>
  createResponse(db, { template: t, subject, role: 'self', inspector: '' })

describe('suggestSubjectValues', () => {
  it('remembers values when a response starts, most used first', async () => {
    db = freshDb()
    await start({ building: '3号楼', room: 201 })
    await start({ building: '5号楼', room: 202 })
    await start({ building: '5号楼', room: 203 })
    expect(await suggestSubjectValues(db, 'building')).toEqual(['5号楼', '3号楼'])
    const row = await db.subjects.get(['building', '5号楼'])
    expect(row).toMatchObject({ count: 2, templateIds: ['dorm'] })
  })

  it('breaks ties by the most recent use', async () => {
    db = freshDb()
    await start({ room: 201 })
    await new Promise((r) => setTimeout(r, 2))
    await start({ room: 202 })
    expect(await suggestSubjectValues(db, 'room')).toEqual(['202', '201'])
  })

  it('filters by the typed prefix and honours the limit', async () => {
    db = freshDb()
    for (const room of [101, 201, 202, 203]) await start({ room })
    expect((await suggestSubjectValues(db, 'room', { prefix: '20' })).sort()).toEqual(['201', '202', '203'])
    expect(await suggestSubjectValues(db, 'room', { prefix: '20', limit: 2 })).toHaveLength(2)
    expect(await suggestSubjectValues(db, 'room', { prefix: '3' })).toEqual([])
  })

  it('puts values used with the given template before values from other templates', async () => {
    db = freshDb()
    await start({ building: '1号楼' }, hygiene)
    await start({ building: '1号楼' }, hygiene)
    await start({ building: '2号楼' })
    expect(await suggestSubjectValues(db, 'building', { templateId: 'dorm' })).toEqual(['2号楼', '1号楼'])
    expect(await suggestSubjectValues(db, 'building', { templateId: 'hygiene' })).toEqual(['1号楼', '2号楼'])
  })

  it('skips empty values and does not count keystrokes while a draft is edited, only the submitted value', async () => {
    db = freshDb()
    const r = await start({ building: '', room: '' })
    expect(await db.subjects.count()).toBe(0)
    await saveResponseFields(db, r.id, { subject: { building: '', room: '2' } })
    await saveResponseFields(db, r.id, { subject: { building: '', room: '204' } })
    expect(await suggestSubjectValues(db, 'room')).toEqual([])
    await submitResponse(db, r.id, dorm)
    expect(await suggestSubjectValues(db, 'room')).toEqual(['204'])
  })
})
