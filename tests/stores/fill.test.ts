import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Item, Section, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { createResponse, getResponse, listAttachments, openDatabase, setDb, type QingdanDatabase } from '@/db'
import { useFillStore } from '@/stores/fill'

// Tiny builders: a template is a few sections of a few items.
const yesNo = (id: string, extra: Partial<Item> = {}): Item =>
  ({
    id,
    type: 'single',
    title: `Item ${id}`,
    options: [
      { id: 'ok', label: '符合', points: 2 },
      { id: 'bad', label: '不符合', points: 0, flag: true },
    ],
    ...extra,
  }) as Item
const section = (id: string, items: Item[]): Section => ({ id, title: `Section ${id}`, items })
const template = (sections: Section[]): Template => ({
  id: 'tpl',
  version: 1,
  title: 'Test',
  subject: { fields: [{ id: 'building', label: '楼栋' }, { id: 'floor', label: '楼层' }, { id: 'room', label: '房间' }] },
  sections,
})

let db: QingdanDatabase

async function start(t: Template, subject: Record<string, string | number> = { building: '6', floor: 2, room: '201' }) {
  const row = await createResponse(db, { template: t, subject, role: 'self', inspector: '李老师' })
  const store = useFillStore()
  expect(await store.load(row.id)).toBe(true)
  return { store, id: row.id }
}

/** Waits until autosave has committed everything. */
async function saved(store: ReturnType<typeof useFillStore>) {
  expect(await store.flush()).toBe(true)
}

beforeEach(() => {
  setActivePinia(createPinia())
  db = openDatabase({ name: `fill-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
})
afterEach(() => {
  db.close()
  vi.restoreAllMocks()
})

describe('fill store', () => {
  it('scores live and writes a tapped answer to IndexedDB', async () => {
    const { store, id } = await start(template([section('s', [yesNo('a'), yesNo('b')])]))
    expect(store.result?.total).toBe(0)
    store.setValue('a', 'ok')
    expect(store.result?.total).toBe(2)
    expect(store.itemStates.get('a')?.answered).toBe(true)
    await saved(store)
    const stored = await getResponse(db, id)
    expect(stored?.response.answers.a?.value).toBe('ok')
    expect(store.saveState).toBe('saved')
  })

  it('replaces only the state of the item that changed', async () => {
    const { store } = await start(template([section('s', [yesNo('a'), yesNo('b')])]))
    const before = store.itemStates.get('b')
    store.setValue('a', 'bad')
    expect(store.itemStates.get('b')).toBe(before)
    expect(store.itemStates.get('a')?.flagged).toBe(true)
  })

  it('shows an item when its visibleIf starts to hold', async () => {
    const t = template([section('s', [yesNo('a'), yesNo('b', { visibleIf: { '==': [{ var: 'a' }, 'bad'] } })])])
    const { store } = await start(t)
    expect(store.itemStates.get('b')?.hidden).toBe(true)
    store.setValue('a', 'bad')
    expect(store.itemStates.get('b')?.hidden).toBe(false)
  })

  it('keeps an N/A answer and a remark', async () => {
    const { store, id } = await start(template([section('s', [yesNo('a', { na: true })])]))
    store.setNa('a', true)
    store.setNote('a', '宿舍在装修')
    await saved(store)
    const stored = await getResponse(db, id)
    expect(stored?.response.answers.a).toMatchObject({ na: true, note: '宿舍在装修' })
    expect(store.itemStates.get('a')?.na).toBe(true)
  })

  it('blocks submit while a required item is unanswered', async () => {
    const { store } = await start(template([section('s', [yesNo('a', { required: true }), yesNo('b')])]))
    expect(store.blockers).toEqual([{ itemId: 'a', title: 'Item a', reason: 'required' }])
    expect(await store.submit()).toBe('blocked')
    expect(store.readonly).toBe(false)
  })

  it('blocks submit while required evidence is missing, and lifts it once a file is attached', async () => {
    const t = template([section('s', [yesNo('a', { evidence: { required: 'onFlag' } })])])
    const { store, id } = await start(t)
    store.setValue('a', 'bad')
    expect(store.blockers.map((b) => b.reason)).toEqual(['evidence'])
    await store.addFiles('a', [new Blob(['minutes'], { type: 'text/plain' })], 'evidence')
    await saved(store)
    expect(store.blockers).toEqual([])
    const files = await listAttachments(db, id)
    expect(files).toHaveLength(1)
    const stored = await getResponse(db, id)
    expect(stored?.response.answers.a?.attachments).toEqual([files[0]?.id])
  })

  it('submits the score the core computes and becomes read-only', async () => {
    const t = template([section('s', [yesNo('a'), yesNo('b')])])
    const { store, id } = await start(t)
    store.setValue('a', 'ok')
    store.setValue('b', 'bad')
    expect(await store.submit()).toBeNull()
    const stored = await getResponse(db, id)
    expect(stored?.row.status).toBe('submitted')
    expect(stored?.row.result).toEqual(scoreResponse(t, stored!.response))
    expect(stored?.row.total).toBe(2)
    expect(store.readonly).toBe(true)
    store.setValue('a', 'bad')
    expect(store.answers.a?.value).toBe('ok')
  })

  it('keeps an answer whose write failed and saves it on retry', async () => {
    const { store, id } = await start(template([section('s', [yesNo('a')])]))
    vi.spyOn(db.answers, 'put').mockRejectedValueOnce(new DOMException('disk full', 'QuotaExceededError'))
    store.setValue('a', 'ok')
    await vi.waitFor(() => expect(store.saveState).toBe('error'))
    expect((store.saveError as DOMException).name).toBe('QuotaExceededError')
    expect(store.storageFull).toBe(true)
    expect(store.answers.a?.value).toBe('ok')
    store.retrySave()
    await vi.waitFor(() => expect(store.saveState).toBe('saved'))
    expect(store.storageFull).toBe(false)
    expect((await getResponse(db, id))?.response.answers.a?.value).toBe('ok')
  })

  it('stores the inspector signature as a PNG attachment of the response', async () => {
    const { store, id } = await start(template([section('s', [yesNo('a')])]))
    store.setSignature(new Blob(['png'], { type: 'image/png' }))
    expect(store.attachments.get(store.row!.signature!)?.pending).toBe(true)
    await saved(store)
    const stored = await getResponse(db, id)
    const files = await listAttachments(db, id)
    expect(files.map((f) => [f.itemId, f.type])).toEqual([[null, 'image/png']])
    expect(stored?.row.signature).toBe(files[0]?.id)
    expect(store.row?.signature).toBe(files[0]?.id)
  })

  it('starts the next room with building and floor kept', async () => {
    const { store } = await start(template([section('s', [yesNo('a')])]), { building: '6号楼', floor: 2, room: '201' })
    store.setValue('a', 'ok')
    expect(await store.submit()).toBeNull()
    const nextId = await store.startNextRoom()
    const next = await getResponse(db, nextId!)
    expect(next?.row.subject).toEqual({ building: '6号楼', floor: 2, room: '202' })
    expect(next?.row.status).toBe('draft')
    expect(next?.row.inspector).toBe('李老师')
  })

  it('carries round-level answers (carryOver) to the next room, and nothing else', async () => {
    const t = template([section('s', [yesNo('winter', { carryOver: true }), yesNo('a')])])
    const { store } = await start(t, { building: '6号楼', floor: 2, room: '201' })
    store.setValue('winter', 'bad')
    store.setValue('a', 'bad')
    store.setNote('winter', 'only this room')
    expect(await store.submit()).toBeNull()
    const next = await getResponse(db, (await store.startNextRoom())!)
    expect(Object.keys(next?.response.answers ?? {})).toEqual(['winter'])
    expect(next?.response.answers.winter).toMatchObject({ value: 'bad' })
    expect(next?.response.answers.winter?.note).toBeUndefined()
  })

  it('lists the rectification tasks a submit opened, for the completion screen', async () => {
    const { store } = await start(template([section('s', [yesNo('a'), yesNo('b')])]))
    expect(store.createdTasks).toBeNull()
    store.setValue('a', 'bad')
    store.setValue('b', 'ok')
    expect(await store.submit()).toBeNull()
    expect(store.createdTasks?.map((task) => task.itemId)).toEqual(['a'])
  })

  describe('two tabs on one draft', () => {
    /** A second tab: its own Pinia (own fill store) on the same database. */
    async function openTab(id: string) {
      const store = useFillStore(createPinia())
      expect(await store.load(id)).toBe(true)
      return store
    }

    it('stores the score of the stored answers, including another tab\'s, when one tab submits', async () => {
      const t = template([section('s', [yesNo('a'), yesNo('b')])])
      const { store: tabA, id } = await start(t)
      const tabB = await openTab(id)
      tabA.setValue('a', 'ok')
      tabA.setValue('b', 'ok')
      await saved(tabA)
      // Tab B finds a fault on b; tab A never sees it and shows 4.
      tabB.setValue('b', 'bad')
      await saved(tabB)
      expect(tabA.result?.total).toBe(4)
      expect(await tabA.submit()).toBeNull()
      const stored = (await getResponse(db, id))!
      expect(stored.response.answers.b?.value).toBe('bad')
      expect(stored.row.total).toBe(scoreResponse(t, stored.response).total)
      expect(stored.row.total).toBe(2)
      // Tab A now shows what was submitted.
      expect(tabA.result?.total).toBe(2)
      expect(tabA.answers.b?.value).toBe('bad')
    })

    it('tells the second tab the response was submitted elsewhere, stops retrying and lists its unsaved edits', async () => {
      const t = template([section('s', [yesNo('a'), yesNo('b')])])
      const { store: tabA, id } = await start(t)
      const tabB = await openTab(id)
      tabA.setValue('a', 'ok')
      expect(await tabA.submit()).toBeNull()

      const put = vi.spyOn(db.answers, 'put')
      tabB.setValue('b', 'bad')
      tabB.setNote('a', '门锁坏了')
      expect(await tabB.flush()).toBe(false)
      expect(tabB.saveState).toBe('stopped')
      expect(tabB.lockedOut?.reason).toBe('submitted')
      expect(tabB.lockedOut?.unsaved.map(({ item, answer }) => [item.id, answer.value, answer.note])).toEqual([
        ['b', 'bad', undefined],
        ['a', undefined, '门锁坏了'],
      ])
      // It shows the submitted response, read-only, and never writes again.
      await vi.waitFor(() => expect(tabB.readonly).toBe(true))
      expect(tabB.answers.a?.value).toBe('ok')
      expect(tabB.answers.b).toBeUndefined()
      const attempts = put.mock.calls.length
      await new Promise((r) => setTimeout(r, 1200))
      expect(put.mock.calls.length).toBe(attempts)
      expect(tabB.saveState).toBe('stopped')
      expect(await tabB.submit()).toBe('locked')
      expect((await getResponse(db, id))?.response.answers.b).toBeUndefined()
    })
  })
})
