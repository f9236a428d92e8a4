// Issue #7, item 5: two tablets (two browser contexts) fill rooms offline through the real fill
// UI, both edit one shared room, each exports a bundle from the backup page; a third tablet imports
// both. Every response arrives exactly once, the shared room's conflict is resolved by the newer
// answer (the other kept in history), and every score equals the CLI's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { appUrl, launchBrowser, newTabletPage, readStore, waitForServiceWorker, type TabletPage } from './support'
import { submitByTap } from './support/fill'
import { makeJpeg } from './support/jpeg'

const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'qingdan-bundles-e2e-'))
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function tablet(): Promise<TabletPage> {
  const t = await newTabletPage(browser)
  await t.page.goto(appUrl('/'))
  await waitForServiceWorker(t.page)
  return t
}

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')
}

async function startRoom(page: Page, room: string): Promise<string> {
  await page.goto(appUrl('/fill'))
  await page.getByTestId('templates').locator('li', { hasText: '宿舍安全检查（每间）' }).getByRole('link').click()
  await page.getByLabel('楼栋').fill('6号楼')
  await page.getByLabel('楼层').fill('3')
  await page.getByLabel('房间号').fill(room)
  await page.getByTestId('begin').click()
  await page.getByTestId('total').waitFor()
  return new URL(page.url()).pathname.split('/').pop()!
}

async function openRoom(page: Page, id: string): Promise<void> {
  await page.goto(appUrl(`/fill/${id}`))
  await page.getByTestId('total').waitFor()
}

async function tapMore(page: Page, item: string, title: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.locator(`#item-${item}`).getByRole('button', { name: `增加 ${title}` }).tap()
  await saved(page)
}

/** Exports everything from the backup page (download path) and returns the saved file. */
async function exportBundle(page: Page, name: string): Promise<string> {
  await page.goto(appUrl('/backup?download'))
  const download = page.waitForEvent('download')
  await page.getByTestId('export-submit').tap()
  const file = join(dir, name)
  await (await download).saveAs(file)
  await page.getByTestId('export-done').waitFor()
  return file
}

/** Imports a bundle through the backup page: review the summary, confirm. Returns the summary cells. */
async function importBundle(page: Page, file: string): Promise<Record<string, string>> {
  await page.goto(appUrl('/backup'))
  await page.getByTestId('import-file').setInputFiles(file)
  await page.getByTestId('merge-summary').waitFor()
  const cells = await page.getByTestId('merge-summary').locator('td[data-testid]').evaluateAll((tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute('data-testid')!.replace('summary-', ''), td.textContent!.trim()])),
  )
  await page.getByTestId('import-confirm').tap()
  await page.getByTestId('import-done').waitFor()
  return cells
}

type Stored = { id: string; status: string; total?: number; subject: Record<string, string | number> }

function cliScore(answers: Record<string, unknown>): { total: number; max: number } {
  const file = join(dir, `response-${crypto.randomUUID()}.json`)
  writeFileSync(file, JSON.stringify({ templateId: 'dorm-room-safety', templateVersion: 1, answers }))
  return JSON.parse(
    execFileSync('node', [join(root, 'scripts/qingdan.mjs'), 'score', join(root, 'schemas/samples/dorm-room-safety.json'), file], { encoding: 'utf8' }),
  ) as { total: number; max: number }
}

describe('backup bundles across three tablets', () => {
  it('merges two tablets’ offline rounds into a third: each response once, the newer edit kept, CLI scores', async () => {
    const a = await tablet()
    const b = await tablet()
    const c = await tablet()

    // Tablet A starts the shared room 301 and hands it to B (bundle over "USB").
    const shared = await startRoom(a.page, '301')
    await a.page.locator('#item-knife [data-option=yes]').tap()
    await saved(a.page)
    await importBundle(b.page, await exportBundle(a.page, 'a0.zip'))

    // Both go offline. A fills 101 and edits 301 first; B fills 102 and edits 301 later.
    await a.context.setOffline(true)
    await b.context.setOffline(true)
    await startRoom(a.page, '101')
    await tapMore(a.page, 'wiring', '私拉乱接电线、网线')
    const wiring = a.page.locator('#item-wiring')
    await wiring.locator('.evidence input[type=file]').setInputFiles({ name: 'wire.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(a.page, { width: 400, height: 300, back: '#36c' }) })
    await wiring.locator('.evidence img').waitFor()
    await saved(a.page)
    await submitByTap(a.page)
    await openRoom(a.page, shared)
    await tapMore(a.page, 'smoking', '室内吸烟', 1) // A: 1 occurrence (older)
    await startRoom(b.page, '102')
    await submitByTap(b.page)
    await openRoom(b.page, shared)
    await b.page.locator('#item-pet [data-option=yes]').tap() // B only
    await tapMore(b.page, 'smoking', '室内吸烟', 2) // B: 2 occurrences (newer): wins

    const fileA = await exportBundle(a.page, 'a.zip')
    const fileB = await exportBundle(b.page, 'b.zip')

    // Tablet C imports both; then A's again, which changes nothing.
    const first = await importBundle(c.page, fileA)
    expect(first['responses-new']).toBe('2')
    const second = await importBundle(c.page, fileB)
    expect(second['responses-new']).toBe('1')
    expect(second['responses-conflicts']).toBe('1')
    const again = await importBundle(c.page, fileA)
    expect(again['total-new']).toBe('0')
    expect(again['total-updated']).toBe('0')
    expect(again['total-conflicts']).toBe('0')

    const responses = await readStore<Stored>(c.page, 'responses')
    expect(responses.map((r) => r.subject.room).sort()).toEqual(['101', '102', '301'])
    const answers = await readStore<{ responseId: string; itemId: string; answer: { value?: unknown } }>(c.page, 'answers')
    const answersOf = (id: string): Record<string, unknown> =>
      Object.fromEntries(answers.filter((x) => x.responseId === id).map((x) => [x.itemId, x.answer]))
    expect(answersOf(shared)).toMatchObject({ knife: { value: 'yes' }, pet: { value: 'yes' }, smoking: { value: 2 } })
    const photos = await readStore<{ responseId: string; size: number }>(c.page, 'attachments')
    expect(photos).toHaveLength(1)
    expect(photos[0]?.size).toBeGreaterThan(0)
    const history = await readStore<{ responseId: string; itemId: string; answer: { value?: unknown } }>(c.page, 'answerHistory')
    expect(history.map((h) => [h.responseId, h.itemId, h.answer.value])).toEqual([[shared, 'smoking', 1]])

    // Scores: the submitted rooms' stored totals, and the shared draft's live total, equal the CLI's.
    for (const r of responses.filter((x) => x.status === 'submitted')) {
      expect(r.total).toBe(cliScore(answersOf(r.id)).total)
    }
    await openRoom(c.page, shared)
    const cli = cliScore(answersOf(shared))
    expect((await c.page.getByTestId('total').textContent())!.replace(/\s+/g, ' ')).toContain(`${cli.total} / ${cli.max}`)

    // The home screen of a device that never made a backup reminds it to.
    await c.page.goto(appUrl('/'))
    await expect.poll(() => c.page.getByTestId('backup-reminder').getAttribute('data-reason')).toBe('never')
    for (const t of [a, b, c]) await t.context.close()
  }, 180_000) // three tablets, two exports and two imports: a long journey on a 2-core machine
})
