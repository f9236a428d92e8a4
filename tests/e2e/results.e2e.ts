// Results people act on (#6), in real Chromium against the production build: three dorm rooms
// submitted through the real fill UI, then the list, the dashboard, a CSV export parsed here,
// an A4 ledger printed to PDF, and a rectification task closed with a photo and a re-check.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import Papa from 'papaparse'
import { appUrl, launchBrowser, newTabletPage } from './support'
import { pdfText } from './support/pdf-text'

// A 2×2 PNG: the "photo of the fix".
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMwTjsDRAwQCgAktgWVJrpF5QAAAABJRU5ErkJggg==',
  'base64',
)

/** Rooms, the findings tapped in each (count items without required photos), and the hand-worked totals. */
const ROOMS = [
  // 90 max (winter check not done). 晚归 deducts 5 each, capped at 5.
  { room: '201', taps: { 晚归: 1 }, total: 85 },
  // 晚归 ×2 capped at 5; 人离不锁门 0.5 each.
  { room: '202', taps: { 晚归: 2, '人离不锁门、贵重物品随意放置': 1 }, total: 84.5 },
  // 夜不归宿 deducts 10.
  { room: '203', taps: { 夜不归宿: 1 }, total: 80 },
] as const

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  ;({ context, page } = await newTabletPage(browser))
})

afterAll(async () => {
  await browser?.close()
})

async function submitOpenFill(): Promise<void> {
  const confirm = page.getByTestId('confirm')
  const blockers = page.getByTestId('submit-blockers')
  // Rows above the bottom bar size themselves as they scroll past, so a tap on 提交 can land
  // while it moves: tap again until the dialog (or the blockers) answer.
  for (let i = 0; i < 5 && !(await confirm.or(blockers).first().isVisible()); i++) {
    await page.getByTestId('submit').click()
    await confirm.or(blockers).first().waitFor({ timeout: 3000 }).catch(() => undefined)
  }
  if (await blockers.isVisible()) throw new Error(`submit blocked: ${await blockers.textContent()}`)
  await confirm.click()
  await page.getByTestId('next-room').or(page.locator('.done')).first().waitFor()
}

async function submitRoom(room: string, taps: Readonly<Record<string, number>>): Promise<void> {
  await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
  await page.locator('#subject-building').fill('3号楼')
  await page.locator('#subject-floor').fill('2')
  await page.locator('#subject-room').fill(room)
  await page.locator('#inspector').fill('王老师')
  await page.getByTestId('begin').click()
  await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
  for (const [title, n] of Object.entries(taps)) {
    for (let i = 0; i < n; i++) await page.getByRole('button', { name: `增加 ${title}`, exact: true }).click()
  }
  await submitOpenFill()
}

describe('results (#6)', () => {
  it('lists three submitted rooms and shows them in the dashboard', async () => {
    // The drafts page installs the shipped samples on first use.
    await page.goto(appUrl('/fill'))
    await page.getByText('宿舍安全检查').first().waitFor()
    for (const r of ROOMS) await submitRoom(r.room, r.taps)

    await page.goto(appUrl('/results'))
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('共 3 条')
    expect(await page.getByTestId('result-row').count()).toBe(3)
    await page.getByTestId('filter-template').selectOption('dorm-room-safety')
    await page.getByTestId('filter-sort').selectOption('score-asc')
    expect(await page.getByTestId('row-total').allTextContents()).toEqual(['80', '84.5', '85'])

    await page.getByTestId('open-dashboard').click()
    await expect.poll(() => page.getByTestId('kpi-count').textContent()).toBe('3')
    expect(await page.getByTestId('top-findings').textContent()).toContain('晚归')
    await page.getByTestId('dashboard-charts').locator('canvas').first().waitFor()
  })

  it('exports a CSV with a BOM whose totals match the rooms', async () => {
    await page.goto(appUrl('/results'))
    await page.getByTestId('filter-template').selectOption('dorm-room-safety')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    const bytes = await readFile(await download.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true })
    const totals = Object.fromEntries(parsed.data.map((r) => [r['房间号'], Number(r['得分'])]))
    expect(totals).toEqual(Object.fromEntries(ROOMS.map((r) => [r.room, r.total])))
    expect(parsed.data.every((r) => r['楼栋'] === '3号楼' && r['检查人'] === '王老师')).toBe(true)

    // The per-building report lists rooms from small to large whatever the list's order.
    await page.getByTestId('filter-sort').selectOption('score-asc')
    const [byBuilding] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-building').click()])
    const report = Papa.parse<Record<string, string>>((await readFile(await byBuilding.path(), 'utf8')).slice(1), { header: true, skipEmptyLines: true })
    expect(report.data.map((r) => r['房间号'])).toEqual(['201', '202', '203'])

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
    const zip = await readFile(await xlsx.path())
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('prints an A4 ledger to PDF with the title, the table and the signature lines', async () => {
    await page.goto(appUrl('/results'))
    await page.getByTestId('result-row').filter({ hasText: '3号楼 · 2 · 202' }).click()
    await expect.poll(() => page.getByTestId('detail-total').textContent()).toBe('84.5')
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    const { pages, text } = pdfText(pdf)
    const flat = text.replace(/\s+/g, '')
    const norm = (w: string): string => w.normalize('NFKC').replace(/\s+/g, '')
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThanOrEqual(3)
    for (const words of ['宿舍安全检查（每间）·检查台账', '序号', '项目', '分值', '评分标准', '自查分', '备注', '晚归', '84.5', '检查人', '被检查人', '负责人']) {
      expect(flat).toContain(norm(words))
    }
    // The app's navigation is not on paper.
    expect(flat).not.toContain('模板库')
  })

  it('closes a rectification task with a photo of the fix and a re-check', async () => {
    await page.goto(appUrl('/tasks'))
    const task = page.getByTestId('task').filter({ hasText: '3号楼 · 2 · 201' })
    await task.waitFor()
    expect(await page.getByTestId('task').count()).toBe(4)
    await task.getByTestId('fix-photo').setInputFiles({ name: 'fix.png', mimeType: 'image/png', buffer: PNG })
    await task.getByTestId('fix-note').fill('已约谈')
    await task.getByTestId('mark-rectified').click()
    await expect.poll(() => task.getAttribute('data-status')).toBe('rectified')
    await task.locator('img').first().waitFor()

    await task.getByTestId('start-recheck').click()
    await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
    await submitOpenFill()

    await page.goto(appUrl('/tasks'))
    const again = page.getByTestId('task').filter({ hasText: '3号楼 · 2 · 201' })
    await again.getByTestId('verify-task').click()
    await page.getByTestId('task-only-open').uncheck()
    await expect.poll(() => page.getByTestId('task').filter({ hasText: '3号楼 · 2 · 201' }).getAttribute('data-status')).toBe('verified')

    await page.goto(appUrl('/'))
    await expect.poll(() => page.getByTestId('count-closed').textContent()).toBe('1')
    expect(await page.getByTestId('count-open').textContent()).toBe('3')
    await context.close()
  })
})
