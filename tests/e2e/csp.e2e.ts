// Issue #11, finding 3: the app runs under its strict Content-Security-Policy (index.html) with no
// violation: it loads, registers its service worker, navigates, and fills a room with a photo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { appUrl, launchBrowser, newTabletPage, waitForServiceWorker } from './support'
import { makeJpeg } from './support/jpeg'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Collects CSP violations both ways Chromium reports them: the DOM event and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  return violations
}

describe('the Content-Security-Policy', () => {
  it('is strict: no inline script, no plugins, images only from the app, blob: and data:', async () => {
    const { context, page } = await newTabletPage(browser)
    await page.goto(appUrl('/'))
    const csp = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')) ?? ''
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values.join(' ')]))
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('img-src')).toBe("'self' blob: data:")
    expect(await page.locator('script:not([src])').count()).toBe(0)
    // An inline script injected at run time is refused.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script')
      s.textContent = 'window.__inlineRan = true'
      document.body.append(s)
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
    })
    expect(ran).toBe(false)
    await context.close()
  })

  it('lets the app load, register its service worker, navigate and fill a room with a photo, with no violation', async () => {
    const { context, page } = await newTabletPage(browser)
    const violations = await watchViolations(page)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(appUrl('/'))
    await waitForServiceWorker(page)
    for (const path of ['/templates', '/results', '/settings', '/fill']) {
      await page.goto(appUrl(path))
      await page.waitForFunction(() => (document.getElementById('main')?.childElementCount ?? 0) > 0)
    }
    const row = page.getByTestId('templates').locator('li', { hasText: '宿舍安全检查（每间）' })
    await row.getByRole('link').click()
    await page.getByLabel('楼栋').fill('6号楼')
    await page.getByLabel('楼层').fill('2')
    await page.getByLabel('房间号').fill('301')
    await page.getByTestId('begin').click()
    await page.getByTestId('total').waitFor()
    const wiring = page.locator('#item-wiring')
    await wiring.getByRole('button', { name: '增加 私拉乱接电线、网线' }).tap()
    await wiring.locator('.evidence input[type=file]').setInputFiles({ name: 'wire.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, { width: 400, height: 300, back: '#3a3' }) })
    await wiring.locator('.evidence img').waitFor()
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')
    // The thumbnail (a blob: URL) really displays under img-src.
    expect(await wiring.locator('.evidence img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(violations).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
