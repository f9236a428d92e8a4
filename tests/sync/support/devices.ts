/** Tiny builders for sync tests: a device is a fresh fake-indexeddb database with a template version. */
import { versionRecord } from '@/core/templates/version'
import { createResponse, type QingdanDatabase } from '@/db'
import { freshDb, template } from '../../db/helpers'

export const dorm = template('dorm', 1)

/** A device holding the `dorm` template version (as a published template would be, on every device). */
export async function device(beforeOpen?: (db: QingdanDatabase) => void): Promise<QingdanDatabase> {
  const db = freshDb()
  beforeOpen?.(db)
  await db.templateVersions.add(versionRecord(dorm, '2026-01-01T00:00:00.000Z'))
  return db
}

export const startRoom = (db: QingdanDatabase, room = 201) =>
  createResponse(db, { template: dorm, subject: { building: '3号楼', room }, role: 'self', inspector: '王老师' })

export async function answerOf(db: QingdanDatabase, responseId: string, itemId: string) {
  return (await db.answers.get([responseId, itemId]))?.answer
}
