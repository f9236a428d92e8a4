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

  it('names a new section and item readably, in the interface language', async () => {
    const { store } = await opened()
    const s2 = store.addSection(null)
    expect(store.selectedSection?.title).toBe('一级指标 2')
    store.addItem(s2, 'score')
    expect(store.selectedItem?.title).toBe('检查项 3')
    store.addSection(s2, 'en')
    expect(store.selectedSection?.title).toBe('Sub-section 1')
  })

  it('names the published version right after publishing, and the unpublished edits after that', async () => {
    const { store } = await opened()
    expect(store.version).toMatchObject({ published: 0 })
    await store.publish()
    expect(store.version).toEqual({ published: 1, edited: false, next: 2 })
    store.patchItem('q1', (i) => ({ ...i, title: '改了' }))
    expect(store.version).toEqual({ published: 1, edited: true, next: 2 })
  })

  it('warns, without blocking publishing, when the template has no subject fields', async () => {
    const { store } = await opened()
    expect(store.issues.some((i) => i.code === 'subject.none')).toBe(false)
    store.patchTemplate((t) => ({ ...t, subject: undefined }))
    const warning = store.issues.find((i) => i.code === 'subject.none')
    expect(warning?.severity).toBe('warning')
    expect(store.errorCount).toBe(0)
    const r = await store.publish()
    expect(r.ok && r.value.warnings.map((w) => w.code)).toContain('subject.none')
    store.selectIssue(warning!)
    expect(store.selection).toEqual({ kind: 'template' })
  })
})
