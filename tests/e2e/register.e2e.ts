// Issue #14, the register on a tablet: a room list imported from a spreadsheet, then a fill
// started in three taps (building → floor → room) on a phone-sized screen, and the pages looked
// at in both languages at 390, 768 and 1024 px (screenshots in E2E_SHOTS/register).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { appUrl, hasHorizontalScroll, launchBrowser } from './support'
import { openPage } from './support/builder'

const root = resolve(import.meta.dirname, '../..')
const SHOTS = join(process.env.E2E_SHOTS || resolve(root, 'test-results/e2e-shots'), 'register')
const ROOMS = ['宿舍名单（2026 秋）,,,', '楼栋,楼层,房间号,辅导员', '3号楼,3,301,张老师', '3号楼,3,302,张老师', '3号楼,4,401,李老师', '5号楼,,101,王老师', ''].join('\r\n')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

async function importRooms(page: Page): Promise<void> {
  await page.goto(appUrl('/settings'))
  await page.getByTestId('settings-register-link').click()
  await page.getByTestId('register-file').setInputFiles({ name: '宿舍名单.csv', mimeType: 'text/csv', buffer: Buffer.from(ROOMS, 'utf8') })
  await expect.poll(() => page.getByTestId('register-preview').textContent()).toContain('共 4 间房，分布在 2 栋楼。')
  await page.getByTestId('register-confirm').click()
  await expect.poll(() => page.getByTestId('register-message').textContent()).toContain('新增 4 间')
}

describe('the register', () => {
  it('imports rooms and starts a dorm check in three taps on a phone, then reads well in both languages', async () => {
    const { context, page, errors } = await openPage(browser, 390, 844)
    await importRooms(page)
    expect(await page.getByTestId('register-building').count()).toBe(2)

    await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
    await page.getByTestId('pick-building').filter({ hasText: '3号楼' }).click()
    await page.getByTestId('pick-floor').filter({ hasText: '3 层' }).click()
    await page.getByTestId('pick-room').filter({ hasText: '302' }).click()
    expect(await page.locator('#subject-room').inputValue()).toBe('302')
    await page.getByTestId('begin').click()
    await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.getByTestId('subject').textContent()).toContain('302')

    // Labels for one building, and a label's address opening that room's check.
    await page.goto(appUrl('/register'))
    await page.getByTestId('register-print-building').first().click()
    await page.waitForURL(/\/register\/labels$/)
    await expect.poll(() => page.getByTestId('label').count()).toBe(3)
    expect(await hasHorizontalScroll(page), 'labels at 390: sideways scroll').toBe(false)
    await page.screenshot({ path: join(SHOTS, 'labels-zh-CN-390.png'), fullPage: true })
    await page.goto(appUrl(`/s/${encodeURIComponent('room:5号楼/101')}`))
    await page.waitForURL(/\/fill\/new\/dorm-room-safety\/1\?subject=/)
    await expect.poll(() => page.locator('#subject-room').inputValue()).toBe('101')
    expect(await page.locator('#subject-building').inputValue()).toBe('5号楼')

    for (const lang of ['zh-CN', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('qingdan.locale', l), lang)
      for (const [name, path, ready] of [
        ['register', '/register', '[data-testid=register-building]'],
        ['fill-start', '/fill/new/dorm-room-safety/1', '[data-testid=room-picker]'],
      ] as const) {
        for (const [width, height] of [[390, 844], [768, 1024], [1024, 768]] as const) {
          await page.setViewportSize({ width, height })
          await page.goto(appUrl(path))
          await page.locator(ready).first().waitFor()
          if (name === 'fill-start') await page.getByTestId('pick-building').first().click()
          expect(await hasHorizontalScroll(page), `${name} ${lang} ${width}: sideways scroll`).toBe(false)
          await page.screenshot({ path: join(SHOTS, `${name}-${lang}-${width}.png`), fullPage: true })
        }
      }
    }
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)
})
