/** Issue #7, item 3: every kind of bad bundle gets a clear bilingual message and stores nothing. */
import { describe, expect, it } from 'vitest'
import { MAX_BUNDLE_BYTES, MAX_ATTACHMENT_BYTES, sha256Hex, type BundleManifest } from '@/core/exchange/bundle'
import type { Issue } from '@/core/result'
import { commitBundleImport, prepareBundleImport } from '@/io/bundle/import'
import type { QingdanDatabase } from '@/db'
import { writeFaults } from '../db/helpers'
import { bytesOf, device, exportBlob, fillRoom, rezip, snapshot, text } from './bundle-builders'

async function goodBundle(): Promise<Blob> {
  const a = await device()
  await fillRoom(a, '101', { q1: 'ok', q2: 'bad' }, { photo: true, submit: true })
  await fillRoom(a, '102', { q1: 'ok' })
  return exportBlob(a)
}

/** Imports and expects a refusal; returns the first issue after checking nothing was stored. */
async function refused(db: QingdanDatabase, bundle: Blob): Promise<Issue> {
  const before = await snapshot(db)
  const prepared = await prepareBundleImport(db, bundle)
  let issues: Issue[] = []
  if (!prepared.ok) issues = prepared.issues
  else {
    const done = await commitBundleImport(db, prepared.value)
    if (!done.ok) issues = done.issues
  }
  expect(issues.length).toBeGreaterThan(0)
  expect(await snapshot(db)).toEqual(before)
  const first = issues[0] as Issue
  expect(first.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
  expect(first.message.en).toMatch(/[a-z]/)
  return first
}

/** Rewrites one entry and fixes its manifest checksum, so only the content is wrong. */
async function withEntry(bundle: Blob, name: string, edit: (s: string) => string): Promise<Blob> {
  let replaced: Uint8Array<ArrayBuffer> = new Uint8Array()
  const first = await rezip(bundle, (n, b) => (n === name ? (replaced = bytesOf(edit(text(b)))) : b))
  const sha = await sha256Hex(replaced)
  return rezip(first, (n, b) => {
    if (n !== 'manifest.json') return b
    const m = JSON.parse(text(b)) as BundleManifest
    m.entries[name] = { size: replaced.byteLength, sha256: sha }
    return bytesOf(JSON.stringify(m))
  })
}

describe('a bad bundle', () => {
  it('that was truncated in transfer is refused', async () => {
    const bundle = await goodBundle()
    const cut = bundle.slice(0, Math.floor(bundle.size * 0.6))
    expect((await refused(await device(), cut)).code).toBe('bundle.notZip')
  })

  it('that is not a zip at all is refused', async () => {
    expect((await refused(await device(), new Blob(['{"hello": 1}']))).code).toBe('bundle.notZip')
  })

  it('whose entry does not match its checksum is refused', async () => {
    const bundle = await rezip(await goodBundle(), (n, b) => (n === 'tasks.json' ? bytesOf(text(b).replace('[', '[ ')) : b))
    const issue = await refused(await device(), bundle)
    expect(issue.code).toBe('bundle.checksum')
    expect(issue.message['zh-CN']).toContain('tasks.json')
  })

  it('whose photo was altered is refused when its bytes are read, before anything is written', async () => {
    const bundle = await rezip(await goodBundle(), (n, b) => (n.startsWith('attachments/') ? bytesOf(text(b).toUpperCase()) : b))
    expect((await refused(await device(), bundle)).code).toBe('bundle.checksum')
  })

  it('of an unknown format version is refused with a hint to update the app', async () => {
    const bundle = await rezip(await goodBundle(), (n, b) => (n === 'manifest.json' ? bytesOf(text(b).replace('"formatVersion": 1', '"formatVersion": 99')) : b))
    const issue = await refused(await device(), bundle)
    expect(issue.code).toBe('bundle.formatVersion')
    expect(issue.message.en).toContain('99')
  })

  it('over the 2 GB limit is refused before it is opened', async () => {
    const huge = new Blob(['x'])
    Object.defineProperty(huge, 'size', { value: MAX_BUNDLE_BYTES + 1 })
    const issue = await refused(await device(), huge)
    expect(issue.code).toBe('bundle.tooLarge')
    expect(issue.message['zh-CN']).toContain('2 GB')
  })

  it('claiming a photo over 20 MB is refused', async () => {
    const bundle = await rezip(await goodBundle(), (n, b) => {
      if (n !== 'manifest.json') return b
      const m = JSON.parse(text(b)) as BundleManifest
      for (const key of Object.keys(m.entries)) if (key.startsWith('attachments/')) m.entries[key] = { size: MAX_ATTACHMENT_BYTES + 1, sha256: 'a'.repeat(64) }
      return bytesOf(JSON.stringify(m))
    })
    expect((await refused(await device(), bundle)).code).toBe('bundle.attachmentTooLarge')
  })

  it('whose response fails validation is refused, naming the response', async () => {
    const bundle = await withEntry(await goodBundle(), 'responses.jsonl', (s) => s.replace('"value":"bad"', '"value":"maybe"'))
    const issue = await refused(await device(), bundle)
    expect(issue.code).toBe('bundle.invalidResponse')
  })

  it('whose template fails validation is refused', async () => {
    const bundle = await withEntry(await goodBundle(), 'templates.json', (s) => s.replace('"sections":[', '"sections":[{"bad":1},'))
    expect((await refused(await device(), bundle)).code).toBe('bundle.invalidTemplate')
  })

  it('stores nothing when the disk fails halfway through the import', async () => {
    const bundle = await goodBundle()
    let faults: ReturnType<typeof writeFaults> | undefined
    const db = await device((d) => (faults = writeFaults(d)))
    const before = await snapshot(db)
    const prepared = await prepareBundleImport(db, bundle)
    if (!prepared.ok) throw new Error('expected a valid bundle')
    faults?.fail('attachments')
    await expect(commitBundleImport(db, prepared.value)).rejects.toMatchObject({ name: 'QuotaExceededError' })
    faults?.heal()
    expect(await snapshot(db)).toEqual(before)
  })
})
