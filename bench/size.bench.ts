/**
 * The gzipped JavaScript the production build loads, measured in Chromium: every script a page
 * fetches (by request type or a `.js` path, so modulepreloads and prefetches count too), each
 * gzipped from dist/ at level 9, summed in KiB. Service worker scripts are not page JS and are
 * fetched in the background, so they are not counted; service workers are blocked, and the
 * browser cache is off, so every script comes over the network. Needs a served build:
 * QINGDAN_BENCH_URL.
 *
 * - size.firstLoadJs.kb: the first route `/` on a first visit. Budget ≤ 150 (issue #2).
 * - size.fillRouteJs.kb: a cold load of the fill page `/fill/<id>` of an existing draft (a later
 *   start: the database and the samples are there), up to the rows on screen and the network
 *   idle. Budget ≤ 130 (issue #10).
 * - size.fillRouteJs.files: how many scripts that was.
 *
 * Both wait until no script has arrived for 0.5 s, so what loads at idle (the service worker
 * client) counts on every run.
 *
 * Imports are relative because bench files run through tsx, outside Vite's alias.
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, TABLET } from '../tests/e2e/support/chromium'
import { generateTemplate } from './generate'
import { seedDraft } from './seed'

const kib = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10

/** A fresh tablet page whose every script comes from the server: no HTTP cache, no service worker. */
async function coldPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...TABLET, serviceWorkers: 'block' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  return page
}

/**
 * Records the dist path of every script `page` fetches from now on, with when its request went
 * out (ms after this call): the verbose listing shows in how many rounds the chunks arrive.
 */
function recordScripts(page: Page): Map<string, number> {
  const t0 = Date.now()
  const requested = new Map<string, number>()
  const scripts = new Map<string, number>()
  page.on('request', (req) => requested.set(req.url(), Date.now() - t0))
  page.on('response', (res) => {
    const type = res.request().resourceType()
    const path = new URL(res.url()).pathname
    if (type === 'script' || path.endsWith('.js')) scripts.set(path, requested.get(res.url()) ?? NaN)
  })
  return scripts
}

/**
 * Waits until no new script has arrived for half a second: chunks started at idle (the service
 * worker client) or after a timer would otherwise count on one run and not the next.
 */
async function settle(page: Page, scripts: Map<string, number>): Promise<void> {
  await page.waitForLoadState('networkidle')
  let seen = -1
  while (seen !== scripts.size) {
    seen = scripts.size
    await page.waitForTimeout(500)
    await page.waitForLoadState('networkidle')
  }
}

/**
 * Sums the scripts' gzip sizes. QINGDAN_BENCH_VERBOSE=1 lists each one in request order, with its
 * size and when it was requested (to see what a route pulls, and in how many rounds).
 */
async function gzipKib(dist: string, scripts: Map<string, number>, label: string): Promise<number> {
  let bytes = 0
  const rows: Array<[string, number, number]> = []
  for (const [path, at] of scripts) {
    const size = gzipSync(await readFile(join(dist, path)), { level: 9 }).length
    rows.push([path, size, at])
    bytes += size
  }
  if (process.env.QINGDAN_BENCH_VERBOSE) {
    console.log(`${label}:`)
    for (const [path, size, at] of rows.sort((a, b) => a[2] - b[2])) {
      console.log(`  ${kib(size).toFixed(1).padStart(6)} KiB  +${String(at).padStart(5)} ms  ${path}`)
    }
  }
  return kib(bytes)
}

export default async function run(): Promise<Record<string, number>> {
  const base = process.env.QINGDAN_BENCH_URL
  if (!base) throw new Error('QINGDAN_BENCH_URL is not set: run through `npm run bench`.')
  const dist = resolve('dist')

  const browser = await launchBrowser()
  try {
    const first = await coldPage(browser)
    const firstScripts = recordScripts(first)
    await first.goto(new URL('/', base).href, { waitUntil: 'networkidle' })
    await first.getByTestId('start-check').waitFor()
    await settle(first, firstScripts)
    const firstLoad = await gzipKib(dist, firstScripts, 'size.firstLoadJs')

    // A later start: the first visit above made the database; /fill installs the samples.
    await first.goto(new URL('/fill', base).href, { waitUntil: 'networkidle' })
    await first.getByTestId('templates').locator('li').first().waitFor()
    const id = await seedDraft(first, generateTemplate(300, { id: 'bench-size' }))
    await first.close()

    // Same context (same IndexedDB), a new page: a cold start straight onto the fill URL.
    const fill = await first.context().newPage()
    const cdp = await first.context().newCDPSession(fill)
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const fillScripts = recordScripts(fill)
    await fill.goto(new URL(`/fill/${id}`, base).href, { waitUntil: 'networkidle' })
    await fill.locator('#item-q1').waitFor()
    await settle(fill, fillScripts)
    return {
      'size.firstLoadJs.kb': firstLoad,
      'size.fillRouteJs.kb': await gzipKib(dist, fillScripts, 'size.fillRouteJs'),
      'size.fillRouteJs.files': fillScripts.size,
    }
  } finally {
    await browser.close()
  }
}
