// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Item, Template } from '@/core/format/types'
import { createResponse, openDatabase, setDb, type QingdanDatabase } from '@/db'
import { useFillStore } from '@/stores/fill'
import { useSyncStore } from '@/stores/sync'

const item: Item = { id: 'a', type: 'single', title: 'A', options: [{ id: 'ok', label: '符合', points: 2 }, { id: 'bad', label: '不符合', points: 0 }] } as Item
const template: Template = { id: 'tpl', version: 1, title: 'T', subject: { fields: [{ id: 'room', label: '房间' }] }, sections: [{ id: 's', title: 'S', items: [item] }] }

let db: QingdanDatabase
beforeEach(() => {
  setActivePinia(createPinia())
  db = openDatabase({ name: `sync-hook-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
})
afterEach(() => db.close())

describe('the fill store and sync', () => {
  it('tells the sync store once an answer is committed, and not before', async () => {
    const sync = useSyncStore()
    const noted = vi.spyOn(sync, 'noteLocalWrite').mockImplementation(() => undefined)
    const row = await createResponse(db, { template, subject: { room: '301' }, role: 'self', inspector: '李老师' })
    const fill = useFillStore()
    expect(await fill.load(row.id)).toBe(true)
    expect(noted).not.toHaveBeenCalled()
    fill.setValue('a', 'ok')
    expect(noted).not.toHaveBeenCalled() // queued, not yet written
    expect(await fill.flush()).toBe(true)
    await vi.waitFor(() => expect(noted).toHaveBeenCalledTimes(1))
  })
})
