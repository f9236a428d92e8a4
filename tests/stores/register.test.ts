// The register store's edit with a team server: the server's copy changes first, so a refusal
// leaves this device's entry as it was; an accepted edit is kept here at once as a new version.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { importRooms } from '@/core/register'
import type { RegisterImportRequest } from '@/core/sync/protocol'
import { openDatabase, setDb, type QingdanDatabase } from '@/db'
import { replaceRegister } from '@/db/repositories/register'
import { useRegisterStore } from '@/stores/register'

let db: QingdanDatabase
beforeEach(async () => {
  setActivePinia(createPinia())
  db = openDatabase({ name: `register-store-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  const rooms = importRooms([['楼栋', '房间号'], ['3号楼', '301']], 'xgb')
  if (!rooms.ok) throw new Error('rooms')
  await replaceRegister(db, 'room', rooms.value.subjects)
})
afterEach(() => db.close())

describe('editing the register with a team server', () => {
  it('sends the edited entry under its own scope, then keeps it here as the next version', async () => {
    const store = useRegisterStore()
    await store.load()
    const send = vi.fn(async (_r: RegisterImportRequest) => ({ scopesCreated: 0, subjectsCreated: 0, subjectsUpdated: 1 }))
    const edited = await store.edit(store.rooms[0]!, { label: '3号楼 301（女）', responsible: '王老师', archived: false }, send)
    expect(send.mock.calls[0]![0]).toEqual({
      parentScopeId: 'floor:3号楼/3',
      scopes: [],
      subjects: [{ id: 'room:3号楼/301', kind: 'room', scopeId: 'floor:3号楼/3', fields: { building: '3号楼', floor: '3', room: '301' }, label: '3号楼 301（女）', responsible: '王老师', archived: false }],
    })
    expect(edited).toMatchObject({ label: '3号楼 301（女）', version: 2 })
    expect(store.rooms[0]?.label).toBe('3号楼 301（女）')
  })

  it('changes nothing here when the server refuses', async () => {
    const store = useRegisterStore()
    await store.load()
    const send = vi.fn(async () => Promise.reject(new Error('403')))
    await expect(store.edit(store.rooms[0]!, { label: '改名', archived: true }, send)).rejects.toThrow('403')
    expect(await db.register.get('room:3号楼/301')).toMatchObject({ label: '3号楼 301' })
    expect((await db.register.get('room:3号楼/301'))?.archived).toBeUndefined()
  })
})
