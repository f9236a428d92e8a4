/**
 * Results at scale (#6), in Chromium against the served build, with 10,000 generated dorm
 * responses stored (each row with its full ScoreResult, as submit stores it, plus its summary):
 * - results.list10k.ms       /results loaded from scratch (navigation start) until the first rows are painted (≤ 1000)
 * - results.list10kAll.ms    … until all 10,000 are read and counted (filters work over all of them)
 * - results.filter10k.ms     median time from a filter change to the next painted frame (≤ 200)
 * - results.dashboard10k.ms  from clicking 统计看板 on the list until the figures and a chart are drawn (≤ 1500)
 * - results.dashboard10kCold.ms  the dashboard opened by its address, from navigation start (no budget; informative)
 * - results.csv10k.ms        from clicking 导出 CSV until the browser hands over the download (≤ 3000)
 * Seeding writes raw IndexedDB rows from `page.evaluate`: no bench hook in production code.
 * Imports are relative because bench files run through tsx, outside Vite's alias.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import type { Answer, Response, Template } from '../src/core/format/types'
import { scoreResponse } from '../src/core/scoring'
import { summarize, type ResultSummary } from '../src/core/stats'
import type { ScoreResult } from '../src/core/format/types'
import { launchBrowser, newTabletPage } from '../tests/e2e/support/chromium'
import { prng } from './generate'

const N = 10_000
const PATTERNS = 96

/** Realistic rounds: most rooms clean, some with a few findings, a few red lines. */
export function dormAnswers(template: Template, seed: number): Record<string, Answer> {
  const rand = prng(seed)
  const answers: Record<string, Answer> = {}
  for (const section of template.sections) {
    for (const item of section.items) {
      const r = rand()
      if (item.type === 'count') answers[item.id] = { value: r < 0.85 ? 0 : 1 + Math.floor(rand() * 2) }
      else if (item.type === 'single') {
        const bad = item.options.find((o) => o.flag)
        const good = item.options.find((o) => !o.flag)
        const pick = item.id === 'winter-check' ? (r < 0.3 ? 'yes' : 'no') : r < (bad?.zero ? 0.01 : 0.06) ? bad?.id : good?.id
        if (pick !== undefined) answers[item.id] = { value: pick }
      }
    }
  }
  return answers
}

interface Pattern {
  result: ScoreResult
  summary: ResultSummary
}

function patterns(template: Template): Pattern[] {
  return Array.from({ length: PATTERNS }, (_, i) => {
    const response: Response = { templateId: template.id, templateVersion: template.version, answers: dormAnswers(template, i + 1) }
    const result = scoreResponse(template, response)
    const summary = summarize({ id: 'x', templateTitle: template.title, subject: {}, inspector: '', submittedAt: '' }, result)
    return { result, summary }
  })
}

/** What the page needs to build rows; loose types keep playwright's argument typing shallow. */
interface SeedPayload {
  template: { id: string; version: number; title: string }
  pats: Array<{ result: { total: number; percent: number | null; band: { label: string } | null }; summary: Record<string, unknown> }>
  n: number
}

/** Writes N rows straight into the app's IndexedDB (opened at its current version by the app). */
async function seed(page: Page, template: Template, pats: Pattern[]): Promise<void> {
  await page.evaluate(
    async (json) => {
      const { template, pats, n } = JSON.parse(json) as SeedPayload
      const open = indexedDB.open('qingdan')
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        open.onsuccess = () => ok(open.result)
        open.onerror = () => ko(open.error)
      })
      const tx = db.transaction(['responses', 'summaries', 'templateVersions', 'templates'], 'readwrite')
      const now = new Date('2026-11-27T02:00:00.000Z').getTime()
      tx.objectStore('templates').put({ id: template.id, title: template.title, status: 'published', latestVersion: template.version, source: 'sample', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' })
      tx.objectStore('templateVersions').put({ templateId: template.id, version: template.version, template, publishedAt: '2026-01-01T00:00:00.000Z', itemCount: 26 })
      const inspectors = ['王老师', '李老师', '张老师', '刘老师', '陈老师']
      for (let i = 0; i < n; i++) {
        const p = pats[i % pats.length]
        if (!p) continue
        const floor = 1 + ((i >> 3) % 6)
        const subject = { building: `${1 + (i % 9)}号楼`, floor, room: `${floor}${String(1 + (i % 30)).padStart(2, '0')}` }
        const entries = Object.entries(subject).map(([k, v]) => [k, String(v)]).sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1))
        const subjectKey = JSON.stringify(entries)
        const subjectTerms = entries.map(([k, v]) => `${k}=${v}`)
        const submittedAt = new Date(now - i * 37 * 60_000).toISOString()
        const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
        const inspector = inspectors[i % inspectors.length] ?? ''
        tx.objectStore('responses').put({
          id, templateId: template.id, templateVersion: template.version, templateTitle: template.title, role: 'self', subject,
          status: 'submitted', inspector, startedAt: submittedAt, updatedAt: submittedAt, submittedAt, result: p.result,
          total: p.result.total, percent: p.result.percent, band: p.result.band?.label ?? null, deviceId: 'bench', subjectKey, subjectTerms,
        })
        tx.objectStore('summaries').put({ ...p.summary, id, subject, subjectKey, subjectTerms, inspector, submittedAt, deviceId: 'bench' })
      }
      await new Promise<void>((ok, ko) => {
        tx.oncomplete = () => ok()
        tx.onerror = () => ko(tx.error)
      })
      db.close()
    },
    JSON.stringify({ template, pats, n: N }),
  )
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}
const round = (x: number): number => Math.round(x)

/**
 * Changes a <select> and resolves with the ms until the next frame was painted: Vue re-filters
 * and re-renders in the microtask after the change event, so that frame shows the new list.
 */
function timeSelect(page: Page, testId: string, value: string): Promise<number> {
  return page.evaluate(
    async ({ testId, value }) => {
      const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)
      if (!select) throw new Error('filters not rendered')
      const t0 = performance.now()
      select.value = value
      select.dispatchEvent(new Event('change'))
      await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)))
      return performance.now() - t0
    },
    { testId, value },
  )
}

export default async function run(): Promise<Record<string, number>> {
  const base = process.env.QINGDAN_BENCH_URL
  if (!base) throw new Error('QINGDAN_BENCH_URL is not set: run through `npm run bench`.')
  const url = (path: string): string => new URL(path, base).href
  const template = JSON.parse(await readFile(new URL('../schemas/samples/dorm-room-safety.json', import.meta.url), 'utf8')) as Template
  const pats = patterns(template)

  const browser = await launchBrowser()
  try {
    const { page } = await newTabletPage(browser)
    // tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; give the page one.
    await page.addInitScript({ content: 'window.__name = (f) => f' })
    // Let the app create its database (current schema), then fill it.
    await page.goto(url('/results'))
    await page.getByTestId('result-count').filter({ hasText: '0' }).waitFor()
    await seed(page, template, pats)
    await page.goto(url('/'))

    const firsts: number[] = []
    const alls: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto(url('/results'))
      // First render: the newest rows are on screen (the list paints before all 10,000 are read).
      await page.waitForFunction(() => document.querySelector('[data-testid="result-row"]') !== null, undefined, { polling: 'raf' })
      firsts.push(await page.evaluate(() => performance.now()))
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid="result-count"]')?.textContent?.includes(String(n)) === true,
        N,
        { polling: 'raf' },
      )
      alls.push(await page.evaluate(() => performance.now()))
    }

    const filters = [
      await timeSelect(page, 'filter-template', template.id),
      await timeSelect(page, 'filter-band', '不合格'),
      await timeSelect(page, 'filter-band', ''),
      await timeSelect(page, 'filter-findings', 'yes'),
      await timeSelect(page, 'filter-sort', 'score-asc'),
      await timeSelect(page, 'filter-findings', ''),
    ]
    await page.getByTestId('filter-sort').selectOption('date-desc')
    const shown = await page.getByTestId('result-count').textContent()
    if (!shown?.includes(String(N))) throw new Error(`filters not cleared: ${shown}`)

    const t0 = Date.now()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    const csv = Date.now() - t0
    const size = (await readFile(await download.path())).length
    if (size < N * 50) throw new Error(`CSV too small: ${size} bytes`)

    const dashboard = await page.evaluate(async (n) => {
      const link = document.querySelector<HTMLAnchorElement>('[data-testid="open-dashboard"]')
      if (!link) throw new Error('no dashboard link')
      const t = performance.now()
      link.click()
      await new Promise<void>((done) => {
        const tick = (): void => {
          const kpi = document.querySelector('[data-testid="kpi-count"]')?.textContent
          const chart = document.querySelector('[data-testid="dashboard-charts"] canvas')
          if (kpi === String(n) && chart) requestAnimationFrame(() => done())
          else requestAnimationFrame(tick)
        }
        tick()
      })
      return performance.now() - t
    }, N)

    // Cold: the dashboard opened by its address, nothing read before (navigation start → drawn).
    await page.goto(url(`/results/dashboard/${template.id}`))
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="kpi-count"]')?.textContent === String(n) && document.querySelector('[data-testid="dashboard-charts"] canvas') !== null,
      N,
      { polling: 'raf' },
    )
    const dashboardCold = await page.evaluate(() => performance.now())

    return {
      'results.dashboard10kCold.ms': round(dashboardCold),
      'results.list10k.ms': round(median(firsts)),
      'results.list10kAll.ms': round(median(alls)),
      'results.filter10k.ms': round(median(filters)),
      'results.dashboard10k.ms': round(dashboard),
      'results.csv10k.ms': round(csv),
    }
  } finally {
    await browser.close()
  }
}
