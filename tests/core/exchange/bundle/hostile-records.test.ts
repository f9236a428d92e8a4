/** Issue #11, finding 2: records from a bundle pass the same checks as the app's own writes. */
import { describe, expect, it } from 'vitest'
import { parseBundleContent, planMerge, type BundleTask, type BundleTemplate, type BundleTexts } from '@/core/exchange/bundle'
import { T0, T1, ans, content, existing, resp, row, tpl } from './builders'

const NOW = '2026-03-05T00:00:00.000Z'
const base = content({ responses: [resp('101', { q1: ans('ok', T0) })] })

function texts(parts: Partial<BundleTexts> = {}): BundleTexts {
  return {
    templates: JSON.stringify({ templates: base.templates, versions: base.versions }),
    responses: base.responses.map((r) => JSON.stringify(r)).join('\n'),
    tasks: '[]',
    attachments: '[]',
    ...parts,
  }
}

const task = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 't1', responseId: '101', itemId: 'q1', templateId: 'dorm', subject: { building: '3号楼', room: '101' }, title: '电器',
  status: 'open', deadline: '2026-03-08T00:00:00.000Z', createdAt: T0, updatedAt: T0, ...extra,
})

function parsedWith(kind: 'tasks' | 'attachments', records: unknown[]): ReturnType<typeof parseBundleContent> {
  return parseBundleContent({ ...base.manifest, counts: { ...base.manifest.counts, [kind]: records.length } }, texts({ [kind]: JSON.stringify(records) }))
}

describe('task rows from a bundle', () => {
  it.each([
    ['an object as title ("[object Object]")', { title: { toString: 'x' } }, 'title'],
    ['an object as assignee', { assignee: { name: 'x' } }, 'assignee'],
    ['an object as a subject value', { subject: { room: { x: 1 } } }, 'subject'],
    ['a number as note', { note: 5 }, 'note'],
    ['a deadline that is not a time', { deadline: 'soon' }, 'deadline'],
    ['a rectified task without rectifiedAt', { status: 'rectified' }, 'rectifiedAt'],
    ['a verified task without its re-check', { status: 'verified', rectifiedAt: T1, verifiedAt: T1 }, 'verifiedAt'],
    ['fix photos that are not ids', { fixAttachmentIds: [{}] }, 'fixAttachmentIds'],
  ])('are refused with %s', (_what, extra, field) => {
    const r = parsedWith('tasks', [task(extra)])
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.issues[0]?.code).toBe('bundle.badRecord')
      expect(r.issues[0]?.message.en).toContain(field)
    }
  })

  it('are accepted when every field is what the app writes', () => {
    const r = parsedWith('tasks', [task({ status: 'rectified', rectifiedAt: T1, fixAttachmentIds: ['p1'], fixNote: '已整改', assignee: '王老师' })])
    expect(r.ok && (r.value.tasks[0] as BundleTask).fixNote).toBe('已整改')
  })
})

describe('records sharing one id', () => {
  it('two attachments with one id are refused with a clear bilingual message, not a database error', () => {
    const a = { id: 'p1', responseId: '101', itemId: 'q1', name: 'a.jpg', type: 'image/jpeg', size: 3, createdAt: T0 }
    const r = parsedWith('attachments', [a, { ...a, name: 'b.jpg' }])
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues[0]?.code).toBe('bundle.duplicateId')
    expect(r.issues[0]?.message['zh-CN']).toContain('p1')
    expect(r.issues[0]?.message.en).toContain('share the id p1')
  })

  it('two tasks with one id are refused', () => {
    const r = parsedWith('tasks', [task(), task({ title: '另一个' })])
    expect(r.ok ? '' : r.issues[0]?.code).toBe('bundle.duplicateId')
  })
})

describe('template rows from a bundle', () => {
  const sample: BundleTemplate = { ...row(1), id: 'dorm', source: 'sample' }

  it('cannot hide a shipped sample by pointing it at version 9e14 dated year 9999', () => {
    const hostile: BundleTemplate = { ...row(900_000_000_000_000, '9999-01-01T00:00:00.000Z'), source: 'user', status: 'archived' }
    const plan = planMerge(content({ templates: [hostile], versions: [] }), existing({ templates: new Map([['dorm', sample]]), versions: new Map([['dorm@1', tpl()]]) }), NOW)
    expect(plan.templates).toEqual([])
    expect(plan.summary.templates.skipped).toBe(1)
    expect(plan.warnings.map((w) => w.code)).toContain('bundle.sampleKept')
  })

  it('cannot replace a shipped sample’s row with its own title or draft', () => {
    const hostile: BundleTemplate = { ...row(1, T1), title: '已停用', draft: tpl(2, { title: '已停用' }) }
    const plan = planMerge(content({ templates: [hostile] }), existing({ templates: new Map([['dorm', sample]]), versions: new Map([['dorm@1', tpl()]]) }), NOW)
    expect(plan.templates).toEqual([])
  })

  it('cannot move latestVersion past the versions the bundle or the device holds', () => {
    const hostile: BundleTemplate = { ...row(9e14), id: 'dorm' }
    const plan = planMerge(content({ templates: [hostile] }), existing(), NOW)
    expect(plan.templates[0]?.latestVersion).toBe(1)
    const mine: BundleTemplate = { ...row(3), source: 'user' }
    const versions = new Map([1, 2, 3].map((v) => [`dorm@${v}`, tpl(v)]))
    const merged = planMerge(content({ templates: [{ ...row(7, T1) }], versions: [] }), existing({ templates: new Map([['dorm', mine]]), versions }), NOW)
    expect(merged.templates[0]?.latestVersion ?? mine.latestVersion).toBe(3)
  })

  it('cannot claim to be a shipped sample', () => {
    const plan = planMerge(content({ templates: [{ ...row(1), source: 'sample' }] }), existing(), NOW)
    expect(plan.templates[0]?.source).toBe('import')
  })

  it('brings its draft only when the draft passes validation', () => {
    const broken = { ...tpl(2), sections: [{ id: 's1', title: '安全', items: [{ id: 'q1', type: 'text' as const, title: 'x', pattern: '(?=a)' }] }] }
    const plan = planMerge(content({ templates: [{ ...row(1), draft: broken }] }), existing(), NOW)
    expect(plan.templates[0]?.draft).toBeUndefined()
    expect(plan.warnings.map((w) => w.code)).toEqual(['bundle.draftDropped'])
    const fine = planMerge(content({ templates: [{ ...row(1), draft: tpl(2) }] }), existing(), NOW)
    expect(fine.templates[0]?.draft).toEqual(tpl(2))
  })
})
