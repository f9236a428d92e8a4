// The sync store's default wiring against the real outbox (fake-indexeddb). Needs the device's
// sync engine (src/sync/engine.ts, src/db/repositories/sync.ts).
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Item, Template } from '@/core/format/types'
import { createResponse, openDatabase, setDb, type QingdanDatabase } from '@/db'
import { saveAnswer } from '@/db/repositories/answers'
import type { SyncErrorRow } from '@/db/rows'
import { defaultSyncDeps } from '@/stores/sync-deps'

const item = { id: 'a', type: 'single', title: 'A', options: [{ id: 'ok', label: '符合', points: 2 }] } as Item
const template: Template = { id: 'tpl', version: 1, title: 'T', subject: { fields: [{ id: 'room', label: '房间' }] }, sections: [{ id: 's', title: 'S', items: [item] }] }

let db: QingdanDatabase
beforeEach(() => {
  db = openDatabase({ name: `sync-deps-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
})
afterEach(() => db.close())

describe('defaultSyncDeps', () => {
  it('counts the unsynced writes, lists refused ones with their reason, and wipes on request', async () => {
    const deps = defaultSyncDeps()
    expect(await deps.pending()).toBe(0)
    const row = await createResponse(db, { template, subject: { room: '301' }, role: 'self', inspector: '李老师' })
    await saveAnswer(db, row.id, 'a', { value: 'ok', updatedAt: new Date().toISOString() })
    expect(await deps.pending()).toBeGreaterThanOrEqual(2)

    const [first] = await db.outbox.toArray()
    if (!first) throw new Error('no outbox row')
    const issue = { code: 'x', pointer: '', severity: 'error' as const, message: { 'zh-CN': '无效', en: 'Invalid' } }
    await db.syncErrors.add({ mutation: first, result: { seq: first.seq, id: first.id, status: 'refused', issue }, at: new Date().toISOString() } as SyncErrorRow) // Dexie assigns the id
    const [refused] = await deps.refused()
    expect(refused).toEqual({ key: expect.any(Number), id: first.id, seq: first.seq, kind: first.kind, issue })
    await deps.dismiss(refused!.key)
    expect(await deps.refused()).toEqual([])

    await deps.wipe()
    expect(await deps.pending()).toBe(0)
    expect(await db.responses.count()).toBe(0)
  })
})
