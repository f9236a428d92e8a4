import { describe, expect, it } from 'vitest'
import { archivedStatus, copyDraft, editableDraft, newTemplateRecord, withDraft, withoutDraft } from '@/core/templates/draft'
import { freeTemplateId } from '@/core/templates/ids'
import type { TemplateStatus } from '@/core/templates/record'
import { EARLIER, NOW, record, template } from './builders'

describe('freeTemplateId', () => {
  const cases: Array<{ id: string; taken: string[]; expected: string }> = [
    { id: 't', taken: [], expected: 't' },
    { id: 't', taken: ['t'], expected: 't-2' },
    { id: 't', taken: ['t', 't-2', 't-3'], expected: 't-4' },
    { id: 't', taken: ['t-2'], expected: 't' },
  ]
  it.each(cases)('$id among $taken → $expected', ({ id, taken, expected }) => {
    expect(freeTemplateId(id, new Set(taken))).toBe(expected)
  })
})

describe('drafts', () => {
  it('a new record is an unpublished draft, version 1 under the given id', () => {
    const row = newTemplateRecord(template('x', 7), 'x-2', 'import', NOW)
    expect(row).toMatchObject({ id: 'x-2', status: 'draft', latestVersion: 0, source: 'import', createdAt: NOW, updatedAt: NOW })
    expect(row.draft).toMatchObject({ id: 'x-2', version: 1 })
  })

  const saves: Array<{ latestVersion: number; expected: number }> = [
    { latestVersion: 0, expected: 1 },
    { latestVersion: 4, expected: 5 },
  ]
  it.each(saves)('a saved draft is version latest + 1 ($latestVersion → $expected) under the record id', ({ latestVersion, expected }) => {
    const row = withDraft(record({ latestVersion }), { ...template('other', 99), title: '新标题' }, NOW)
    expect(row.draft).toMatchObject({ id: 't', version: expected, title: '新标题' })
    expect(row).toMatchObject({ title: '新标题', updatedAt: NOW })
  })

  it('discarding goes back to the latest version; a never published template keeps its draft', () => {
    expect(withoutDraft(record({ latestVersion: 0 }), undefined, NOW)).toBeUndefined()
    const back = withoutDraft(record({ latestVersion: 2, title: 'draft title' }), { ...template('t', 2), title: 'v2 title' }, NOW)
    expect(back).toMatchObject({ title: 'v2 title', updatedAt: NOW })
    expect(back && 'draft' in back).toBe(false)
  })

  const opens = [
    { name: 'the draft when there is one', row: record({ latestVersion: 1 }), latest: template('t', 1), expected: 1 },
    { name: 'else the latest version as version N+1', row: record({ latestVersion: 3, draft: undefined }), latest: template('t', 3), expected: 4 },
  ]
  it.each(opens)('the editor opens $name', ({ row, latest, expected }) => {
    expect(editableDraft(row, latest)?.version).toBe(expected)
  })
  it('the editor opens nothing without a draft or a version', () => {
    expect(editableDraft(record({ draft: undefined }), undefined)).toBeUndefined()
  })

  it('a copy is a version 1 draft titled （副本）', () => {
    expect(copyDraft(template('t', 5))).toMatchObject({ id: 't-copy', version: 1, title: 't v5（副本）' })
  })
})

describe('archivedStatus', () => {
  const cases: Array<{ archived: boolean; latestVersion: number; expected: TemplateStatus }> = [
    { archived: true, latestVersion: 0, expected: 'archived' },
    { archived: true, latestVersion: 2, expected: 'archived' },
    { archived: false, latestVersion: 2, expected: 'published' },
    { archived: false, latestVersion: 0, expected: 'draft' },
  ]
  it.each(cases)('archived=$archived, latest v$latestVersion → $expected', ({ archived, latestVersion, expected }) => {
    expect(archivedStatus({ latestVersion }, archived)).toBe(expected)
  })
})

it('records keep their creation time', () => {
  expect(withDraft(record(), template(), NOW).createdAt).toBe(EARLIER)
})
