import { describe, expect, it } from 'vitest'
import { listRegister, replaceRegister } from '@/db/repositories/register'
import type { RegisterSubject } from '@/core/register/types'
import Dexie from 'dexie'
import { CURRENT_VERSION, openDatabase, v1Stores, v2Stores, v3Stores, v4Stores, v5Stores } from '@/db'
import { fake, freshDb, writeFaults } from './helpers'

const room = (building: string, no: string, responsible?: string): RegisterSubject => ({
  id: `room:${building}/${no}`,
  kind: 'room',
  scopeId: `floor:${building}/${no[0]}`,
  fields: { building, floor: no[0]!, room: no },
  label: `${building} ${no}`,
  ...(responsible && { responsible }),
})

describe('the register on the device', () => {
  it('stores an import, lists it in numeric order, and a second import updates, adds and archives', async () => {
    const db = freshDb()
    expect(await replaceRegister(db, 'room', [room('3号楼', '302'), room('3号楼', '1001'), room('3号楼', '301')])).toEqual({ added: 3, updated: 0, archived: 0 })
    expect((await listRegister(db, 'room')).map((r) => r.label)).toEqual(['3号楼 301', '3号楼 302', '3号楼 1001'])

    const second = await replaceRegister(db, 'room', [room('3号楼', '301', '张老师'), room('3号楼', '302'), room('3号楼', '303')])
    expect(second).toEqual({ added: 1, updated: 1, archived: 1 })
    expect((await listRegister(db, 'room')).map((r) => r.id)).toEqual(['room:3号楼/301', 'room:3号楼/302', 'room:3号楼/303'])
    // Archived, not deleted: a record naming 1001 still finds its label.
    expect(await db.register.get('room:3号楼/1001')).toMatchObject({ archived: true, label: '3号楼 1001' })

    // Listed again: back in the list.
    expect(await replaceRegister(db, 'room', [room('3号楼', '1001')])).toMatchObject({ updated: 1, archived: 3 })
    expect((await listRegister(db, 'room')).map((r) => r.id)).toEqual(['room:3号楼/1001'])
  })

  it('leaves the old list whole when the import fails to write', async () => {
    const db = freshDb()
    const faults = writeFaults(db)
    await replaceRegister(db, 'room', [room('3号楼', '301')])
    faults.fail('register')
    await expect(replaceRegister(db, 'room', [room('5号楼', '101')])).rejects.toThrow()
    faults.heal()
    expect((await listRegister(db, 'room')).map((r) => r.id)).toEqual(['room:3号楼/301'])
  })
})

describe('schema version 6', () => {
  it('adds the register to a version 5 database without touching its rows', async () => {
    const name = `register-migration-${crypto.randomUUID()}`
    const v5 = new Dexie(name, fake)
    ;[v1Stores, v2Stores, v3Stores, v4Stores, v5Stores].forEach((stores, i) => v5.version(i + 1).stores(stores))
    await v5.open()
    await v5.table('outbox').add({ id: 'm1', kind: 'answer' })
    v5.close()
    const db = openDatabase({ name, ...fake })
    await db.open()
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(6)
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(await db.outbox.count()).toBe(1)
    expect(await db.register.count()).toBe(0)
    db.close()
  })
})
