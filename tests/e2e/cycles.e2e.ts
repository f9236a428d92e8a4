// Issue #15, item 5: a 红旗 evaluation cycle on a real server process — four Party branches, five
// panel reviewers, each on a tablet of their own (a browser context signed in as them). The
// committee creates the cycle on its tablet; the first branch's secretary submits a
// self-assessment with its evidence; every reviewer scores every branch from the review queue;
// the committee's league table equals `qingdan cycle` over the responses the server holds, with a
// quota tie marked; the results reach the branch only once the committee releases them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import type { CycleResult } from '@/core/cycles'
import { API, type SyncCycle } from '@/core/sync'
import type { ServerProcess } from '../server/support/process'
import { downloadBytes, hasHorizontalScroll, launchBrowser, type TabletPage } from './support'
import { BRANCHES, buildCycleWorld, password, REVIEWERS, SECRETARY, TEMPLATE } from './support/cycle-world'
import { submitOpenFill } from './support/fill'
import { makeJpeg } from './support/jpeg'
import { pdfText } from './support/pdf-text'
import { ADMIN_PASSWORD, pullEverything, startTeamServer, type ApiSession } from './support/team-server'
import { signInTablet, syncNow, teamTablet } from './support/team-tablet'

const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'qingdan-cycle-e2e-'))
const SHOTS = join(process.env.E2E_SHOTS || resolve(root, 'test-results/e2e-shots'), 'cycles')
const WAIT = { timeout: 15_000 }

/**
 * Each reviewer's points (x of 50, y of 50) and veto answer per branch, chosen so that:
 * - 第一 and 第二 both reach a trimmed mean of 95 (第二's 80 and 97 are dropped, 第一's 90 and 100):
 *   one quota place for 红旗党支部 (floor(4 × 25 %) = 1), which both hold as 并列超额;
 * - 第三 scores 92 from everyone, a 红旗 score over the quota: it drops to 良好;
 * - 第四 is vetoed by three of five reviewers (a majority): ranked last whatever its points.
 */
const SCORES: Record<string, Array<[number, number, 'ok' | 'bad']>> = {
  第一党支部: [[48, 47, 'ok'], [47, 48, 'ok'], [45, 50, 'ok'], [45, 45, 'ok'], [50, 50, 'ok']],
  第二党支部: [[47, 47, 'ok'], [48, 48, 'ok'], [45, 50, 'ok'], [40, 40, 'ok'], [48.5, 48.5, 'ok']],
  第三党支部: [[46, 46, 'ok'], [46, 46, 'ok'], [46, 46, 'ok'], [46, 46, 'ok'], [46, 46, 'ok']],
  第四党支部: [[35, 35, 'bad'], [35, 35, 'bad'], [35, 35, 'bad'], [35, 35, 'ok'], [35, 35, 'ok']],
}

let server: ServerProcess
let browser: Browser
let admin: ApiSession
let committee: TabletPage
let cycleId = ''

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startTeamServer(), launchBrowser()])
  admin = await buildCycleWorld(server.url)
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const url = (path: string): string => new URL(path, server.url).href
/** A `datetime-local` value some days ahead, at five in the afternoon. */
const inDays = (days: number): string => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T17:00`

async function answerScore(page: Page, itemId: string, value: number): Promise<void> {
  const box = page.locator(`#item-${itemId}`).getByRole('spinbutton').first()
  await box.fill(String(value))
  await box.press('Tab')
}

/** Answers the open fill page's three items and submits it. */
async function fillAndSubmit(page: Page, [x, y, veto]: [number, number, 'ok' | 'bad']): Promise<void> {
  await answerScore(page, 'x', x)
  await answerScore(page, 'y', y)
  await page.locator(`#item-v [data-option=${veto}]`).click()
  await submitOpenFill(page)
}

/**
 * `qingdan cycle` as a committee secretary would run it: the cycle file, the template, and every
 * response of the cycle the server holds, each written to a file.
 */
async function cliCycleFiles(): Promise<string[]> {
  const held = (await admin.get<SyncCycle[]>(API.cycles)).find((c) => c.id === cycleId)!
  const { scopeId: _scope, subjectIds: _ids, people: _people, releasedAt: _released, updatedAt: _updated, ...cycle } = held
  const files = [join(dir, 'cycle.json'), join(dir, 'template.json')]
  writeFileSync(files[0]!, JSON.stringify(cycle))
  writeFileSync(files[1]!, JSON.stringify(TEMPLATE))
  for (const { header: h, answers } of (await pullEverything(admin)).values()) {
    if (h.cycleId !== cycleId || h.deleted) continue
    const plain = Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, { ...a, hlc: undefined }]))
    const response = {
      id: h.id, templateId: h.templateId, templateVersion: h.templateVersion, role: h.role, reviewOf: h.reviewOf, cycleId: h.cycleId,
      subject: h.subject, status: h.status, inspector: h.inspector, startedAt: h.startedAt, updatedAt: h.updatedAt, submittedAt: h.submittedAt, answers: plain,
    }
    const file = join(dir, `response-${h.id}.json`)
    writeFileSync(file, JSON.stringify(response))
    files.push(file)
  }
  return files
}

let cliFiles: string[] = []
function cliCycle(): CycleResult {
  return JSON.parse(execFileSync('node', [join(root, 'scripts/qingdan.mjs'), 'cycle', ...cliFiles], { encoding: 'utf8' })) as CycleResult
}

async function openCycle(page: Page): Promise<void> {
  await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}`))
  await page.getByRole('heading', { level: 1 }).waitFor()
}

describe('a 红旗 evaluation cycle, scored by a panel of five', () => {
  it('the committee creates the cycle on its tablet: branches from the register, the panel, a 25 % quota', async () => {
    committee = await teamTablet(browser, server.url)
    const { page } = committee
    await signInTablet(page, server.url, { username: 'admin', password: ADMIN_PASSWORD, deviceName: '党委的平板' })
    await page.goto(url('/cycles'))
    await page.getByTestId('cycle-new').click()
    const editor = page.getByTestId('cycle-editor')
    await editor.waitFor()
    await page.getByTestId('cycle-title').fill('2026年度红旗党支部评审')
    await page.getByTestId('cycle-template').selectOption({ label: `${TEMPLATE.title}（第 1 版）` }).catch(async () => {
      const options = await page.getByTestId('cycle-template').locator('option').allTextContents()
      const label = options.find((o) => o.includes(TEMPLATE.title))
      if (!label) throw new Error(`no template option for ${TEMPLATE.title}: ${options.join(' | ')}`)
      await page.getByTestId('cycle-template').selectOption({ label })
    })
    await page.getByTestId('cycle-branch-all').check()
    for (const r of REVIEWERS) await page.getByTestId(`cycle-member-${r.username}`).check()
    await page.getByTestId('cycle-aggregate-trimmedMean').check()
    await page.getByTestId('cycle-trim').fill('1')
    await page.getByTestId('cycle-item-spread').fill('30')
    await page.getByTestId('cycle-total-deviation').fill('10')
    await page.getByTestId('cycle-quota-add').click()
    await page.getByTestId('cycle-quota-band-0').selectOption('red-flag')
    await page.getByTestId('cycle-quota-percent-0').fill('25')
    await page.getByTestId('cycle-self-due').fill(inDays(7))
    await page.getByTestId('cycle-review-due').fill(inDays(14))
    await page.screenshot({ path: join(SHOTS, 'editor-768.png'), fullPage: true })
    await page.getByTestId('cycle-save').click()
    await page.waitForURL((u) => /^\/cycles\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'), WAIT)
    await page.screenshot({ path: join(SHOTS, 'cycle-committee-768.png'), fullPage: true })
    cycleId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)

    const cycles = await admin.get<SyncCycle[]>(API.cycles)
    const held = cycles.find((c) => c.id === cycleId)
    expect(held?.subjectIds.length).toBe(4)
    expect(held?.panel?.members).toEqual(REVIEWERS.map((r) => r.username))
    expect(held?.quotas).toEqual([{ band: 'red-flag', maxPercent: 25 }])
  })

  it('the first branch submits its self-assessment with its evidence, complete before it submits', async () => {
    const { page } = await teamTablet(browser, server.url)
    await signInTablet(page, server.url, { username: SECRETARY.username, password: password(SECRETARY.username), deviceName: '一支部的平板' })
    await openCycle(page)
    const task = page.getByTestId('cycle-branch-tasks')
    await task.waitFor()
    // The committee's parts are not a branch's: one task, no queue, no progress.
    expect(await page.getByTestId('cycle-review-queue').count()).toBe(0)
    expect(await task.getByTestId('self-status').textContent()).toContain('未开始')
    await task.getByTestId('self-start').click()
    await page.getByTestId('begin').waitFor()
    // Filled in from the register entry once the register has loaded.
    await expect.poll(() => page.locator('#subject-branch').inputValue(), WAIT).toBe(SECRETARY.branch)
    if ((await page.locator('#inspector').inputValue()) === '') await page.locator('#inspector').fill(SECRETARY.displayName)
    await page.getByTestId('begin').click()
    await page.locator('#item-x').waitFor()
    await page.locator('#item-x .evidence input[type=file]').setInputFiles({ name: '组织生活记录.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page) })
    await fillAndSubmit(page, [49, 48, 'ok'])

    await openCycle(page)
    await expect.poll(() => task.getByTestId('self-status').textContent(), WAIT).toContain('已提交')
    expect(await task.getByTestId('evidence').textContent()).toContain('1/1')
    await page.screenshot({ path: join(SHOTS, 'branch-task-768.png'), fullPage: true })
    await syncNow(page, server.url)
  })

  // One test per reviewer: each signs in on a tablet of their own and scores the four branches.
  it.each(REVIEWERS.map((reviewer, n) => ({ reviewer, n })))('$reviewer.displayName scores every branch from the queue, the self-assessment beside the form', async ({ reviewer, n }) => {
    const tablet = await teamTablet(browser, server.url)
    const { page } = tablet
    await signInTablet(page, server.url, { username: reviewer.username, password: password(reviewer.username), deviceName: `${reviewer.displayName}的平板` })
    if (n === 0) {
      // The home page names the reviews waiting, and leads to the queue.
      await page.goto(url('/'))
      await expect.poll(() => page.getByTestId('home-cycles').textContent(), WAIT).toContain('2026年度红旗党支部评审')
      await page.screenshot({ path: join(SHOTS, 'home-reviewer-768.png'), fullPage: true })
    }
    for (const branch of BRANCHES) {
      await openCycle(page)
      const row = page.getByTestId('cycle-review-queue').locator('tr', { hasText: branch })
      await row.getByTestId('review-start').click()
      if (branch === SECRETARY.branch) {
        // Beside the submitted self-assessment: its total and evidence on the review's own page.
        await page.locator('#item-x').waitFor()
        await expect.poll(() => page.getByTestId('self-total').textContent(), WAIT).toContain('97')
        if (n === 0) await page.screenshot({ path: join(SHOTS, 'review-beside-768.png'), fullPage: true })
      } else {
        await expect.poll(() => page.locator('#subject-branch').inputValue(), WAIT).toBe(branch)
        await page.getByTestId('begin').click()
        await page.locator('#item-x').waitFor()
      }
      await fillAndSubmit(page, SCORES[branch]![n]!)
    }
    await openCycle(page)
    expect(await page.getByTestId('cycle-review-queue').getByTestId('my-review').allTextContents()).toEqual(BRANCHES.map(() => expect.stringContaining('已提交')))
    await syncNow(page, server.url)
    await tablet.context.close()
  })

  it('the league table equals `qingdan cycle` over the server\'s responses, with the quota tie marked', async () => {
    const { page } = committee
    await syncNow(page, server.url)
    await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}/results`))
    const table = page.getByTestId('league-table')
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(4)
    const shown = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({
        label: r.getAttribute('data-subject') ?? '',
        rank: Number(r.querySelector('.rank')?.textContent?.trim()),
        total: Number(r.querySelector('.total')?.textContent?.trim()),
        band: r.querySelector('.band > span')?.textContent?.trim() ?? '',
        tie: r.querySelector('[data-testid=tie-mark]') !== null,
        vetoed: r.querySelector('[data-testid=veto-mark]') !== null,
      })),
    )
    cliFiles = await cliCycleFiles()
    const cli = cliCycle()
    expect(cliFiles.length).toBe(2 + 1 + 20)
    expect(shown).toEqual(
      cli.subjects.map((s) => ({ label: s.key.branch, rank: s.rank, total: s.total, band: s.band, tie: s.quotaTie, vetoed: s.vetoed })),
    )
    // Hand-worked (see SCORES): two at 95 share rank 1 and the one quota place — both equal the
    // place's total, so both keep the band and both are marked 并列超额 — 92 drops, the veto is last.
    expect(shown.map((r) => [r.label, r.rank, r.total, r.band, r.tie])).toEqual([
      ['第一党支部', 1, 95, '红旗党支部', true],
      ['第二党支部', 1, 95, '红旗党支部', true],
      ['第三党支部', 3, 92, '良好', false],
      ['第四党支部', 4, 70, '不合格', false],
    ])
    expect(await page.getByTestId('cycle-legend').textContent()).toContain('并列')
    expect(await page.getByTestId('cycle-unreleased').isVisible()).toBe(true)

    // One branch's panel: 评委丁's 80 is 15 from the panel's 95 (≥ 10), and 组织生活 spreads 40…48.5
    // (8.5 of 50 = 17 % < 30 %): the reviewer is flagged, no item is.
    await table.getByRole('link', { name: '第二党支部' }).click()
    await page.getByTestId('panel-sections').waitFor(WAIT)
    expect(await page.getByTestId('flagged-reviewers').textContent()).toContain('评委丁')
    await page.screenshot({ path: join(SHOTS, 'panel-768.png'), fullPage: true })

    // The 评审汇总表 on A4 landscape, and the XLSX with a column per reviewer.
    await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}/print`))
    await page.getByTestId('summary-sheet').waitFor()
    const pdf = pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    expect(pdf.pages).toBe(1)
    for (const word of ['评审汇总表', '第一党支部', '第四党支部', '评委戊', '并列超额', '一票否决']) expect(pdf.text).toContain(word)
    await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}/results`))
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cycle-export').click()])
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(new Uint8Array(await downloadBytes(download)).buffer)
    const sheet = book.worksheets[0]!
    const header = (sheet.getRow(1).values as unknown[]).filter((v) => v !== undefined && v !== null).map(String)
    expect(header).toEqual(expect.arrayContaining(REVIEWERS.map((r) => r.displayName)))
    expect(sheet.rowCount).toBe(1 + 4)

    // Read in English too, at the narrowest and the widest.
    await page.evaluate(() => localStorage.setItem('qingdan.locale', 'en'))
    for (const width of [1024, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}/results`))
      await table.waitFor()
      // Wide tables scroll inside their own box; the page itself never scrolls sideways.
      expect(await hasHorizontalScroll(page), `results en ${width}: sideways scroll`).toBe(false)
      await page.screenshot({ path: join(SHOTS, `league-en-${width}.png`), fullPage: true })
    }
    await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}`))
    await page.getByTestId('cycle-progress').waitFor()
    await page.screenshot({ path: join(SHOTS, 'cycle-en-390.png'), fullPage: true })
    await page.evaluate(() => localStorage.setItem('qingdan.locale', 'zh-CN'))
    await page.setViewportSize({ width: 768, height: 1024 })
    await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}/results`))
    await table.waitFor()
    for (const width of [1024, 768, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: join(SHOTS, `league-${width}.png`), fullPage: true })
    }
    await page.setViewportSize({ width: 768, height: 1024 })
  })

  it('the branch sees its result only once the committee releases it', async () => {
    const { page } = await teamTablet(browser, server.url)
    await signInTablet(page, server.url, { username: SECRETARY.username, password: password(SECRETARY.username), deviceName: '一支部的平板（二）' })
    await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}/results`))
    await page.getByTestId('branch-waits').waitFor(WAIT)
    expect(await page.getByTestId('league-table').count()).toBe(0)

    await committee.page.getByTestId('release-cycle').click()
    await committee.page.getByTestId('confirm').click()
    await committee.page.getByTestId('cycle-released').waitFor(WAIT)

    await syncNow(page, server.url)
    await page.goto(url(`/cycles/${encodeURIComponent(cycleId)}/results`))
    const rows = page.getByTestId('league-table').locator('tbody tr')
    await expect.poll(() => rows.count(), WAIT).toBe(1)
    expect(await rows.first().getAttribute('data-subject')).toBe(SECRETARY.branch)
    await page.screenshot({ path: join(SHOTS, 'branch-released-768.png'), fullPage: true })
  })
})
