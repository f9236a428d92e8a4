/**
 * size.firstLoadJs.kb — the gzipped JavaScript the production build loads for the first route
 * `/`, measured in Chromium: every script the page fetches on its first load (service worker
 * scripts are not page JS and are fetched in the background), each gzipped from dist/ at
 * level 9, summed in KB. Budget ≤ 150 (issue #2). Needs a served build: QINGDAN_BENCH_URL.
 * Imports are relative because bench files run through tsx, outside Vite's alias.
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchBrowser, newTabletPage } from '../tests/e2e/support/chromium'

export default async function run(): Promise<Record<string, number>> {
  const base = process.env.QINGDAN_BENCH_URL
  if (!base) throw new Error('QINGDAN_BENCH_URL is not set: run through `npm run bench`.')
  const dist = resolve('dist')

  const browser = await launchBrowser()
  try {
    const { page } = await newTabletPage(browser)
    const scripts = new Set<string>()
    page.on('response', (res) => {
      const type = res.request().resourceType()
      const path = new URL(res.url()).pathname
      if (type === 'script' || path.endsWith('.js')) scripts.add(path)
    })
    await page.goto(new URL('/', base).href, { waitUntil: 'networkidle' })
    await page.getByTestId('start-check').waitFor()

    let bytes = 0
    for (const path of scripts) bytes += gzipSync(await readFile(join(dist, path)), { level: 9 }).length
    return { 'size.firstLoadJs.kb': Math.round((bytes / 1024) * 10) / 10 }
  } finally {
    await browser.close()
  }
}
