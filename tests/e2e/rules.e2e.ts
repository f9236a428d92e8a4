// Scoring rules on screen, on a portrait tablet in zh-CN, for a person who has read nothing else:
// the 红旗 sample's rule beside each answer, a count box that says it counts misses, the total
// following the keys, the 评分规则 panel; and on the conduct list, a ceiling not called 一票否决.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { appUrl, launchBrowser, newTabletPage } from './support'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function start(page: Page, title: string, subject: Record<string, string>): Promise<void> {
  await page.goto(appUrl('/fill'))
  await page.getByTestId('templates').locator('li', { hasText: title }).getByRole('link').click()
  for (const [label, value] of Object.entries(subject)) await page.getByLabel(label).fill(value)
  await page.getByTestId('begin').click()
  await page.getByTestId('total').waitFor()
}

describe('the rule is on screen where the answer is given', () => {
  it('红旗: rule line, 缺 [ ] 次, live total while typing, and the 评分规则 panel', async () => {
    const { context, page } = await newTabletPage(browser)
    await start(page, '红旗党支部考评细则', { 支部名称: '机电学院第一党支部', '年度/月份': '2026' })

    const first = page.locator('#item-first-topic')
    expect(await first.getByTestId('rule-line').textContent()).toContain('每缺 1 次扣 0.5 分，扣完为止（满分 5）')
    expect(await first.locator('.control .unit').allTextContents()).toEqual(['缺', '次'])
    const box = first.getByRole('spinbutton', { name: /第一议题/ })
    // Empty means empty: no grey number in the box.
    expect(await box.inputValue()).toBe('')
    expect(await box.getAttribute('placeholder')).toBeNull()

    // Typing re-scores at once: no blur, the box keeps the focus.
    await box.tap()
    await page.keyboard.type('2')
    await expect.poll(() => first.locator('.points').textContent()).toBe('4 / 5 分')
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true)

    const attendance = page.locator('#item-party-class-attendance')
    expect(await attendance.getByTestId('rule-line').textContent()).toContain('低于 90% 每低 10% 扣 1 分')

    await page.getByTestId('rules-open').tap()
    const panel = page.getByTestId('rules-panel')
    await panel.waitFor()
    expect(await panel.textContent()).toContain('高校党支部创建“红旗党支部”年度考评表')
    expect(await panel.getByTestId('rules-bands').textContent()).toContain('≥ 95 分，且每个一级指标得分率 ≥ 80%')
    const effects = (await panel.getByTestId('rules-effects').textContent())!
    expect(effects).toContain('等次上限：优秀')
    expect(effects).not.toContain('一票否决（')
    await panel.getByTestId('rules-close').tap()
    await panel.waitFor({ state: 'detached' })
    await context.close()
  })

  it('负面清单: one 情节较轻 reads 等次上限：基本合格, never 一票否决; 情节较重 is the veto', async () => {
    const { context, page } = await newTabletPage(browser)
    await start(page, '教师师德师风负面清单', { 教师姓名: '王老师', 所在部门: '机电学院', 年度: '2026' })
    await page.locator('#item-pol1 [data-option=minor]').tap()
    const verdict = page.getByTestId('verdict')
    await expect.poll(() => verdict.textContent()).toContain('等次上限：基本合格（因：')
    expect(await page.getByTestId('fill-summary').textContent()).not.toContain('一票否决')
    expect(await page.getByTestId('fill-summary').textContent()).toContain('问题 1 项')
    expect(await page.locator('#item-pol1').getByTestId('rule-line').textContent()).toContain('「情节较轻」0 分，等次上限「基本合格」')
    await page.locator('#item-pol1 [data-option=major]').tap()
    await expect.poll(() => verdict.textContent()).toMatch(/^\s*一票否决（因：/)
    await context.close()
  })

  it('负面清单, submitted: the record and the results list say 等次上限 and list the finding under 问题, with no 整改 task', async () => {
    const { context, page } = await newTabletPage(browser)
    await start(page, '教师师德师风负面清单', { 教师姓名: '李老师', 所在部门: '机电学院', 年度: '2026' })
    const id = new URL(page.url()).pathname.split('/').pop()!
    const items = ['pol', 'tch', 'aca', 'sty', 'int'].flatMap((p) => [1, 2, 3, 4, 5, 6].map((n) => `${p}${n}`))
    for (const item of items) await page.locator(`#item-${item} [data-option=${item === 'tch2' ? 'minor' : 'none'}]`).tap()
    // A problem asks for its evidence (the decision): a small image made by the browser.
    const jpeg = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(64, 48)
      const ctx = canvas.getContext('2d')!
      ctx.fillStyle = '#36c'
      ctx.fillRect(0, 0, 64, 48)
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer())
      let out = ''
      for (const b of bytes) out += String.fromCharCode(b)
      return btoa(out)
    })
    await page.locator('#item-tch2 .evidence input[type=file]').setInputFiles({ name: 'decision.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') })
    await page.locator('#item-tch2 .evidence img').waitFor()
    await page.getByTestId('submit').tap()
    await page.getByTestId('confirm').tap()
    await expect.poll(() => page.getByTestId('submit').count()).toBe(0)

    await page.goto(appUrl(`/results/${id}`))
    const verdict = page.getByTestId('detail-verdict')
    await verdict.waitFor()
    expect(await verdict.textContent()).toContain('等次上限：基本合格（因：')
    expect(await page.getByTestId('findings-heading').textContent()).toContain('问题')
    expect(await page.locator('.screen-only').textContent()).not.toContain('一票否决')
    // Conduct problems are handled by a decision, not a photo task: none was opened.
    const tasks = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const open = indexedDB.open('qingdan')
          open.onsuccess = () => {
            const req = open.result.transaction('tasks').objectStore('tasks').count()
            req.onsuccess = () => {
              open.result.close()
              done(req.result)
            }
          }
        }),
    )
    expect(tasks).toBe(0)

    await page.goto(appUrl('/results'))
    const row = page.getByTestId('result-row').filter({ hasText: '李老师' })
    await row.waitFor()
    expect(await row.getByTestId('row-capped').textContent()).toBe('等次上限')
    expect(await row.textContent()).not.toContain('一票否决')
    await context.close()
  })
})
