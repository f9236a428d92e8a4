/** Issue #11, finding 3: attachments are what their bytes say, in a picked file and in a bundle. */
import { describe, expect, it } from 'vitest'
import { sniffType } from '@/io/sniff'
import { commitBundleImport, prepareBundleImport } from '@/io/bundle/import'
import { bytesOf, device, exportBlob, fillRoom, rezip, snapshot, text } from './bundle-builders'
import { sha256Hex, type BundleManifest } from '@/core/exchange/bundle'

const bytes = (...b: number[]): Uint8Array => new Uint8Array([...b, ...new Array<number>(16).fill(0)])

describe('sniffType', () => {
  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe1), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['WebP', bytesOf('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'image/webp'],
    ['HEIC from an iPhone', bytesOf('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000'), 'image/heic'],
    ['PDF', bytesOf('%PDF-1.7\n%\u00e2\u00e3'), 'application/pdf'],
  ])('recognises %s', (_name, head, type) => {
    expect(sniffType(head)).toBe(type)
  })

  it.each([
    ['SVG with script', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'],
    ['SVG with an XML declaration', '<?xml version="1.0"?><svg>'],
    ['HTML', '<!doctype html><script>alert(1)</script>'],
    ['text renamed .jpg', 'this is not a photo'],
    ['an MP4 video', '\u0000\u0000\u0000\u0018ftypisom\u0000\u0000'],
    ['an empty file', ''],
  ])('refuses %s', (_name, content) => {
    expect(sniffType(bytesOf(content))).toBeNull()
  })
})

describe('a bundle carrying an attachment that is not a photo or PDF', () => {
  it('is refused with a bilingual message and stores nothing', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' }, { photo: true })
    const svg = bytesOf('<svg xmlns="http://www.w3.org/2000/svg"><script>localStorage.clear()</script></svg>')
    const sha = await sha256Hex(svg)
    let swapped = ''
    const first = await rezip(await exportBlob(a), (name, b) => {
      if (!name.startsWith('attachments/')) return b
      swapped = name
      return svg
    })
    const bundle = await rezip(first, (name, b) => {
      if (name !== 'manifest.json') return b
      const m = JSON.parse(text(b)) as BundleManifest
      m.entries[swapped] = { size: svg.byteLength, sha256: sha }
      return bytesOf(JSON.stringify(m))
    })
    const b = await device()
    const before = await snapshot(b)
    const prepared = await prepareBundleImport(b, bundle)
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues))
    const done = await commitBundleImport(b, prepared.value)
    expect(done.ok).toBe(false)
    if (done.ok) return
    expect(done.issues[0]?.code).toBe('bundle.attachmentType')
    expect(done.issues[0]?.message['zh-CN']).toContain('SVG')
    expect(done.issues[0]?.message.en).toContain('not a photo or PDF')
    expect(await snapshot(b)).toEqual(before)
  })
})
