// The fill store opening a review (#15): the self-assessment it reviews, scored once, beside it.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Item, Template } from '@/core/format/types'
import { addAttachment, createResponse, openDatabase, saveAnswer, setDb, submitResponse, type QingdanDatabase } from '@/db'
import { startReviewOf } from '@/db/repositories/review'
import { useFillStore } from '@/stores/fill'

const score = (id: string): Item => ({ id, type: 'score', title: `Item ${id}`, max: 10 }) as Item
const note = (id: string): Item => ({ id, type: 'text', title: `Note ${id}` }) as Item
const template: Template = {
  id: 'hq',
  version: 1,
  title: '红旗党支部',
  subject: { fields: [{ id: 'branch', label: '支部' }] },
  sections: [{ id: 's', title: '组织建设', items: [score('a'), score('b'), note('c')] }],
}

let db: QingdanDatabase

beforeEach(() => {
  setActivePinia(createPinia())
  db = openDatabase({ name: `fill-review-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
})
afterEach(() => db.close())

/** A submitted self-assessment with a = 8 (a note and a photo of evidence), b = 6; its review's id. */
async function reviewOfSelf(): Promise<{ selfId: string; reviewId: string; photoId: string }> {
  const self = await createResponse(db, { template, subject: { branch: '一支部' }, role: 'self', inspector: '张书记' })
  const photo = await addAttachment(db, { responseId: self.id, itemId: 'a', name: '会议记录.jpg', type: 'image/jpeg', blob: new Blob(['jpeg']) })
  await saveAnswer(db, self.id, 'a', { value: 8, note: '全年 12 次', attachments: [photo.id], updatedAt: '2026-12-01T08:00:00.000Z' })
  await saveAnswer(db, self.id, 'b', { value: 6, updatedAt: '2026-12-01T08:00:00.000Z' })
  await submitResponse(db, self.id, template)
  const started = await startReviewOf(db, self.id, '评审甲')
  if (!started.ok) throw new Error(started.reason)
  return { selfId: self.id, reviewId: started.id, photoId: photo.id }
}

describe('fill store: a review beside its self-assessment', () => {
  it('loads the self-assessment with its answers, evidence and score, once', async () => {
    const { selfId, reviewId, photoId } = await reviewOfSelf()
    const store = useFillStore()
    expect(await store.load(reviewId)).toBe(true)
    expect(store.reviewedState).toBe('ready')
    const self = store.reviewed
    expect(self?.row.id).toBe(selfId)
    expect(self?.row.inspector).toBe('张书记')
    expect(self?.result.total).toBe(14)
    expect(self?.result.max).toBe(20)
    expect(self?.items.get('a')).toMatchObject({ score: 8, max: 10 })
    expect(self?.answers.a?.note).toBe('全年 12 次')
    expect(self?.attachments.get(photoId)).toMatchObject({ name: '会议记录.jpg', itemId: 'a', type: 'image/jpeg' })
    // Metadata only: the bytes are read when a thumbnail is shown.
    expect(self?.attachments.get(photoId)).not.toHaveProperty('blob')
  })

  it('marks the items whose points differ from the self-assessment’s, and follows each tap', async () => {
    const { reviewId } = await reviewOfSelf()
    const store = useFillStore()
    await store.load(reviewId)
    // Not answered yet in the review: a 0 that is no judgement is not marked.
    expect(store.result?.total).toBe(0)
    expect(store.selfDifferences.size).toBe(0)
    store.setValue('a', 8)
    expect(store.selfDifferences.has('a')).toBe(false)
    store.setValue('b', 4)
    expect(store.selfDifferences.get('b')).toBe(-2)
    store.setValue('b', 6)
    expect(store.selfDifferences.has('b')).toBe(false)
    store.setValue('a', 7.5)
    expect(store.selfDifferences.get('a')).toBe(-0.5)
    expect([...store.selfDifferences.keys()]).toEqual(['a'])
  })

  it('says the self-assessment is missing when it is not on this device, and fills as before', async () => {
    const orphan = await createResponse(db, { template, subject: { branch: '二支部' }, role: 'review', inspector: '评审乙', reviewOf: 'elsewhere' })
    const store = useFillStore()
    expect(await store.load(orphan.id)).toBe(true)
    expect(store.reviewedState).toBe('missing')
    expect(store.reviewed).toBeNull()
    store.setValue('a', 5)
    expect(store.result?.total).toBe(5)
    expect(store.selfDifferences.size).toBe(0)
  })

  it('loads nothing beside a response that is not a review, and forgets the last review on the next load', async () => {
    const { reviewId } = await reviewOfSelf()
    const plain = await createResponse(db, { template, subject: { branch: '三支部' }, role: 'self', inspector: '李书记' })
    const store = useFillStore()
    await store.load(reviewId)
    store.setValue('b', 1)
    expect(store.selfDifferences.size).toBeGreaterThan(0)
    await store.load(plain.id)
    expect(store.reviewedState).toBe('none')
    expect(store.reviewed).toBeNull()
    expect(store.selfDifferences.size).toBe(0)
  })
})
