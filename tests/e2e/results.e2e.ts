// Results people act on (#6), in real Chromium against the production build: three dorm rooms
// submitted through the real fill UI, then the list, the dashboard, a CSV export parsed here,
// an A4 ledger printed to PDF, and a rectification task closed with a photo and a re-check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import Papa from 'papaparse'
import ExcelJS from 'exceljs'
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js'
import { localDateTime } from '@/core/time/local-time'
import { TABLET, appUrl, downloadBytes, launchBrowser, newTabletPage } from './support'
import { submitOpenFill } from './support/fill'
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
  await submitOpenFill(page)
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
    const bytes = await downloadBytes(download)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true })
    const totals = Object.fromEntries(parsed.data.map((r) => [r['房间号'], Number(r['得分'])]))
    expect(totals).toEqual(Object.fromEntries(ROOMS.map((r) => [r.room, r.total])))
    expect(parsed.data.every((r) => r['楼栋'] === '3号楼' && r['检查人'] === '王老师')).toBe(true)
    // 提交时间 is the time the list shows (Beijing wall clock), not UTC ISO text.
    const shown = await page.getByTestId('result-row').allTextContents()
    for (const r of parsed.data) {
      expect(r['提交时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
      expect(shown.some((text) => text.includes(r['提交时间'] ?? '?'))).toBe(true)
    }

    // The per-building report lists rooms from small to large whatever the list's order.
    await page.getByTestId('filter-sort').selectOption('score-asc')
    const [byBuilding] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-building').click()])
    const report = Papa.parse<Record<string, string>>((await downloadBytes(byBuilding)).toString('utf8').slice(1), { header: true, skipEmptyLines: true })
    const detail = report.data.filter((r) => r['行类型'] === '明细')
    expect(detail.map((r) => r['房间号'])).toEqual(['201', '202', '203'])
    // One 楼栋 column, and the building's aggregates in its 楼栋合计 row.
    expect(report.meta.fields?.filter((f) => f === '楼栋')).toEqual(['楼栋'])
    const building = report.data.find((r) => r['行类型'] === '楼栋合计')
    expect(building).toMatchObject({ 楼栋: '3号楼', 检查数: '3', 最低分: '80', 平均分: '83.17', 有隐患: '3', 未完成整改: '4' })

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
    const zip = await downloadBytes(xlsx)
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
    await submitOpenFill(page)

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

/** The `YYYY-MM-DD HH:mm` wall-clock texts in `zone` of the moments given (a step may straddle a minute). */
function wallClock(zone: string, moments: readonly number[]): string[] {
  return moments.map((ms) => localDateTime(new Date(ms).toISOString(), zone))
}

describe('exports people can use (#12)', () => {
  // A device set to New York time: the app must still write Beijing time (the settings' zone).
  beforeAll(async () => {
    context = await browser.newContext({ ...TABLET, timezoneId: 'America/New_York' })
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
  })

  it('shows 草稿 times in the settings’ zone, not the device’s', async () => {
    await page.goto(appUrl('/fill'))
    await page.getByText('宿舍安全检查').first().waitFor()
    for (const room of ['301', '302']) await submitRoom(room, room === '301' ? { 晚归: 1 } : {})
    // A draft left open: 草稿 lists it with the time it was last changed.
    await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
    await page.locator('#subject-building').fill('3号楼')
    await page.locator('#subject-floor').fill('3')
    await page.locator('#subject-room').fill('303')
    await page.locator('#inspector').fill('王老师')
    const before = Date.now()
    await page.getByTestId('begin').click()
    await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
    const moments = [before, Date.now()]
    await page.goto(appUrl('/fill'))
    const draft = page.getByTestId('drafts').locator('li').filter({ hasText: '303' })
    const text = (await draft.textContent()) ?? ''
    expect(wallClock('Asia/Shanghai', moments).some((time) => text.includes(`更新于 ${time}`))).toBe(true)
    expect(wallClock('America/New_York', moments).some((time) => text.includes(time))).toBe(false)
  })

  it('downloads every template at once when none is chosen: an XLSX with a sheet each, and a zip of CSVs', async () => {
    // A second template: a floor's common areas, every item answered 是.
    await page.goto(appUrl('/fill/new/floor-common-area/1'))
    await page.locator('#subject-building').fill('3号楼')
    await page.locator('#subject-floor').fill('3')
    await page.locator('#inspector').fill('李老师')
    await page.getByTestId('begin').click()
    await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
    const yes = page.getByRole('radio', { name: '是', exact: true })
    await yes.first().waitFor()
    const n = await yes.count()
    for (let i = 0; i < n; i++) await yes.nth(i).click()
    await submitOpenFill(page)

    await page.goto(appUrl('/results'))
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('共 3 条')
    expect(await page.getByTestId('export-scope').textContent()).toContain('2 个模板')
    await page.getByTestId('export-item-columns').check()
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
    expect(xlsx.suggestedFilename()).toMatch(/^全部模板-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(new Uint8Array(await downloadBytes(xlsx)).buffer)
    expect(book.worksheets.map((w) => w.name).sort()).toEqual(['宿舍安全检查（每间）', '楼层公共区域检查'].sort())
    const dorm = book.worksheets.find((w) => w.name.startsWith('宿舍'))
    const header = (dorm?.getRow(1).values as unknown[]).map(String)
    const col = (name: string): number => header.indexOf(name)
    expect(col('晚归（得分）')).toBeGreaterThan(0)
    const rooms = [2, 3].map((r) => dorm?.getRow(r).getCell(col('房间号')).value)
    expect(rooms.sort()).toEqual(['301', '302'])
    const times = [2, 3].map((r) => String(dorm?.getRow(r).getCell(col('提交时间')).value))
    const shown = await page.getByTestId('result-row').allTextContents()
    for (const time of times) {
      expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
      expect(shown.some((row) => row.includes(time))).toBe(true)
    }

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    expect(csv.suggestedFilename()).toMatch(/^全部模板-\d{4}-\d{2}-\d{2}\.zip$/)
    const zip = new ZipReader(new BlobReader(new Blob([await downloadBytes(csv)])))
    const entries = await zip.getEntries()
    expect(entries.map((e) => e.filename).sort()).toEqual(['宿舍安全检查（每间）.csv', '楼层公共区域检查.csv'].sort())
    const floorEntry = entries.find((e) => e.filename === '楼层公共区域检查.csv')
    if (!floorEntry || floorEntry.directory) throw new Error('no floor file')
    const bytes = await floorEntry.getData(new Uint8ArrayWriter())
    await zip.close()
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const floorRows = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data
    expect(floorRows.map((r) => [r['楼栋'], r['检查人']])).toEqual([['3号楼', '李老师']])
  })
})

