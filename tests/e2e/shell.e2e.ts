import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { appUrl, hasHorizontalScroll, launchBrowser, newTabletPage, waitForServiceWorker } from './support'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('the app shell', () => {
  it('loads at 768×1024 in Chinese with the navigation and the start button, without errors', async () => {
    const { context, page } = await newTabletPage(browser)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text())
    })
    await page.goto(appUrl('/'))
    await expect.poll(() => page.getByTestId('start-check').textContent()).toContain('开始检查')
    const nav = page.getByRole('navigation')
    for (const label of ['模板库', '填写', '结果', '设置']) {
      expect(await nav.getByRole('link', { name: label }).isVisible()).toBe(true)
    }
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    expect(await page.getByTestId('online-status').textContent()).toContain('在线')
    expect(await page.title()).toBe('首页 · 清单 Qingdan')
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps every navigation target at least 44 px tall and never scrolls sideways at 768 px', async () => {
    const { context, page } = await newTabletPage(browser)
    for (const path of ['/', '/templates', '/fill', '/results', '/settings']) {
      await page.goto(appUrl(path))
      // Some views are other engineers' placeholders: wait for any routed content, not a heading.
      await page.waitForFunction(() => (document.getElementById('main')?.childElementCount ?? 0) > 0)
      expect(await hasHorizontalScroll(page), path).toBe(false)
    }
    const heights = await page
      .getByRole('navigation')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height))
    expect(heights).toHaveLength(4)
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(44)
    await context.close()
  })

  it('switches to English from the settings page and keeps English after a reload', async () => {
    const { context, page } = await newTabletPage(browser)
    await page.goto(appUrl('/settings'))
    await page.getByTestId('lang-en').click()
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('Templates')
    expect(await page.getAttribute('html', 'lang')).toBe('en')

    await page.reload()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings')
    await page.goto(appUrl('/'))
    await expect.poll(() => page.getByTestId('start-check').textContent()).toContain('Start a check')
    expect(await page.getByRole('navigation').textContent()).not.toContain('模板库')

    // And back: the switch is not one-way.
    await page.goto(appUrl('/settings'))
    await page.getByTestId('lang-zh-CN').click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('设置')
    await context.close()
  })

  it('saves the inspector name through the settings form and greets them on the home page', async () => {
    const { context, page } = await newTabletPage(browser)
    await page.goto(appUrl('/settings'))
    await page.getByLabel('检查人姓名').fill('王老师')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByTestId('inspector-saved').waitFor()
    await page.reload()
    expect(await page.getByLabel('检查人姓名').inputValue()).toBe('王老师')
    await page.getByTestId('brand').click()
    await expect.poll(() => page.getByTestId('greeting').textContent()).toContain('王老师')
    await context.close()
  })

  it('opens with the network off after one visit, lazy routes included', async () => {
    const { context, page } = await newTabletPage(browser)
    await page.goto(appUrl('/'))
    await waitForServiceWorker(page)

    await context.setOffline(true)
    await expect.poll(() => page.getByTestId('online-status').textContent()).toContain('离线')
    await page.reload()
    await expect.poll(() => page.getByTestId('start-check').textContent()).toContain('开始检查')
    expect(await page.getByTestId('offline-banner').isVisible()).toBe(true)

    // A route never opened online: its chunk (and FormKit's) must come from the precache.
    await page.getByTestId('nav-settings').click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('设置')
    expect(await page.getByLabel('检查人姓名').isVisible()).toBe(true)

    // A deep link typed while offline falls back to the cached index.html.
    await page.goto(appUrl('/results'))
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('结果')
    await context.close()
  })
})
