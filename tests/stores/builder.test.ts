import { describe, expect, it, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { listTemplateVersions } from '@/db'
import { createTemplate, getTemplateRow } from '@/db/repositories/templates-edit'
import { findItem } from '@/core/builder'
import { useBuilderStore } from '@/stores/builder'
import { freshDb, template } from '../db/helpers'

beforeEach(() => setActivePinia(createPinia()))

async function opened() {
  const db = freshDb()
  await createTemplate(db, template('t', 1))
  const store = useBuilderStore()
  await store.load('t', db)
  return { db, store }
}

describe('builder store', () => {
  it('adds an item, undoes and redoes it', async () => {
    const { store } = await opened()
    const id = store.addItem('s1', 'count')
    expect(findItem(store.template, id)?.item.type).toBe('count')
    expect(store.selection).toEqual({ kind: 'item', id })
    store.undo()
    expect(findItem(store.template, id)).toBeNull()
    store.redo()
    expect(findItem(store.template, id)).not.toBeNull()
  })

  it('merges keystrokes in one field into one undo step', async () => {
    const { store } = await opened()
    for (const title of ['a', 'ab', 'abc']) store.patchItem('q1', (i) => ({ ...i, title }), 'q1.title')
    expect(findItem(store.template, 'q1')?.item.title).toBe('abc')
    store.undo()
    expect(findItem(store.template, 'q1')?.item.title).toBe('Item q1')
  })

  it('scores the scratch preview answers live and lists validation issues', async () => {
    const { store } = await opened()
    store.setPreviewAnswer('q1', { value: 'ok' })
    expect(store.result.total).toBe(2)
    store.patchItem('q2', (i) => ({ ...i, id: 'q1' }))
    expect(store.errorCount).toBeGreaterThan(0)
    const dup = store.issues.find((i) => i.severity === 'error')!
    store.selectIssue(dup)
    expect(store.selection.kind).toBe('item')
  })

  it('autosaves the draft and publishes version 1 with a diff', async () => {
    const { db, store } = await opened()
    store.patchTemplate((t) => ({ ...t, title: '改名' }))
    await store.flush()
    expect((await getTemplateRow(db, 't'))?.draft?.title).toBe('改名')
    const r = await store.publish()
    expect(r.ok && r.value.version).toBe(1)
    expect(r.ok && r.value.diff.added.map((a) => a.id)).toEqual(['q1', 'q2'])
    expect((await listTemplateVersions(db, 't')).map((v) => v.version)).toEqual([1])
    expect(store.template.version).toBe(2)
  })

  it('refuses to publish while errors remain', async () => {
    const { db, store } = await opened()
    store.patchItem('q2', (i) => ({ ...i, id: 'q1' }))
    const r = await store.publish()
    expect(r.ok).toBe(false)
    expect(await listTemplateVersions(db, 't')).toEqual([])
  })
})
