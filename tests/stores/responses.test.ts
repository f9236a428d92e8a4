import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { addAttachment, createResponse, getResponse, installSamples, listResponses, saveAnswer, setDb, submitResponse, type QingdanDatabase } from '@/db'
import { useResponsesStore } from '@/stores/responses'
import type { Role } from '@/core/format/types'
import { freshDb } from '../db/helpers'
import { sample } from '../fixtures/load'

const dorm = sample('dorm-room-safety')
let db: QingdanDatabase

async function submitted(
  room: string,
  role: Role = 'self',
  answers: Record<string, string | number> = {},
  beforeSubmit: (id: string) => Promise<unknown> = async () => {},
): Promise<string> {
  const row = await createResponse(db, { template: dorm, subject: { building: '3号楼', floor: 2, room }, role, inspector: '王老师' })
  for (const [itemId, value] of Object.entries(answers)) await saveAnswer(db, row.id, itemId, { value })
  await beforeSubmit(row.id)
  await submitResponse(db, row.id, dorm, '2026-11-02T02:00:00.000Z')
  return row.id
}

beforeEach(() => {
  setActivePinia(createPinia())
  db = freshDb()
  setDb(db)
})

describe('responses store: drafts and starting', () => {
  it('starts a response on a template version, lists it as a draft, and deletes it', async () => {
    await installSamples(db, [dorm])
    const store = useResponsesStore()
    const id = await store.start({ template: dorm, subject: { building: '3号楼', room: '201' }, role: 'self', inspector: '王老师' })
    await submitted('202')
    await store.loadDrafts()
    expect(store.drafts.map((r) => r.id)).toEqual([id])
    expect(store.recent).toHaveLength(1)
    expect(store.published.map((v) => v.templateId)).toEqual([dorm.id])
    await store.removeDraft(id)
    expect(store.drafts).toEqual([])
    expect(await listResponses(db, { status: 'draft' })).toEqual([])
  })

  it('finds the template version to start on and suggests earlier subject values', async () => {
    const store = useResponsesStore()
    expect(await store.templateVersion(dorm.id, 99)).toBeUndefined()
    await store.start({ template: dorm, subject: { building: '3号楼', room: '201' }, role: 'self', inspector: '王' })
    const found = await store.templateVersion(dorm.id, dorm.version)
    expect(found?.id).toBe(dorm.id)
    const suggestions = await store.subjectSuggestions(found!)
    expect(suggestions.building).toEqual(['3号楼'])
    expect(Object.keys(suggestions).sort()).toEqual((dorm.subject?.fields ?? []).map((f) => f.id).sort())
  })
})

describe('responses store: detail', () => {
  it('loads a submitted response with its counterpart and attachments, bytes left out', async () => {
    let photoId = ''
    const self = await submitted('201', 'self', { smoking: 1 }, async (id) => {
      photoId = (await addAttachment(db, { responseId: id, itemId: 'smoking', blob: new Blob(['full']), thumb: new Blob(['th']), name: 'p.jpg', type: 'image/jpeg' })).id
    })
    const review = await submitted('201', 'review')
    const photo = { id: photoId }
    const store = useResponsesStore()
    await store.loadDetail(self)
    expect(store.detailState).toBe('ready')
    expect(store.detail?.counterpart?.row.id).toBe(review)
    const meta = store.detail?.attachments.get(photo.id)
    expect(meta).toMatchObject({ id: photo.id, name: 'p.jpg', type: 'image/jpeg' })
    expect(meta && 'blob' in meta).toBe(false)
    expect(await (await store.attachmentBlob(photo.id))?.text()).toBe('th')
    expect(await (await store.attachmentBlob(photo.id, true))?.text()).toBe('full')
    expect(await store.attachmentBlob('nope')).toBeUndefined()
  })

  const states = [
    { name: 'a missing response', make: async () => 'nope', state: 'missing' },
    { name: 'a draft', make: async () => (await createResponse(db, { template: dorm, subject: {}, role: 'self', inspector: '' })).id, state: 'draft' },
  ]
  it.each(states)('says so for $name', async ({ make, state }) => {
    const store = useResponsesStore()
    await store.loadDetail(await make())
    expect(store.detailState).toBe(state)
  })
})

describe('responses store: 开始复核 (review from the record)', () => {
  it('creates a review linked to the self-assessment, same subject and version, that pairs without retyping', async () => {
    const self = await submitted('201', 'self', { smoking: 1 })
    const store = useResponsesStore()
    const started = await store.startReview(self, '张书记')
    if (!started.ok) throw new Error(started.reason)
    expect(started.existing).toBe(false)
    const review = await getResponse(db, started.id)
    expect(review?.row).toMatchObject({
      role: 'review', reviewOf: self, status: 'draft', templateId: dorm.id, templateVersion: dorm.version,
      subject: { building: '3号楼', floor: 2, room: '201' }, inspector: '张书记',
    })
    // A second tap resumes the same draft.
    expect(await store.startReview(self, '张书记')).toEqual({ ok: true, id: started.id, existing: true })

    // An unlinked review of the same subject, submitted later, does not take the linked one's place.
    await submitResponse(db, started.id, dorm, '2026-11-02T01:00:00.000Z')
    await submitted('201', 'review')
    await store.loadDetail(self)
    expect(store.detail?.counterpart?.row.id).toBe(started.id)
    await store.loadDetail(started.id)
    expect(store.detail?.counterpart?.row.id).toBe(self)
  })

  it('refuses a draft, a review and a missing response', async () => {
    const store = useResponsesStore()
    const draft = (await createResponse(db, { template: dorm, subject: { room: '1' }, role: 'self', inspector: '' })).id
    const review = await submitted('202', 'review')
    expect(await store.startReview(draft, 'x')).toEqual({ ok: false, reason: 'notSubmitted' })
    expect(await store.startReview(review, 'x')).toEqual({ ok: false, reason: 'notSelf' })
    expect(await store.startReview('nope', 'x')).toEqual({ ok: false, reason: 'missing' })
  })
})
