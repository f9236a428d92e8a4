import { afterEach, describe, expect, it } from 'vitest'
import {
  addAttachment,
  createResponse,
  deleteAttachment,
  getAttachment,
  listAttachments,
  ResponseLockedError,
  ResponseNotFoundError,
  submitResponse,
  type QingdanDatabase,
} from '@/db'
import { freshDb, template } from './helpers'

let db: QingdanDatabase
afterEach(async () => db?.delete())

const dorm = template('dorm', 1)
const start = () => createResponse(db, { template: dorm, subject: { room: 201 }, role: 'self', inspector: '' })
const photo = (bytes: number[] = [0xff, 0xd8, 0xff]) => new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' })

describe('attachments', () => {
  it('stores a photo Blob with its thumbnail and reads the same bytes back', async () => {
    db = freshDb()
    const r = await start()
    const row = await addAttachment(db, {
      responseId: r.id,
      itemId: 'q1',
      blob: photo([1, 2, 3, 4]),
      thumb: photo([9]),
      name: 'wiring.jpg',
      type: 'image/jpeg',
      width: 1600,
      height: 1200,
    })
    expect(row).toMatchObject({ responseId: r.id, itemId: 'q1', size: 4, width: 1600, height: 1200 })
    const stored = await getAttachment(db, row.id)
    expect(stored?.blob).toBeInstanceOf(Blob)
    expect([...new Uint8Array(await stored!.blob.arrayBuffer())]).toEqual([1, 2, 3, 4])
    expect(stored?.thumb?.size).toBe(1)
    expect((await db.responses.get(r.id))!.updatedAt > r.updatedAt).toBe(true)
  })

  it('lists a response’s attachments oldest first, the signature (itemId null) included', async () => {
    db = freshDb()
    const r = await start()
    const other = await start()
    const a = await addAttachment(db, { responseId: r.id, itemId: 'q1', blob: photo(), name: 'a.jpg', type: 'image/jpeg' })
    const sig = await addAttachment(db, { responseId: r.id, itemId: null, blob: new Blob(['png']), name: 'sig.png', type: 'image/png' })
    await addAttachment(db, { responseId: other.id, itemId: 'q1', blob: photo(), name: 'b.jpg', type: 'image/jpeg' })
    expect((await listAttachments(db, r.id)).map((x) => x.id)).toEqual([a.id, sig.id])
  })

  it('deletes an attachment of a draft', async () => {
    db = freshDb()
    const r = await start()
    const a = await addAttachment(db, { responseId: r.id, itemId: 'q1', blob: photo(), name: 'a.jpg', type: 'image/jpeg' })
    await deleteAttachment(db, a.id)
    expect(await getAttachment(db, a.id)).toBeUndefined()
    await expect(deleteAttachment(db, a.id)).resolves.toBeUndefined()
  })

  it('refuses to add to or delete from a submitted response, keeping its evidence', async () => {
    db = freshDb()
    const r = await start()
    const a = await addAttachment(db, { responseId: r.id, itemId: 'q1', blob: photo(), name: 'a.jpg', type: 'image/jpeg' })
    await submitResponse(db, r.id, dorm)
    await expect(addAttachment(db, { responseId: r.id, itemId: 'q1', blob: photo(), name: 'b.jpg', type: 'image/jpeg' })).rejects.toBeInstanceOf(ResponseLockedError)
    await expect(deleteAttachment(db, a.id)).rejects.toBeInstanceOf(ResponseLockedError)
    expect((await listAttachments(db, r.id)).map((x) => x.id)).toEqual([a.id])
  })

  it('refuses an attachment for a response that does not exist', async () => {
    db = freshDb()
    await expect(addAttachment(db, { responseId: 'nope', itemId: 'q1', blob: photo(), name: 'a.jpg', type: 'image/jpeg' })).rejects.toBeInstanceOf(ResponseNotFoundError)
    expect(await db.attachments.count()).toBe(0)
  })
})
