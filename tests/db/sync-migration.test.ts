/**
 * Schema v5 (#13) adds the outbox and the sync tables. A database written by v4 (bundles' last
 * shipped version) opens at v5 with every row kept, and its legacy rows (no `hlc`, no `sha256`)
 * go on working: an answer saved now is enqueued, an attachment keeps its bytes.
 */
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { CURRENT_VERSION, openDatabase, saveAnswer, v1Stores, v2Stores, v3Stores, v4Stores, v5Stores } from '@/db'
import { fake } from './helpers'

describe('schema version 5', () => {
  it('adds the outbox keyed by an auto-increment seq, and the sync tables', () => {
    expect(v5Stores).toEqual({
      attachments: 'id, responseId, sha256',
      outbox: '++seq',
      uploads: 'id',
      downloads: 'id, sha256, responseId',
      syncErrors: '++id',
      tombstones: 'id',
    })
    // Later versions follow (v6: the register); v5 itself never changes.
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(5)
  })

  it('upgrades a database written by version 4 without losing a row, and enqueues the next edit', async () => {
    const name = `sync-migration-${crypto.randomUUID()}`
    const v4 = new Dexie(name, fake)
    v4.version(1).stores(v1Stores)
    v4.version(2).stores(v2Stores)
    v4.version(3).stores(v3Stores)
    v4.version(4).stores(v4Stores)
    await v4.open()
    const row = {
      id: 'r1', templateId: 'dorm', templateVersion: 1, templateTitle: 'Dorm', role: 'self', subject: {}, status: 'draft',
      inspector: '', startedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', subjectTerms: [],
    }
    await v4.table('responses').add(row)
    await v4.table('answers').add({ responseId: 'r1', itemId: 'q1', answer: { value: 'ok', updatedAt: row.updatedAt } })
    await v4.table('attachments').add({ id: 'a1', responseId: 'r1', itemId: 'q1', name: 'p.jpg', type: 'image/jpeg', size: 1, blob: new Blob(['x']), createdAt: row.updatedAt })
    v4.close()

    const db = openDatabase({ name, ...fake })
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(await db.answers.get(['r1', 'q1'])).toEqual({ responseId: 'r1', itemId: 'q1', answer: { value: 'ok', updatedAt: row.updatedAt } })
    expect(await db.attachments.where('sha256').equals('anything').count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    await saveAnswer(db, 'r1', 'q2', { value: 'bad' })
    // The old draft is announced first (legacy-sync.ts), then the new answer.
    const queued = await db.outbox.toArray()
    expect(queued.map((m) => m.kind)).toEqual(['response', 'answer', 'answer'])
    expect(queued[2]).toMatchObject({ seq: 3, kind: 'answer', responseId: 'r1', itemId: 'q2', answer: { value: 'bad' } })
    await db.delete()
  })
})
