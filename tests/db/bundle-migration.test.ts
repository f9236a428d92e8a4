/**
 * Schema v4 (#7) adds `answerHistory`. A database written by v3 (results' last shipped version)
 * opens at v4 with every row kept and the new table empty and usable.
 */
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { CURRENT_VERSION, openDatabase, v1Stores, v2Stores, v3Stores, v4Stores } from '@/db'
import { fake } from './helpers'

describe('schema version 4', () => {
  it('only adds the answer history table, keyed so the same losing answer is stored once', () => {
    expect(v4Stores).toEqual({ answerHistory: '[responseId+itemId+hash], responseId' })
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(4)
  })

  it('upgrades a database written by version 3 without losing a row', async () => {
    const name = `bundle-migration-${crypto.randomUUID()}`
    const v3 = new Dexie(name, fake)
    v3.version(1).stores(v1Stores)
    v3.version(2).stores(v2Stores)
    v3.version(3).stores(v3Stores)
    await v3.open()
    await v3.table('responses').add({ id: 'r1', templateId: 'dorm', templateVersion: 1, status: 'draft', updatedAt: 't', subjectTerms: [] })
    await v3.table('answers').add({ responseId: 'r1', itemId: 'q1', answer: { value: 'ok' } })
    v3.close()

    const db = openDatabase({ name, ...fake })
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(await db.responses.get('r1')).toMatchObject({ id: 'r1' })
    expect(await db.answers.count()).toBe(1)
    const entry = { responseId: 'r1', itemId: 'q1', hash: 'h1', answer: { value: 'bad' }, from: 'incoming' as const, recordedAt: 't' }
    await db.answerHistory.put(entry)
    await db.answerHistory.put(entry)
    expect(await db.answerHistory.where('responseId').equals('r1').toArray()).toEqual([entry])
    await db.delete()
  })
})
