// Browser launching shared by the e2e tests and the benchmarks. No vitest imports here, so
// bench files (run by tsx) can use it too.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Debian's Chromium. We never download a browser: the machine provides it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

export const INSTALL_HINT =
  'Chromium not found. Install it with `apt-get install -y chromium fonts-noto-cjk` ' +
  '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const

/** The Chromium to use, or a thrown error that says how to install one (never a silent skip). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM
  if (!existsSync(path)) throw new Error(`${INSTALL_HINT} (looked for ${path})`)
  return path
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] })
}

/** The tablet the product is designed for: 768×1024 portrait, touch, Chinese locale. */
export const TABLET = {
  viewport: { width: 768, height: 1024 },
  deviceScaleFactor: 1,
  hasTouch: true,
  isMobile: false,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const

export interface TabletPage {
  context: BrowserContext
  page: Page
}

/** A fresh context (own storage, own service worker) with one page at tablet size. */
export async function newTabletPage(browser: Browser): Promise<TabletPage> {
  const context = await browser.newContext({ ...TABLET })
  const page = await context.newPage()
  return { context, page }
}
