/**
 * Backup bundles in Chromium (issue #7, item 6), against the production build at QINGDAN_BENCH_URL:
 *
 * - bundle.export1000.ms: 1,000 responses on the dorm sample (26 answers each) and 200 generated
 *   JPEG photos (640×480 noise, ~170 KB each, ~34 MB in all: they do not compress) in IndexedDB → tap 导出 on /backup
 *   (download path) → the zip is complete (the download event).
 * - bundle.import1000.ms: a fresh tablet → choose that file → the summary shown → tap 确认导入 →
 *   导入完成 (both steps: checks, validation and scoring of every response, one transaction).
 * - bundle.exportPeak.mb / bundle.importPeak.mb: peak used JS heap during each, sampled every 20 ms
 *   over CDP (Runtime.getHeapUsage) — photos stream through one at a time, so this stays far
 *   below the photos' total size.
 *
 * Seeding goes straight into IndexedDB (the UI would take minutes for 1,000 rooms); export and
 * import are driven through the real backup page. Imports are relative: bench files run through tsx.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, newTabletPage } from '../tests/e2e/support/chromium'

const RESPONSES = 1000
const PHOTOS = 200
const round2 = (x: number): number => Math.round(x * 100) / 100

/** Seeds the app's database in the page; returns the photos' total size in MB. */
async function seed(page: Page): Promise<number> {
  return page.evaluate(
    async ([responses, photos]) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onsuccess = () => done(open.result)
        open.onerror = () => fail(open.error)
      })
      const tv = await new Promise<{ template: { sections: Array<{ items: Array<{ id: string; type: string; default?: unknown }> }> } }>((done) => {
        const req = db.transaction('templateVersions').objectStore('templateVersions').get(['dorm-room-safety', 1])
        req.onsuccess = () => done(req.result)
      })
      const items = tv.template.sections.flatMap((s) => s.items)
      let bytes = 0
      const blobs: Blob[] = []
      for (let p = 0; p < photos; p++) {
        const canvas = new OffscreenCanvas(640, 480)
        const ctx = canvas.getContext('2d')!
        const img = ctx.createImageData(640, 480)
        for (let i = 0; i < img.data.length; i++) img.data[i] = (Math.random() * 256) | 0
        ctx.putImageData(img, 0, 0)
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })
        bytes += blob.size
        blobs.push(blob)
      }
      const now = Date.now()
      const tx = db.transaction(['responses', 'answers', 'attachments'], 'readwrite')
      for (let r = 0; r < responses; r++) {
        const id = crypto.randomUUID()
        const at = new Date(now - (responses - r) * 60_000).toISOString()
        const subject = { building: `${(r % 8) + 1}号楼`, floor: (r % 6) + 1, room: String(100 + r) }
        tx.objectStore('responses').put({
          id, templateId: 'dorm-room-safety', templateVersion: 1, templateTitle: '宿舍安全检查（每间）', role: 'self', subject,
          status: r % 5 === 0 ? 'draft' : 'submitted', inspector: '王老师', startedAt: at, updatedAt: at,
          ...(r % 5 === 0 ? {} : { submittedAt: at }),
          deviceId: 'bench-device', subjectKey: JSON.stringify(Object.entries(subject)), subjectTerms: Object.entries(subject).map(([k, v]) => `${k}=${v}`),
        })
        for (const item of items) {
          const value = item.type === 'count' ? (r + item.id.length) % 3 === 0 ? 1 : 0 : item.default ?? 'no'
          tx.objectStore('answers').put({ responseId: id, itemId: item.id, answer: { value, updatedAt: at, ...(item.id === 'wiring' && r < photos ? { attachments: [`photo-${r}`] } : {}) } })
        }
        if (r < photos) {
          const blob = blobs[r]!
          tx.objectStore('attachments').put({ id: `photo-${r}`, responseId: id, itemId: 'wiring', name: `p${r}.jpg`, type: 'image/jpeg', size: blob.size, blob, createdAt: at })
        }
      }
      await new Promise<void>((done, fail) => {
        tx.oncomplete = () => done()
        tx.onerror = () => fail(tx.error)
      })
      db.close()
      return bytes / 1024 / 1024
    },
    [RESPONSES, PHOTOS] as const,
  )
}

/** Runs `work` while sampling the used JS heap; returns [ms, peak MB]. */
async function measured(page: Page, work: () => Promise<void>): Promise<[number, number]> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  let peak = 0
  let sampling = true
  const sampler = (async () => {
    while (sampling) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage')
      peak = Math.max(peak, usedSize)
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  const t0 = performance.now()
  await work()
  const ms = performance.now() - t0
  sampling = false
  await sampler
  await cdp.detach()
  return [ms, peak / 1024 / 1024]
}

export default async function run(): Promise<Record<string, number>> {
  const base = process.env.QINGDAN_BENCH_URL
  if (!base) throw new Error('QINGDAN_BENCH_URL is not set: run through `npm run bench`.')
  const browser = await launchBrowser()
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-bundle-bench-'))
  const file = join(dir, 'bundle.zip')
  try {
    const source = await newTabletPage(browser)
    await source.page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    // The app creates its database (and installs the samples) on the first visit.
    await source.page.goto(new URL('/fill', base).href)
    await source.page.getByTestId('templates').locator('li').first().waitFor()
    const photoMb = await seed(source.page)
    await source.page.goto(new URL('/backup?download', base).href)
    await source.page.getByTestId('export-submit').waitFor()
    const [exportMs, exportPeak] = await measured(source.page, async () => {
      const download = source.page.waitForEvent('download', { timeout: 600_000 })
      await source.page.getByTestId('export-submit').tap()
      await (await download).saveAs(file)
    })
    await source.context.close()

    const target = await newTabletPage(browser)
    await target.page.goto(new URL('/fill', base).href)
    await target.page.getByTestId('templates').locator('li').first().waitFor()
    await target.page.goto(new URL('/backup', base).href)
    await target.page.getByTestId('import-file').waitFor()
    const [importMs, importPeak] = await measured(target.page, async () => {
      await target.page.getByTestId('import-file').setInputFiles(file)
      await target.page.getByTestId('import-confirm').waitFor({ timeout: 600_000 })
      await target.page.getByTestId('import-confirm').tap()
      await target.page.getByTestId('import-done').waitFor({ timeout: 600_000 })
    })
    const count = await target.page.evaluate(
      () =>
        new Promise<number>((done) => {
          const open = indexedDB.open('qingdan')
          open.onsuccess = () => {
            const req = open.result.transaction('responses').objectStore('responses').count()
            req.onsuccess = () => done(req.result)
          }
        }),
    )
    if (count !== RESPONSES) throw new Error(`imported ${count} responses, expected ${RESPONSES}`)
    await target.context.close()
    console.log(`bundle bench: ${RESPONSES} responses, ${PHOTOS} photos (${photoMb.toFixed(1)} MB)`)
    return {
      'bundle.export1000.ms': round2(exportMs),
      'bundle.import1000.ms': round2(importMs),
      'bundle.exportPeak.mb': round2(exportPeak),
      'bundle.importPeak.mb': round2(importPeak),
    }
  } finally {
    await browser.close()
  }
}
