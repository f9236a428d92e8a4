// More of the builder in real Chromium: dragging outline rows with the mouse (SortableJS through
// vue-draggable-plus) within a section and into another one; and versions: a response filled on
// version 1 re-scored, read-only, under an edited version 2 from the library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { appUrl, launchBrowser } from './support'
import { addItem, dragItem, newBlankTemplate, openPage, outlineItem, outlineOrder, previewOrder, previewTotal, prop, savedDraft } from './support/builder'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const sectionFigure = async (page: Page, id: string): Promise<string> =>
  ((await page.getByTestId(`preview-section-${id}`).locator('td').nth(1).textContent()) ?? '').replace(/\s+/g, ' ').trim()

describe('dragging in the outline', () => {
  it('reorders items in a section and moves one into another section, and the preview follows', async () => {
    const { context, page, errors } = await openPage(browser, 1280, 800)
    await newBlankTemplate(page, '拖动测试')
    await addItem(page, 's1', 'score', '甲')
    await prop(page, '满分', '10')
    await addItem(page, 's1', 'score', '乙')
    await prop(page, '满分', '20')
    await addItem(page, 's1', 'score', '丙')
    await prop(page, '满分', '30')
    await page.getByTestId('add-section').click()
    await addItem(page, 's2', 'score', '丁')
    await prop(page, '满分', '5')
    expect(await outlineOrder(page, 's1')).toEqual(['q1', 'q2', 'q3'])
    await expect.poll(() => sectionFigure(page, 's1')).toBe('0 / 60')

    // 丙 to the top of its section.
    await dragItem(page, 'q3', page.locator('li[data-id="q1"]'), 'before')
    await expect.poll(() => outlineOrder(page, 's1')).toEqual(['q3', 'q1', 'q2'])
    await outlineItem(page, 'q1').click()
    await expect.poll(() => previewOrder(page)).toEqual(['q3', 'q1', 'q2'])

    // 甲 into the second section, after 丁: its max moves with it.
    await dragItem(page, 'q1', page.locator('li[data-id="q4"]'), 'after')
    await expect.poll(() => outlineOrder(page, 's2')).toEqual(['q4', 'q1'])
    expect(await outlineOrder(page, 's1')).toEqual(['q3', 'q2'])
    await expect.poll(() => sectionFigure(page, 's1')).toBe('0 / 50')
    expect(await sectionFigure(page, 's2')).toBe('0 / 15')
    await outlineItem(page, 'q1').click()
    await expect.poll(() => previewOrder(page)).toEqual(['q4', 'q1'])

    // A drag is one undo step, and the moved draft is what gets saved.
    await page.getByTestId('undo').click()
    await expect.poll(() => outlineOrder(page, 's1')).toEqual(['q3', 'q1', 'q2'])
    expect(await outlineOrder(page, 's2')).toEqual(['q4'])
    await page.getByTestId('redo').click()
    await expect.poll(() => outlineOrder(page, 's2')).toEqual(['q4', 'q1'])
    await savedDraft(page)
    await page.reload()
    await outlineItem(page, 'q1').waitFor()
    expect(await outlineOrder(page, 's1')).toEqual(['q3', 'q2'])
    expect(await outlineOrder(page, 's2')).toEqual(['q4', 'q1'])
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('re-scoring an older response under a new version', () => {
  it('publishes v1, fills it, edits and publishes v2, and compares the v1 response under v2 read-only', async () => {
    const { context, page, errors } = await openPage(browser, 1280, 800)
    await newBlankTemplate(page, '宿舍检查')
    const editUrl = page.url()
    const templateId = decodeURIComponent(/\/templates\/([^/]+)\/edit$/.exec(editUrl)?.[1] ?? '')

    // Version 1: a room field; 合格/不合格 worth 10, a count deducting 2 each, a score out of 10.
    await page.getByTestId('subject-add').click()
    await page.getByTestId('subject').getByLabel('名称').fill('房间')
    await page.getByTestId('subject').getByLabel('名称').press('Tab')
    await addItem(page, 's1', 'single', '门窗完好')
    await prop(page, '满分', '10')
    await expect.poll(() => previewTotal(page)).toContain('/ 10')
    await page.getByTestId('option-preset').selectOption('passFail')
    await expect.poll(() => page.getByTestId('option-row').count()).toBe(2)
    await addItem(page, 's1', 'count', '违规电器')
    await prop(page, '满分', '10')
    await prop(page, '每次扣分', '2')
    await addItem(page, 's1', 'score', '地面整洁')
    await prop(page, '满分', '10')
    await prop(page, '步长', '1')
    await expect.poll(() => previewTotal(page)).toContain('/ 30')
    await page.getByTestId('publish').click()
    expect(await page.getByTestId('publish-dialog').textContent()).toContain('已发布第 1 版')
    await page.getByTestId('publish-close').click()

    // A response on version 1 for room 301: 合格 10 + one appliance 10−2 + 7 = 25 / 30.
    await page.goto(appUrl('/fill'))
    await page.getByTestId('templates').locator('li', { hasText: '宿舍检查' }).getByRole('link').click()
    await page.getByLabel('房间').fill('301')
    await page.getByTestId('begin').click()
    await page.getByTestId('total').waitFor()
    await page.locator('#item-q1 [data-option=pass]').click()
    await page.getByRole('button', { name: '增加 违规电器' }).click()
    await page.getByRole('spinbutton', { name: '地面整洁' }).fill('7')
    await page.getByRole('spinbutton', { name: '地面整洁' }).press('Tab')
    await expect.poll(async () => ((await page.getByTestId('total').textContent()) ?? '').replace(/\s+/g, ' ')).toContain('25 / 30')
    await page.getByTestId('submit').click()
    await page.getByTestId('confirm').click()
    await expect.poll(() => page.locator('.submit .done').textContent()).toContain('25 / 30')

    // Version 2: 合格 now earns 8 of 10; the appliance count is removed; 阳台整洁 (5) is added.
    await page.goto(editUrl)
    await outlineItem(page, 'q1').click()
    const pass = page.getByTestId('option-row').first()
    await pass.getByLabel('得分').fill('8')
    await outlineItem(page, 'q2').click()
    await page.getByTestId('remove-item').click()
    await expect.poll(() => outlineItem(page, 'q2').count()).toBe(0)
    await addItem(page, 's1', 'score', '阳台整洁')
    await prop(page, '满分', '5')
    await expect.poll(() => previewTotal(page)).toContain('/ 25')
    await page.getByTestId('publish').click()
    const dialog = page.getByTestId('publish-dialog')
    expect(await dialog.textContent()).toContain('已发布第 2 版')
    expect(await dialog.getByTestId('diff-added').textContent()).toContain('阳台整洁')
    expect(await dialog.getByTestId('diff-removed').textContent()).toContain('违规电器')
    expect(await dialog.getByTestId('diff-changed').textContent()).toContain('门窗完好')
    expect(await dialog.getByTestId('diff-max').textContent()).toMatch(/30\D+25/)
    await page.getByTestId('publish-close').click()

    // The library compares, read-only: as filled 25 / 30; under v2 the carried answers give
    // 合格 8 + 地面 7 = 15 of 25 (阳台 unanswered), the appliance answer dropped.
    await page.goto(appUrl('/templates'))
    const card = page.getByTestId(`template-card-${templateId}`)
    await card.getByRole('button', { name: '按新版本重新计分（只读对比）' }).click()
    const row = page.getByTestId('rescore').locator('tbody tr')
    await expect.poll(() => row.count()).toBe(1)
    const cells = (await row.locator('td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim())
    expect(cells.slice(0, 4)).toEqual(['301', '1', '25 / 30', '15 / 25'])
    expect(cells[4]).toBe('沿用 2 · 舍弃 1')
    expect(await card.textContent()).toContain('第 2 版')
    expect(errors).toEqual([])
    await context.close()
  })
})
