import { describe, expect, it } from 'vitest'
import { listPublishedTemplates, listTemplateVersions } from '@/db'
import {
  createTemplate,
  duplicateTemplate,
  editableTemplate,
  getTemplateRow,
  importTemplate,
  listTemplateRows,
  publishDraft,
  saveDraft,
  setArchived,
} from '@/db/repositories/templates-edit'
import { freshDb, single, template } from './helpers'

describe('template editing', () => {
  it('creates a draft, publishes version 1 then version 2, freezing each', async () => {
    const db = freshDb()
    const row = await createTemplate(db, template('t', 1), 'user', '2026-01-01T00:00:00.000Z')
    expect(row).toMatchObject({ id: 't', status: 'draft', latestVersion: 0 })
    expect((await publishDraft(db, 't')).ok).toBe(true)
    const next = await editableTemplate(db, 't')
    expect(next?.version).toBe(2)
    await saveDraft(db, 't', { ...next!, title: '新标题', sections: [{ id: 's1', title: 'S', items: [single('q1'), single('q9')] }] })
    const published = await publishDraft(db, 't')
    expect(published.ok && [published.value.version, published.value.previous?.version]).toEqual([2, 1])
    const versions = await listTemplateVersions(db, 't')
    expect(versions.map((v) => [v.version, v.template.title])).toEqual([[1, 't v1'], [2, '新标题']])
    expect((await getTemplateRow(db, 't'))?.draft).toBeUndefined()
  })

  it('refuses to publish a draft with errors and writes nothing', async () => {
    const db = freshDb()
    await createTemplate(db, template('t', 1))
    await saveDraft(db, 't', { ...template('t', 1), sections: [{ id: 's1', title: 'S', items: [single('q1'), single('q1')] }] })
    const r = await publishDraft(db, 't')
    expect(r.ok).toBe(false)
    expect(await listTemplateVersions(db, 't')).toEqual([])
  })

  it('duplicates under a fresh id and archives out of the fill list', async () => {
    const db = freshDb()
    await createTemplate(db, template('t', 1))
    await publishDraft(db, 't')
    const copy = await duplicateTemplate(db, 't')
    expect(copy).toMatchObject({ id: 't-copy', status: 'draft', title: 't v1（副本）' })
    await setArchived(db, 't', true)
    expect(await listPublishedTemplates(db)).toEqual([])
    await setArchived(db, 't', false)
    expect((await listPublishedTemplates(db)).map((v) => v.templateId)).toEqual(['t'])
  })

  it('imports a valid template as published and a taken id under a new id', async () => {
    const db = freshDb()
    const first = await importTemplate(db, template('imp', 3))
    expect(first.ok && first.value).toMatchObject({ id: 'imp', latestVersion: 3, status: 'published' })
    const second = await importTemplate(db, template('imp', 3))
    expect(second.ok && second.value).toMatchObject({ id: 'imp-2', latestVersion: 1 })
  })

  it('stores nothing when an import is invalid', async () => {
    const db = freshDb()
    const r = await importTemplate(db, { id: 'bad', version: 1, title: 'x', sections: [{ id: 's', title: 's', items: [{ id: 'q', type: 'nope' }] }] })
    expect(r.ok).toBe(false)
    expect(await listTemplateRows(db)).toEqual([])
    expect(await db.templateVersions.count()).toBe(0)
  })
})
