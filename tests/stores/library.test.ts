import { describe, expect, it, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useLibraryStore } from '@/stores/library'
import { writeTemplateJson } from '@/core/exchange/template-json'
import { freshDb, template } from '../db/helpers'

beforeEach(() => setActivePinia(createPinia()))

describe('library store', () => {
  it('creates a blank draft and shows it as a card', async () => {
    const store = useLibraryStore()
    await store.refresh(freshDb())
    const row = await store.createBlank('Room check')
    expect(row.id).toBe('room-check')
    expect(store.cards.map((c) => [c.title, c.version, c.hasDraft])).toEqual([['Room check', 0, true]])
  })

  it('imports a template file, exports it back, and leaves the library unchanged on malformed JSON', async () => {
    const store = useLibraryStore()
    await store.refresh(freshDb())
    const ok = await store.importJson(writeTemplateJson(template('imp', 2)))
    expect(ok.ok).toBe(true)
    expect(store.cards.map((c) => [c.row.id, c.version, c.itemCount])).toEqual([['imp', 2, 2]])
    const bad = await store.importJson('{"id": "x", ')
    expect(bad.ok).toBe(false)
    expect(store.importIssues[0]?.code).toBe('json.parse')
    expect(store.cards).toHaveLength(1)
    const file = await store.exportJson('imp')
    expect(file?.name).toBe('imp-v2.json')
    expect(JSON.parse(file!.text).sections[0].items).toHaveLength(2)
  })

  it('duplicates and archives', async () => {
    const store = useLibraryStore()
    await store.refresh(freshDb())
    await store.importJson(writeTemplateJson(template('a', 1)))
    await store.duplicate('a')
    await store.archive('a')
    expect(store.cards.map((c) => [c.row.id, c.row.status]).sort()).toEqual([['a', 'archived'], ['a-copy', 'draft']])
  })
})

describe('library store: re-scoring older responses', () => {
  it('lists nothing before a template has two versions, and re-scores older responses with the latest', async () => {
    const { setDb, createResponse, submitResponse } = await import('@/db')
    const { publishDraft, saveDraft, createTemplate } = await import('@/db/repositories/templates-edit')
    const db = freshDb()
    setDb(db)
    const store = useLibraryStore()
    await store.refresh(db)
    await createTemplate(db, template('t', 1))
    expect(await store.rescoreOlder('t')).toEqual([])
    await publishDraft(db, 't')
    const v1 = template('t', 1)
    const row = await createResponse(db, { template: v1, subject: { building: 'A', room: '1' }, role: 'self', inspector: '王' })
    await submitResponse(db, row.id, v1)
    expect(await store.rescoreOlder('t')).toEqual([])
    await saveDraft(db, 't', template('t', 2, ['q1', 'q3']))
    await publishDraft(db, 't')
    const rows = await store.rescoreOlder('t')
    expect(rows.map((r) => [r.responseId, r.version, r.subject])).toEqual([[row.id, 1, 'A 1']])
  })

  it('offers the shipped samples', async () => {
    const samples = await useLibraryStore().shippedSamples()
    expect(samples.map((s) => s.id)).toContain('dorm-room-safety')
  })
})
