/** Issue #11, finding 5: a zip bomb with honest (or lying) sizes is refused without inflating it whole. */
import { describe, expect, it } from 'vitest'
import { MAX_JSON_ENTRY_BYTES, sha256Hex, type BundleManifest } from '@/core/exchange/bundle'
import type { Issue } from '@/core/result'
import { openBundle, type ReadBundleOptions } from '@/io/bundle/read'
import { bytesOf, device, exportBlob, fillRoom, rezip, text } from './bundle-builders'

/** A valid bundle whose tasks.json is `size` bytes: the real tasks, then spaces (JSON allows them). */
async function bundleWithTasksOf(size: number): Promise<Blob> {
  const db = await device()
  await fillRoom(db, '101', { q1: 'ok' })
  const bundle = await exportBlob(db)
  let padded = new Uint8Array()
  const first = await rezip(bundle, (name, bytes) => {
    if (name !== 'tasks.json') return bytes
    padded = new Uint8Array(size).fill(0x20)
    padded.set(bytes)
    return padded
  })
  const sha = await sha256Hex(padded)
  return rezip(first, (name, bytes) => {
    if (name !== 'manifest.json') return bytes
    const manifest = JSON.parse(text(bytes)) as BundleManifest
    manifest.entries['tasks.json'] = { size, sha256: sha }
    return bytesOf(JSON.stringify(manifest))
  })
}

/** Overwrites the uncompressed size of `name` in the zip's central directory and local header. */
async function lieAboutSize(bundle: Blob, name: string, size: number): Promise<Blob> {
  const bytes = new Uint8Array(await bundle.arrayBuffer())
  const view = new DataView(bytes.buffer)
  const target = bytesOf(name)
  const nameAt = (at: number, length: number): boolean => length === target.length && target.every((b, i) => bytes[at + i] === b)
  let patched = 0
  for (let at = 0; at + 46 < bytes.length; at++) {
    const signature = view.getUint32(at, true)
    if (signature === 0x02014b50 && nameAt(at + 46, view.getUint16(at + 28, true))) {
      view.setUint32(at + 24, size, true)
      patched++
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true)
    }
  }
  expect(patched).toBe(1)
  return new Blob([bytes])
}

/** Sets the manifest's size of tasks.json (the checksum stays that of the real bytes). */
async function manifestSize(bundle: Blob, size: number): Promise<Blob> {
  return rezip(bundle, (name, bytes) => {
    if (name !== 'manifest.json') return bytes
    const manifest = JSON.parse(text(bytes)) as BundleManifest
    const listed = manifest.entries['tasks.json']
    if (listed) listed.size = size
    return bytesOf(JSON.stringify(manifest))
  })
}

async function refusal(bundle: Blob, options: ReadBundleOptions): Promise<Issue> {
  const opened = await openBundle(bundle, options)
  if (opened.ok) throw new Error('expected the bundle to be refused')
  const [issue] = opened.issues
  if (!issue) throw new Error('expected an issue')
  return issue
}

describe('a zip bomb', () => {
  it('whose JSON entry honestly declares more than the cap is refused before it is inflated', async () => {
    const bundle = await bundleWithTasksOf(1024 * 1024)
    expect(bundle.size).toBeLessThan(64 * 1024)
    const issue = await refusal(bundle, { limits: { json: 256 * 1024 } })
    expect(issue.code).toBe('bundle.entryTooLarge')
    expect(issue.message['zh-CN']).toContain('tasks.json')
    expect(issue.message['zh-CN']).toContain('256 KB')
    expect(issue.message.en).toContain('over the 256 KB limit')
  })

  it('under the cap opens as usual', async () => {
    const opened = await openBundle(await bundleWithTasksOf(200 * 1024), { limits: { json: 256 * 1024 } })
    expect(opened.ok).toBe(true)
  })

  it('whose JSON entry lies about its size is stopped while it is inflated', async () => {
    // zip.js stops an entry at its declared size ("Invalid uncompressed size": refused as damaged);
    // the capped stream in read.ts is the second stop, for entries whose size is not declared.
    const honest = await bundleWithTasksOf(1024 * 1024)
    const lying = await lieAboutSize(await manifestSize(honest, 1000), 'tasks.json', 1000)
    const issue = await refusal(lying, { limits: { json: 256 * 1024 } })
    expect(issue.code).toBe('bundle.checksum')
    expect(issue.message['zh-CN']).toContain('tasks.json')
  })

  it('of 65 MiB of JSON in a small file is refused at the app’s 64 MiB limit', async () => {
    const bundle = await bundleWithTasksOf(MAX_JSON_ENTRY_BYTES + 1024 * 1024)
    expect(bundle.size).toBeLessThan(1024 * 1024)
    const issue = await refusal(bundle, {})
    expect(issue.code).toBe('bundle.entryTooLarge')
    expect(issue.message['zh-CN']).toContain('64 MB')
  }, 60_000) // building the 65 MiB entry takes seconds; refusing it does not
})
