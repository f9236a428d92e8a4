// What e2e test files import: the served build's address and the browser helpers.
import { inject } from 'vitest'
import { chromium, type Browser, type Download, type Page } from 'playwright-core'

export { newTabletPage, chromiumPath, TABLET, type TabletPage } from './chromium'

/**
 * The run's Chromium (global-setup.ts), connected to. Closing it closes this file's contexts and
 * disconnects; the browser stays up for the next file.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWs'))
}

/** A finished download's bytes (`download.path()` is not available over the browser connection). */
export async function downloadBytes(download: Download): Promise<Buffer<ArrayBuffer>> {
  const chunks: Uint8Array[] = []
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Uint8Array)
  const bytes = Buffer.alloc(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  return bytes
}

/** Address of the production build served by global-setup.ts, e.g. http://127.0.0.1:41234. */
export function baseUrl(): string {
  return inject('baseUrl')
}

/** Absolute URL of an app path. */
export function appUrl(path = '/'): string {
  return new URL(path, baseUrl()).href
}

/**
 * Waits until the service worker controls the page, so the next load is served from the
 * precache. The first visit is not controlled (the worker installs after the page loaded);
 * clientsClaim makes it take over, and a reload then proves it.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

/** True when the document is wider than the viewport (a horizontal scrollbar). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
}

/** Every row of one of the app's IndexedDB stores, read in the page (what the tablet holds). */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll()
          req.onsuccess = () => {
            open.result.close()
            done(req.result as T[])
          }
        }
      }),
    store,
  )
}
