/** Builders for bundle round trips on fake-indexeddb: a device with rooms filled on it. */
import { BlobReader, BlobWriter, TextReader, Uint8ArrayReader, ZipReader, ZipWriter, Uint8ArrayWriter } from '@zip.js/zip.js'
import type { Template } from '@/core/format/types'
import { addAttachment, createResponse, saveAnswer, submitResponse, type QingdanDatabase } from '@/db'
import { blobSink, writeBundle, type WriteBundleOptions } from '@/io/bundle/write'
import { freshDb, template } from '../db/helpers'

export const TPL: Template = template('dorm', 1)
/** A JPEG's first bytes: imports sniff attachments, so fixture photos start like one. */
export const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])

/** A device with the dorm template published; `beforeOpen` may install middleware first. */
export async function device(beforeOpen?: (db: QingdanDatabase) => void): Promise<QingdanDatabase> {
  const db = freshDb()
  beforeOpen?.(db)
  await db.templates.put({ id: 'dorm', title: 'dorm v1', status: 'published', latestVersion: 1, source: 'user', createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' })
  return db
}

/** Fills one room; optionally with a photo and submitted. Returns the response id. */
export async function fillRoom(
  db: QingdanDatabase,
  room: string,
  answers: Record<string, string>,
  opts: { photo?: boolean; submit?: boolean; building?: string } = {},
): Promise<string> {
  const row = await createResponse(db, { template: TPL, subject: { building: opts.building ?? '3号楼', room }, role: 'self', inspector: '王老师' })
  for (const [itemId, value] of Object.entries(answers)) await saveAnswer(db, row.id, itemId, { value })
  if (opts.photo) {
    const photo = await addAttachment(db, { responseId: row.id, itemId: 'q1', blob: new Blob([JPEG_HEAD, `jpeg of ${room}`], { type: 'image/jpeg' }), name: `${room}.jpg`, type: 'image/jpeg' })
    await saveAnswer(db, row.id, 'q1', { value: answers.q1 ?? 'ok', attachments: [photo.id] })
  }
  if (opts.submit) {
    await submitResponse(db, row.id, TPL)
  }
  return row.id
}

export async function exportBlob(db: QingdanDatabase, options: WriteBundleOptions = {}): Promise<Blob> {
  const { sink, blob } = blobSink()
  await writeBundle(db, sink, options)
  return blob
}

/** Rewrites a bundle's entries through `edit` (name → bytes), re-zipping them as they come. */
export async function rezip(bundle: Blob, edit: (name: string, bytes: Uint8Array) => Uint8Array | null): Promise<Blob> {
  const reader = new ZipReader(new BlobReader(bundle))
  const writer = new ZipWriter(new BlobWriter('application/zip'))
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue
    const bytes = (await entry.getData(new Uint8ArrayWriter())) as Uint8Array
    const next = edit(entry.filename, bytes)
    if (next) await writer.add(entry.filename, new Uint8ArrayReader(next))
  }
  await reader.close()
  return writer.close()
}

export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)
export const bytesOf = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s)
export { TextReader }

/** Every row of the tables a bundle touches, for "nothing changed" assertions. */
export async function snapshot(db: QingdanDatabase): Promise<unknown> {
  const strip = <T extends object>(rows: T[]): unknown[] => rows.map((r) => ({ ...r, blob: undefined, thumb: undefined }))
  return {
    templates: await db.templates.toArray(),
    versions: await db.templateVersions.toArray(),
    responses: await db.responses.toArray(),
    answers: await db.answers.toArray(),
    history: await db.answerHistory.toArray(),
    attachments: strip(await db.attachments.toArray()),
    tasks: await db.tasks.toArray(),
    summaries: await db.summaries.toArray(),
  }
}
