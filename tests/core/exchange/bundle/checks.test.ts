import { describe, expect, it } from 'vitest'
import {
  BUNDLE_FORMAT_VERSION,
  MAX_ATTACHMENT_BYTES,
  MAX_JSON_ENTRY_BYTES,
  buildManifest,
  canonicalJson,
  checkDirectory,
  checkManifest,
  parseBundleContent,
  sha256Hex,
  validateBundleContent,
  type BundleTexts,
} from '@/core/exchange/bundle'
import { T0, ans, content, resp, tpl } from './builders'

const manifest = (entries: Record<string, { size: number; sha256: string }> = {}) =>
  buildManifest({
    appVersion: '0.1.0',
    deviceId: 'device-a',
    createdAt: T0,
    counts: { templates: 0, templateVersions: 0, responses: 0, answers: 0, tasks: 0, attachments: 0 },
    entries,
  })
const SHA = 'a'.repeat(64)

describe('bundle hashing', () => {
  it('gives the same canonical text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}')
  })

  it('computes SHA-256 as lower-case hex with Web Crypto', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})

describe('checkManifest', () => {
  it('accepts a manifest this build wrote', () => {
    expect(checkManifest(JSON.parse(JSON.stringify(manifest({ 'tasks.json': { size: 2, sha256: SHA } })))).ok).toBe(true)
  })

  it('refuses an unknown format version with a message that says to update the app', () => {
    const r = checkManifest({ ...manifest(), formatVersion: BUNDLE_FORMAT_VERSION + 1 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues[0]?.code).toBe('bundle.formatVersion')
    expect(r.issues[0]?.message['zh-CN']).toContain('请升级应用')
    expect(r.issues[0]?.message.en).toContain(`format version is ${BUNDLE_FORMAT_VERSION + 1}`)
  })

  it('refuses a manifest that is not one, naming the bad field', () => {
    const r = checkManifest({ ...manifest(), entries: { 'a.json': { size: 1, sha256: 'nope' } } })
    expect(r.ok ? '' : r.issues[0]?.message.en).toContain('entries["a.json"]')
    expect(checkManifest([]).ok).toBe(false)
    expect(checkManifest({ ...manifest(), kind: 'other' }).ok).toBe(false)
  })
})

describe('checkDirectory', () => {
  it('finds entries missing from the zip and entries the manifest does not list', () => {
    const codes = checkDirectory(manifest({ 'tasks.json': { size: 2, sha256: SHA } }), [{ name: 'extra.json', size: 2 }]).map((i) => i.code)
    expect(codes.sort()).toEqual(['bundle.missingEntry', 'bundle.unlistedEntry'])
  })

  it('refuses an attachment over 20 MB before inflating it', () => {
    const size = MAX_ATTACHMENT_BYTES + 1
    const issues = checkDirectory(manifest({ 'attachments/p1': { size, sha256: SHA } }), [{ name: 'attachments/p1', size }])
    expect(issues.map((i) => i.code)).toEqual(['bundle.attachmentTooLarge'])
    expect(issues[0]?.message['zh-CN']).toContain('20 MB')
  })

  it('refuses a JSON entry over its limit and a size that differs from the manifest', () => {
    expect(checkDirectory(manifest({ 'tasks.json': { size: 2, sha256: SHA } }), [{ name: 'tasks.json', size: MAX_JSON_ENTRY_BYTES + 1 }])[0]?.code).toBe('bundle.entryTooLarge')
    expect(checkDirectory(manifest({ 'tasks.json': { size: 2, sha256: SHA } }), [{ name: 'tasks.json', size: 3 }])[0]?.code).toBe('bundle.checksum')
  })
})

function texts(parts: Partial<BundleTexts> = {}): BundleTexts {
  const c = content({ responses: [resp('101', { q1: ans('ok', T0) })] })
  return {
    templates: JSON.stringify({ templates: c.templates, versions: c.versions }),
    responses: c.responses.map((r) => JSON.stringify(r)).join('\n') + '\n',
    tasks: '[]',
    attachments: '[]',
    ...parts,
  }
}

describe('parseBundleContent', () => {
  const m = content({ responses: [resp('101', { q1: ans('ok', T0) })] }).manifest

  it('reads the JSON entries of a bundle', () => {
    const r = parseBundleContent(m, texts())
    expect(r.ok && r.value.responses[0]?.response.id).toBe('101')
  })

  it('refuses an entry that is not JSON, naming it', () => {
    const r = parseBundleContent(m, texts({ tasks: '[{' }))
    expect(r.ok ? '' : r.issues[0]?.message.en).toContain('tasks.json')
  })

  it('refuses a record missing a field the merge relies on', () => {
    const r = parseBundleContent(m, texts({ responses: JSON.stringify({ templateTitle: 'x', response: { templateId: 'dorm' } }) }))
    expect(r.ok ? '' : r.issues[0]?.code).toBe('bundle.badRecord')
  })

  it('refuses an attachment id that would leave the attachments folder', () => {
    const bad = [{ id: '../x', responseId: '101', itemId: null, name: 'a', type: 'image/png', size: 1, createdAt: T0 }]
    const r = parseBundleContent({ ...m, counts: { ...m.counts, attachments: 1 } }, texts({ attachments: JSON.stringify(bad) }))
    expect(r.ok ? '' : r.issues[0]?.code).toBe('bundle.badRecord')
  })

  it('refuses content whose counts differ from the manifest', () => {
    const r = parseBundleContent({ ...m, counts: { ...m.counts, responses: 2 } }, texts())
    expect(r.ok ? '' : r.issues[0]?.code).toBe('bundle.countMismatch')
  })
})

describe('validateBundleContent', () => {
  it('accepts valid templates and responses', () => {
    expect(validateBundleContent(content({ responses: [resp('101', { q1: ans('ok', T0) })] }), () => undefined)).toEqual([])
  })

  it('refuses a response whose answer is not an option of its item, in both languages', () => {
    const issues = validateBundleContent(content({ responses: [resp('101', { q1: ans('maybe', T0) })] }), () => undefined)
    expect(issues[0]?.code).toBe('bundle.invalidResponse')
    expect(issues[0]?.message['zh-CN']).toContain('101')
    expect(issues[0]?.message.en).toContain('fails validation')
  })

  it('refuses an invalid template version', () => {
    const broken = { ...tpl(), sections: [] }
    const issues = validateBundleContent(content({ versions: [{ templateId: 'dorm', version: 1, template: broken, publishedAt: T0 }] }), () => undefined)
    expect(issues[0]?.code).toBe('bundle.invalidTemplate')
  })

  it('refuses a response whose template is neither in the bundle nor on the device', () => {
    const issues = validateBundleContent(content({ versions: [], responses: [resp('101', { q1: ans('ok', T0) })] }), () => undefined)
    expect(issues[0]?.code).toBe('bundle.templateMissing')
    expect(validateBundleContent(content({ versions: [], responses: [resp('101', { q1: ans('ok', T0) })] }), () => tpl())).toEqual([])
  })
})
