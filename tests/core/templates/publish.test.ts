import { describe, expect, it } from 'vitest'
import { ok, fail, type Result } from '@/core/result'
import type { Template } from '@/core/format/types'
import { checkDraft, publish } from '@/core/templates/publish'
import type { TemplateStatus } from '@/core/templates/record'
import { NOW, record, single, template } from './builders'

const broken = (): Template => template('t', 1, [single('q1'), single('q1')])

describe('checkDraft', () => {
  const cases = [
    { name: 'a missing record', row: undefined, code: 'publish.notFound' },
    { name: 'a record without a draft', row: record({ draft: undefined }), code: 'publish.noDraft' },
    { name: 'a draft with duplicate ids', row: record({ draft: broken() }), code: 'id.duplicateItem' },
  ]
  it.each(cases)('refuses $name', ({ row, code }) => {
    const r = checkDraft(row)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain(code)
  })

  it('validates the draft as version N+1 of the record', () => {
    const r = checkDraft(record({ id: 'x', latestVersion: 2, draft: template('other', 1) }))
    expect(r.ok && [r.value.id, r.value.version]).toEqual(['x', 3])
  })
})

describe('publish', () => {
  const statuses: Array<{ before: TemplateStatus; after: TemplateStatus }> = [
    { before: 'draft', after: 'published' },
    { before: 'published', after: 'published' },
    { before: 'archived', after: 'archived' },
  ]
  it.each(statuses)('a $before template is $after after a publish', ({ before, after }) => {
    const r = publish(record({ status: before, latestVersion: 1 }), ok(template('t', 2)), template('t', 1), NOW)
    expect(r.ok && r.value.row.status).toBe(after)
  })

  it('freezes version N+1 under the record id and drops the draft', () => {
    const previous = template('t', 1)
    const r = publish(record({ latestVersion: 1 }), ok({ ...template('t', 2), title: '新' }, [{ code: 'w', pointer: '', severity: 'warning', message: { 'zh-CN': 'w', en: 'w' } }]), previous, NOW)
    if (!r.ok) throw new Error('refused')
    expect(r.value.row).toMatchObject({ title: '新', latestVersion: 2, updatedAt: NOW })
    expect('draft' in r.value.row).toBe(false)
    expect(r.value.version).toMatchObject({ templateId: 't', version: 2, publishedAt: NOW, itemCount: 1 })
    expect(r.value.published).toMatchObject({ version: 2, previous })
    expect(r.warnings.map((w) => w.code)).toEqual(['w'])
  })

  const refusals: Array<{ name: string; row: ReturnType<typeof record> | undefined; checked: Result<Template>; code: string }> = [
    { name: 'a missing record', row: undefined, checked: ok(template()), code: 'publish.notFound' },
    { name: 'a failed validation, with its issues', row: record(), checked: fail([{ code: 'id.duplicateItem', pointer: '/sections/0', severity: 'error', message: { 'zh-CN': 'x', en: 'x' } }]), code: 'id.duplicateItem' },
  ]
  it.each(refusals)('refuses $name', ({ row, checked, code }) => {
    const r = publish(row, checked, null, NOW)
    expect(!r.ok && r.issues[0]?.code).toBe(code)
  })
})
