/**
 * Issue #4: a database written by the first schema version opens with the current code and
 * loses nothing. The fixture is data as version 1 wrote it; it is loaded through a bare Dexie
 * that knows ONLY version 1, then reopened by `QingdanDatabase`, which upgrades it.
 */
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CURRENT_VERSION,
  DEVICE_ID_KEY,
  getDeviceId,
  getResponse,
  listAttachments,
  listPublishedTemplates,
  openDatabase,
  ResponseLockedError,
  saveAnswer,
  subjectKey,
  suggestSubjectValues,
  v1Stores,
  type QingdanDatabase,
} from '@/db'
import fixture from '../fixtures/db/v1-dorm-round.json'
import { fake } from './helpers'

type Row = Record<string, unknown>
type EncodedBlob = { base64: string; type: string }
const isEncodedBlob = (v: unknown): v is EncodedBlob =>
  typeof v === 'object' && v !== null && 'base64' in v && typeof v.base64 === 'string'

/** The fixture's rows with `{ base64, type }` turned into Blobs, as they were stored. */
function decodeRow(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, isEncodedBlob(v) ? new Blob([Buffer.from(v.base64, 'base64')], { type: v.type }) : v]),
  )
}

const tables = fixture.tables as unknown as Record<string, Row[]>
const SELF_ID = '5b0c6a52-1b2e-4c7e-9a51-0d3f3f6a0001'
const DRAFT_ID = '5b0c6a52-1b2e-4c7e-9a51-0d3f3f6a0002'

let db: QingdanDatabase | undefined
afterEach(async () => {
  await db?.delete()
  db = undefined
})

/** Writes the fixture with a database that knows only schema version 1, then closes it. */
async function writeWithV1(name: string, without: { meta?: string[] } = {}): Promise<void> {
  const v1 = new Dexie(name, fake)
  v1.version(1).stores(v1Stores)
  await v1.open()
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) {
      const kept = table === 'meta' ? rows.filter((r) => !without.meta?.includes(String(r.key))) : rows
      await v1.table(table).bulkAdd(kept.map(decodeRow))
    }
  })
  v1.close()
}

async function upgraded(options: { meta?: string[] } = {}): Promise<QingdanDatabase> {
  const name = `migration-${crypto.randomUUID()}`
  await writeWithV1(name, options)
  db = openDatabase({ name, ...fake })
  await db.open()
  return db
}

describe('schema version 1', () => {
  it('is exactly what shipped: the frozen copy in the fixture (edit a shipped version never)', () => {
    expect(v1Stores).toEqual(fixture.schema)
  })
})

describe('upgrading a database written by schema version 1', () => {
  it('opens at the current version with every row of every table still there', async () => {
    const db = await upgraded()
    expect(db.verno).toBe(CURRENT_VERSION)
    for (const [table, rows] of Object.entries(tables)) {
      const stored = (await db.table(table).toArray()) as Row[]
      expect(stored, table).toHaveLength(rows.length)
      for (const row of rows) {
        const match = stored.find((s) => JSON.stringify(pick(s, Object.keys(row))) === JSON.stringify(pick(decodeRow(row), Object.keys(row))))
        expect(match, `${table}: ${JSON.stringify(row).slice(0, 80)}`).toBeDefined()
      }
    }
  })

  it('keeps the photo and signature Blobs byte for byte', async () => {
    const db = await upgraded()
    const attachments = await listAttachments(db, SELF_ID)
    expect(attachments.map((a) => a.name)).toEqual(['hazard.png', 'signature.png'])
    for (const a of attachments) {
      expect(a.blob).toBeInstanceOf(Blob)
      expect(a.blob.type).toBe('image/png')
      expect(a.blob.size).toBe(a.size)
      const original = Buffer.from((tables.attachments!.find((r) => r.id === a.id)!.blob as EncodedBlob).base64, 'base64')
      expect(Buffer.from(await a.blob.arrayBuffer()).equals(original)).toBe(true)
    }
    expect(attachments[0]?.thumb).toBeInstanceOf(Blob)
  })

  it('stamps responses with the device id already stored, and fills the subject indexes', async () => {
    const db = await upgraded()
    const deviceId = '0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d'
    const self = await db.responses.get(SELF_ID)
    expect(self).toMatchObject({
      deviceId,
      subjectKey: subjectKey({ building: '3号楼', floor: '2', room: '201' }),
      subjectTerms: ['building=3号楼', 'floor=2', 'room=201'],
    })
    expect(await getDeviceId(db)).toBe(deviceId)
    expect(await db.responses.where('deviceId').equals(deviceId).count()).toBe(2)
    expect(await db.responses.where('subjectTerms').equals('floor=2').count()).toBe(2)
    expect(await db.responses.where('subjectTerms').equals('room=202').primaryKeys()).toEqual([DRAFT_ID])
    expect(await db.responses.where('[templateId+status]').equals(['dorm-safety', 'submitted']).primaryKeys()).toEqual([SELF_ID])
    expect(await db.responses.where('band').equals('不合格').primaryKeys()).toEqual([SELF_ID])
    expect(await db.tasks.where('assignee').equals('李宿管').count()).toBe(1)
  })

  it('creates a device id during the upgrade when version 1 never stored one, and stamps it', async () => {
    const db = await upgraded({ meta: [DEVICE_ID_KEY] })
    const deviceId = await getDeviceId(db)
    expect((await db.responses.toArray()).map((r) => r.deviceId)).toEqual([deviceId, deviceId])
  })

  it('works with the repositories afterwards: resume the draft, submitted stays locked', async () => {
    const db = await upgraded()
    expect((await listPublishedTemplates(db)).map((v) => v.templateId)).toEqual(['dorm-safety'])
    const draft = await getResponse(db, DRAFT_ID)
    expect(draft?.response.answers).toEqual({ appliance: { value: 'ok', updatedAt: '2025-03-02T09:07:00.000Z' } })
    await saveAnswer(db, DRAFT_ID, 'wiring', { value: 1 })
    expect(Object.keys((await getResponse(db, DRAFT_ID))!.response.answers).sort()).toEqual(['appliance', 'wiring'])
    await expect(saveAnswer(db, SELF_ID, 'wiring', { value: 2 })).rejects.toBeInstanceOf(ResponseLockedError)
    expect(await suggestSubjectValues(db, 'room', { templateId: 'dorm-safety' })).toEqual(['202', '201'])
  })
})

function pick(row: Row, keys: string[]): Row {
  return Object.fromEntries(keys.map((k) => [k, row[k] instanceof Blob ? { blob: (row[k] as Blob).size } : row[k]]))
}
