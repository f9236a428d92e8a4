// Review from the record (#12 item 5), in real Chromium on a tablet: a 红旗 self-assessment with a
// bonus is submitted, 开始复核 on its record starts the linked review without retyping, the review
// answers differently, and the comparison shows both sides (answers, remarks, evidence, bonus) and
// the exact, labelled difference. Then a dorm round: the completion screen and 下一间 keeping the
// round-level answer (本次是否开展冬季专项检查).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { appUrl, launchBrowser, newTabletPage } from './support'
import { submitOpenFill } from './support/fill'

const root = resolve(import.meta.dirname, '../..')
type Answers = Record<string, { value?: unknown; attachments?: string[]; note?: string }>
const fixture = (name: string): Answers =>
  (JSON.parse(readFileSync(resolve(root, `tests/fixtures/red-flag-party-branch/${name}.json`), 'utf8')) as { answers: Answers }).answers

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  ;({ context, page } = await newTabletPage(browser))
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
})

const responseIdOf = (p: Page): string => new URL(p.url()).pathname.split('/').pop()!

/**
 * Stores a hand-checked answer set (tests/fixtures) for a draft, with a small PNG per evidence id,
 * straight into IndexedDB: 34 items with nine photos would make the journey about typing, not
 * about the review. The page is reloaded afterwards, so the app reads them as its own.
 */
async function seedAnswers(p: Page, responseId: string, answers: Answers): Promise<void> {
  await p.evaluate(
    async ({ responseId, answers }) => {
      const canvas = new OffscreenCanvas(8, 8)
      canvas.getContext('2d')!.fillRect(0, 0, 8, 8)
      const blob = await canvas.convertToBlob({ type: 'image/png' })
      await new Promise<void>((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction(['answers', 'attachments'], 'readwrite')
          const now = new Date().toISOString()
          for (const [itemId, answer] of Object.entries(answers)) {
            const ids = (answer.attachments ?? []).map((a) => `${responseId}-${a}`)
            for (const id of ids) {
              tx.objectStore('attachments').put({ id, responseId, itemId, name: `${id}.png`, type: 'image/png', size: blob.size, createdAt: now, blob })
            }
            tx.objectStore('answers').put({ responseId, itemId, answer: { ...answer, ...(ids.length && { attachments: ids }), updatedAt: now } })
          }
          tx.oncomplete = () => {
            open.result.close()
            done()
          }
          tx.onerror = () => fail(tx.error)
        }
      })
    },
    { responseId, answers },
  )
  await p.reload()
  await p.getByTestId('total').waitFor()
}

async function remark(p: Page, itemId: string, text: string): Promise<void> {
  const row = p.locator(`#item-${itemId}`)
  await row.locator('button.link').click()
  await row.locator('textarea').fill(text)
}

/** A bonus-free base: the fixture's 加分项 cleared, so the bonus is exactly what the test taps. */
const withoutBonus = (a: Answers): Answers => ({ ...a, honor: { value: 'none' }, media: { value: 0 }, promoted: { value: 'no' } })

describe('review from the record (开始复核)', () => {
  it('starts the linked review without retyping and compares both sides exactly, bonus included', async () => {
    await page.goto(appUrl('/fill'))
    await page.getByText('红旗党支部考评细则').first().waitFor()

    // The 红旗 template starts as 自查 (its defaultRole), not 检查.
    await page.goto(appUrl('/fill/new/red-flag-party-branch/1'))
    await page.locator('#subject-branch').fill('护理系教工党支部')
    await expect.poll(() => page.getByTestId('role-self').isChecked()).toBe(true)
    await page.locator('#subject-period').fill('2026')
    await page.locator('#inspector').fill('李书记')
    await page.getByTestId('begin').click()
    await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
    const selfId = responseIdOf(page)
    await seedAnswers(page, selfId, withoutBonus(fixture('self-red-flag')))
    // The bonus (+2) and a remark, given through the page.
    await page.locator('#item-promoted [data-option=yes]').click()
    await remark(page, 'ideology', '每季度开展一次研判')
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')
    await submitOpenFill(page)

    // The record of the self-assessment offers 开始复核.
    await page.getByTestId('view-record').click()
    await page.getByTestId('start-review').click()
    await page.waitForURL((url) => /\/fill\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(selfId))
    // Same subject, no retyping; role 考核.
    const subject = (await page.getByTestId('subject').textContent()) ?? ''
    expect(subject).toContain('支部名称 护理系教工党支部')
    expect(subject).toContain('年度/月份 2026')
    expect(subject).toContain('考核')
    const reviewId = responseIdOf(page)
    await seedAnswers(page, reviewId, withoutBonus(fixture('review-red-flag')))
    await remark(page, 'ideology', '研判记录不全')
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')
    await submitOpenFill(page)
    await page.getByTestId('view-record').click()
    await page.getByTestId('item-breakdown').waitFor()

    // Both answers and both remarks, each under its own heading, and the exact difference.
    // As read: the markup's line breaks around a heading are not part of it.
    const heads = (await page.getByTestId('item-breakdown').locator('thead th').allTextContents()).map((h) => h.trim())
    expect(heads).toEqual(['#', '项目', '自查', '考核', '差值（考核 − 自查）', '计分说明'])
    const self = (await page.getByTestId('self-ideology').textContent()) ?? ''
    const review = (await page.getByTestId('review-ideology').textContent()) ?? ''
    expect(self).toContain('4 / 4')
    expect(self).toMatch(/好/)
    expect(self).toContain('每季度开展一次研判')
    expect(review).toContain('3 / 4')
    expect(review).toContain('较好')
    expect(review).toContain('研判记录不全')
    expect((await page.getByTestId('diff-ideology').textContent())?.trim()).toBe('-1')
    // Both evidence lists.
    expect(await page.getByTestId('self-study-plan').locator('img').count()).toBe(1)
    expect(await page.getByTestId('review-study-plan').locator('img').count()).toBe(1)
    // The self bonus is +2, not 0.
    expect(await page.getByTestId('self-promoted').textContent()).toContain('2 / 2')
    expect(await page.getByTestId('review-promoted').textContent()).toContain('0 / 2')
    expect((await page.getByTestId('diff-promoted').textContent())?.trim()).toBe('-2')
    const bonusBar = (await page.getByTestId('bar-bonus').textContent())?.replace(/\s+/g, ' ') ?? ''
    expect(bonusBar).toContain('自查 +2')
    expect(bonusBar).toContain('考核 0')
    expect(bonusBar).toContain('差值 -2')
    // Section figures labelled: 政治引领 19.5 (self) against 18 (review), −1.5 exactly.
    const political = (await page.getByTestId('bar-political').textContent())?.replace(/\s+/g, ' ') ?? ''
    expect(political).toContain('自查 19.5 / 20')
    expect(political).toContain('考核 18 / 20')
    expect(political).toContain('差值 -1.5')
    const pair = (await page.getByTestId('pair-note').textContent())?.replace(/\s+/g, ' ') ?? ''
    expect(pair).toContain('加分 +2')
    expect(pair).toContain('差值')
    // A review's record offers no second review.
    expect(await page.getByTestId('start-review').count()).toBe(0)
  })
})

describe('dorm round: completion screen and 下一间', () => {
  it('shows score, band, findings and tasks after submit, and 下一间 keeps the round-level answer', async () => {
    await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
    await page.locator('#subject-building').fill('5号楼')
    // An inspection starts as 检查, not 自查.
    await expect.poll(() => page.getByTestId('role-inspection').isChecked()).toBe(true)
    await page.locator('#subject-floor').fill('3')
    await page.locator('#subject-room').fill('301')
    await page.locator('#inspector').fill('王老师')
    await page.getByTestId('begin').click()
    await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
    expect(await page.getByTestId('subject').textContent()).toContain('检查')
    // This round includes the winter check; one late return (no photo needed).
    await page.locator('#item-winter-check [data-option=yes]').click()
    await page.getByRole('button', { name: '增加 晚归', exact: true }).click()
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')
    await submitOpenFill(page)

    const complete = page.getByTestId('fill-complete')
    // 100 − 5 (晚归) = 95 of 100: 优秀.
    expect(await complete.getByTestId('complete-score').textContent()).toContain('95 / 100')
    expect(await complete.getByTestId('complete-band').textContent()).toContain('优秀')
    expect(await complete.getByTestId('complete-findings').textContent()).toContain('晚归')
    expect(await complete.getByTestId('complete-tasks').textContent()).toContain('晚归')
    expect(await complete.getByTestId('complete-carried').textContent()).toContain('本次是否开展冬季专项检查：是')

    await complete.getByTestId('next-room').click()
    await expect.poll(() => page.getByTestId('subject').textContent()).toContain('房间号 302')
    await page.locator('#item-winter-check [data-option=yes]').waitFor()
    expect(await page.locator('#item-winter-check [data-option=yes]').getAttribute('aria-checked')).toBe('true')
    // The winter items show (and count) in room 302 as in 301; the late return did not carry over.
    await page.locator('#item-heater-stored').waitFor()
    expect(await page.getByTestId('total').textContent()).toContain('100 / 100')
  })
})
