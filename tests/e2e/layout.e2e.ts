// The fill page, the record and the dashboard as a person sees them at 390 (phone), 768 (portrait
// tablet) and 1024 px (landscape tablet, desktop), in zh-CN and en (issue #12 item 8): nothing
// scrolls sideways, no column is narrower than four characters, the record's item table turns into
// cards on a phone, chart labels are drawn whole inside their canvas and count axes step by whole
// numbers. Three dorm rooms are submitted through the real UI; the 红旗 self-assessment and its review
// are stored straight into IndexedDB, as a finished round leaves them. Screenshots go to the e2e
// artifacts folder (E2E_SHOTS, else test-results/e2e-shots) for a human look.
import { readFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { TABLET, appUrl, launchBrowser } from './support'
import { submitOpenFill } from './support/fill'
import { narrowBoxes, pastTheEdge, sidewaysOverflow } from './support/layout'

const root = resolve(import.meta.dirname, '../..')
const json = <T>(path: string): T => JSON.parse(readFileSync(resolve(root, path), 'utf8')) as T
const shots = process.env.E2E_SHOTS || resolve(root, 'test-results/e2e-shots')
const WIDTHS = [390, 768, 1024] as const
// A 2×2 PNG: the photo a finding requires.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMwTjsDRAwQCgAktgWVJrpF5QAAAABJRU5ErkJggg==', 'base64')

let browser: Browser
let context: BrowserContext
let page: Page
const dormIds: string[] = []
/** Uncaught page errors; the tests expect none. */
const errors: string[] = []

/**
 * Records every text a canvas draws (chart.js draws tick labels with fillText) with its box in
 * canvas pixels after the current transform, so the test can see labels cut at the canvas edge
 * and the numbers on an axis. A full clear (chart.js clears before each render) starts afresh.
 */
function recordCanvasText(): void {
  interface Drawn { text: string; left: number; right: number }
  type Logged = HTMLCanvasElement & { drawn?: Drawn[] }
  const proto = CanvasRenderingContext2D.prototype
  const fillText = proto.fillText
  const clearRect = proto.clearRect
  proto.clearRect = function (this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
    const canvas = this.canvas as Logged
    if (x <= 0 && y <= 0 && w >= canvas.width && h >= canvas.height) canvas.drawn = []
    clearRect.call(this, x, y, w, h)
  }
  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    const canvas = this.canvas as Logged
    const width = this.measureText(text).width
    const align = this.textAlign === 'start' ? 'left' : this.textAlign === 'end' ? 'right' : this.textAlign
    const from = align === 'right' ? x - width : align === 'center' ? x - width / 2 : x
    const m = this.getTransform()
    const xs = [from, from + width].map((px) => m.a * px + m.c * y + m.e)
    ;(canvas.drawn ??= []).push({ text: String(text), left: Math.min(...xs), right: Math.max(...xs) })
    if (maxWidth === undefined) fillText.call(this, text, x, y)
    else fillText.call(this, text, x, y, maxWidth)
  }
}

interface ChartText { chart: string; texts: string[]; cut: string[]; fractions: string[] }

/** What each dashboard chart drew: its texts, those cut at an edge, and numbers with a fraction. */
function chartTexts(page: Page): Promise<ChartText[]> {
  return page.evaluate(() => {
    type Logged = HTMLCanvasElement & { drawn?: Array<{ text: string; left: number; right: number }> }
    return [...document.querySelectorAll<Logged>('[data-testid=dashboard-charts] figure')].map((figure) => {
      const canvas = figure.querySelector('canvas') as Logged
      const drawn = canvas.drawn ?? []
      return {
        chart: figure.querySelector('figcaption')?.textContent?.trim() ?? '',
        texts: drawn.map((d) => d.text),
        cut: drawn.filter((d) => d.left < -0.5 || d.right > canvas.width + 0.5).map((d) => `"${d.text}" ${Math.round(d.left)}…${Math.round(d.right)} of ${canvas.width}`),
        fractions: drawn.filter((d) => /^-?\d+\.\d+$/.test(d.text)).map((d) => d.text),
      }
    })
  })
}

/** The boxes whose text must never be squeezed below four characters on these pages. */
const BOXES = 'main :is(th, td, h1, h2, label, figcaption, button, .title, .points, .label, .value, .kpis span, .nav-link)'
const FIELDS = 'main td :is(input:not([type=checkbox]), select)'

async function submitRoom(room: string, taps: Readonly<Record<string, number>>, more?: () => Promise<void>): Promise<void> {
  await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
  await page.locator('#subject-building').fill('3号楼')
  await page.locator('#subject-floor').fill('2')
  await page.locator('#subject-room').fill(room)
  await page.locator('#inspector').fill('王老师')
  await page.getByTestId('begin').click()
  await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
  dormIds.push(new URL(page.url()).pathname.split('/').pop()!)
  for (const [title, n] of Object.entries(taps)) {
    for (let i = 0; i < n; i++) await page.getByRole('button', { name: `增加 ${title}`, exact: true }).click()
  }
  await more?.()
  await submitOpenFill(page)
}

/** The 红旗 self-assessment and its linked review, written as a submitted pair. */
async function seedRedFlag(): Promise<void> {
  const template = json<{ title: string }>('schemas/samples/red-flag-party-branch.json')
  const self = json<{ subject: Record<string, string>; answers: Record<string, { attachments?: string[] }> }>('tests/fixtures/red-flag-party-branch/self-red-flag.json')
  const review = json<typeof self>('tests/fixtures/red-flag-party-branch/review-red-flag.json')
  // No attachment files are stored here: the answers must not point at any.
  for (const a of [...Object.values(self.answers), ...Object.values(review.answers)]) delete a.attachments
  await page.evaluate(
    async ({ title, self, review }) => {
      const at = '2026-11-27T02:00:00.000Z'
      const row = (id: string, role: string, inspector: string, extra: Record<string, unknown>) => ({
        id, templateId: 'red-flag-party-branch', templateVersion: 1, templateTitle: title, role, subject: self.subject,
        status: 'submitted', inspector, startedAt: at, updatedAt: at, submittedAt: at, ...extra,
      })
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onsuccess = () => done(open.result)
        open.onerror = () => fail(open.error)
      })
      const tx = db.transaction(['responses', 'answers'], 'readwrite')
      tx.objectStore('responses').put(row('rf-self', 'self', '张书记', {}))
      tx.objectStore('responses').put(row('rf-review', 'review', '李考核', { reviewOf: 'rf-self' }))
      for (const [itemId, answer] of Object.entries(self.answers)) tx.objectStore('answers').put({ responseId: 'rf-self', itemId, answer })
      for (const [itemId, answer] of Object.entries(review.answers)) tx.objectStore('answers').put({ responseId: 'rf-review', itemId, answer })
      await new Promise<void>((done, fail) => {
        tx.oncomplete = () => done()
        tx.onerror = () => fail(tx.error)
      })
      db.close()
    },
    { title: template.title, self, review },
  )
}

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(shots, { recursive: true })
  context = await browser.newContext({ ...TABLET })
  await context.addInitScript(recordCanvasText)
  page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  // The drafts page installs the shipped samples on first use.
  await page.goto(appUrl('/fill'))
  await page.getByText('宿舍安全检查').first().waitFor()
  await submitRoom('201', { 晚归: 1, '人离不锁门、贵重物品随意放置': 2 })
  await submitRoom('202', { 夜不归宿: 1, 晚归: 1 })
  // A finding with a long title (31 characters) and its required photo: the longest chart label.
  await submitRoom('203', {}, async () => {
    const item = page.locator('#item-appliance-stored')
    await item.getByRole('button', { name: /^增加 / }).click()
    await item.locator('.evidence input[type=file]').setInputFiles({ name: 'kettle.png', mimeType: 'image/png', buffer: PNG })
    await item.locator('.evidence img').waitFor()
  })
  await seedRedFlag()
}, 120_000)

afterAll(async () => {
  await browser?.close()
})

/** Waits for two frames: a resize's layout and chart.js's redraw on its ResizeObserver. */
const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))))

/** A page to look at; `scrollTo` and `alsoAt` name what the screenshots show (below the sticky bars). */
interface Screen { name: string; path: () => string; ready: (page: Page) => Promise<void>; scrollTo?: string; alsoAt?: Record<string, string> }

const SCREENS: Screen[] = [
  { name: 'fill-dorm', path: () => `/fill/${dormIds[0]}`, ready: (p) => p.getByTestId('subject').waitFor() },
  { name: 'fill-red-flag', path: () => '/fill/rf-self', ready: (p) => p.getByTestId('subject').waitFor(), scrollTo: '.section' },
  { name: 'record-dorm', path: () => `/results/${dormIds[0]}`, ready: (p) => p.getByTestId('detail-total').waitFor(), scrollTo: '[data-testid=item-breakdown]', alsoAt: { head: 'main h1' } },
  { name: 'record-red-flag', path: () => '/results/rf-review', ready: (p) => p.getByTestId('detail-total').waitFor(), scrollTo: '[data-testid=item-breakdown]', alsoAt: { head: 'main h1' } },
  { name: 'results-list', path: () => '/results', ready: (p) => p.getByTestId('result-row').first().waitFor(), scrollTo: '[data-testid=result-list]' },
  { name: 'dashboard-dorm', path: () => '/results/dashboard/dorm-room-safety', ready: chartsDrawn, scrollTo: '[data-testid=dashboard-charts]', alsoAt: { findings: '[data-testid=dashboard-charts] figure:last-child', tables: '[data-testid=top-findings]' } },
]

async function chartsDrawn(page: Page): Promise<void> {
  await page.getByTestId('dashboard-charts').locator('canvas').first().waitFor()
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLCanvasElement & { drawn?: unknown[] }>('[data-testid=dashboard-charts] canvas')].every((c) => (c.drawn?.length ?? 0) > 0),
  )
}

describe('fill, record and dashboard at phone, tablet and desktop widths (#12 item 8)', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`reads well at 390, 768 and 1024 px in ${lang}`, async () => {
      await page.evaluate((l) => localStorage.setItem('qingdan.locale', l), lang)
      const problems: string[] = []
      for (const screen of SCREENS) {
        await page.setViewportSize({ width: 1024, height: 768 })
        await page.goto(appUrl(screen.path()))
        await screen.ready(page).catch(async (e: unknown) => {
          await page.screenshot({ path: join(shots, `${screen.name}-${lang}-not-ready.png`), fullPage: true })
          throw new Error(`${screen.name} ${lang} not ready (page errors: ${errors.join('; ') || 'none'})`, { cause: e })
        })
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : width === 768 ? 1024 : 768 })
          await settle(page)
          const where = `${screen.name} ${lang} ${width}`
          const over = await sidewaysOverflow(page)
          if (over > 0) problems.push(`${where}: the page scrolls sideways by ${over}px`)
          for (const p of await pastTheEdge(page, 'main table, main [data-testid=section-bars], main canvas')) problems.push(`${where}: ${p}`)
          for (const p of await narrowBoxes(page, BOXES, FIELDS)) problems.push(`${where}: narrow ${p}`)
          if (screen.name.startsWith('record')) {
            // On a phone the item table is a list of cards: each row one block, its cells one under another.
            const display = await page.getByTestId('item-breakdown').locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)
            if ((width === 390) !== (display !== 'table-row')) problems.push(`${where}: item rows display as ${display}`)
          }
          if (screen.name === 'results-list') {
            // Rows sit at fixed offsets (a virtual list): content taller than its row overlaps the next.
            const tall = await page.getByTestId('result-row').evaluateAll((rows) =>
              rows.filter((r) => r.scrollHeight > r.clientHeight + 1 || [...r.children].some((c) => c.scrollHeight > c.clientHeight + 1 && getComputedStyle(c).overflow === 'visible')).length,
            )
            if (tall > 0) problems.push(`${where}: ${tall} result rows taller than their slot`)
          }
          if (screen.name.startsWith('dashboard')) {
            await expect.poll(async () => (await chartTexts(page)).every((c) => c.texts.length > 0)).toBe(true)
            for (const c of await chartTexts(page)) {
              if (c.cut.length) problems.push(`${where}: chart "${c.chart}" cuts ${c.cut.join(', ')}`)
              if (c.fractions.length) problems.push(`${where}: chart "${c.chart}" has fractional ticks ${c.fractions.join(', ')}`)
            }
            // Each finding's label starts with its title's first characters (cut, if at all, at the end).
            const titles = await page.getByTestId('top-findings').locator('th').allTextContents()
            const drawn = (await chartTexts(page)).at(-1)?.texts ?? []
            for (const title of titles.map((x) => x.trim())) {
              if (!drawn.some((d) => d.startsWith([...title].slice(0, 4).join('')))) problems.push(`${where}: finding "${title}" not drawn from its start (${drawn.join(' | ')})`)
            }
          }
          const shoot = async (selector: string | undefined, name: string): Promise<void> => {
            // Below the sticky bars: the part worth a look at the top of the shot.
            if (selector) await page.locator(selector).first().evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 130))
            await settle(page)
            await page.screenshot({ path: join(shots, `${name}-${lang}-${width}.png`) })
          }
          await shoot(screen.scrollTo, screen.name)
          for (const [part, selector] of Object.entries(screen.alsoAt ?? {})) await shoot(selector, `${screen.name}-${part}`)
        }
      }
      expect(problems).toEqual([])
      expect(errors).toEqual([])
    }, 240_000)
  }
})
