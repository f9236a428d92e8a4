// The builder journey in real Chromium at desktop and landscape-tablet sizes: a template built from
// blank by clicking (and typing into fields), previewed and scored, undone and redone, surviving
// a reload, blocked while an error remains, published, filled through /fill; then the library's
// imports: a malformed JSON (nothing stored), the example CSV and the app's example XLSX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { appUrl, downloadBytes, hasHorizontalScroll, launchBrowser } from './support'
import { addItem, openPage, outlineItem, previewTotal, prop, savedDraft } from './support/builder'

const root = resolve(import.meta.dirname, '../..')
/** Set E2E_SHOTS=/some/dir to keep screenshots of the library and the editor for a human look. */
const shots = process.env.E2E_SHOTS
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: join(shots, `${name}.png`) })
}

const cards = (page: Page) => page.locator('[data-testid^=template-card-]')

describe('building a template from blank', () => {
  it('builds, previews, undoes, survives a reload, publishes version 1 and fills it', async () => {
    const { context, page, errors } = await openPage(browser, 1280, 800)
    await page.goto(appUrl('/templates'))
    await page.getByTestId('new-blank').click()
    const name = page.getByTestId('new-title')
    await name.fill('消防安全检查')
    await page.getByTestId('confirm').click()
    await page.waitForURL(/\/templates\/[^/]+\/edit$/)

    // Section 1: a pass/fail single item and a count item with a deduction per occurrence.
    await page.getByTestId('outline-section-s1').click()
    await page.getByTestId('section-title').fill('消防设施')
    await addItem(page, 's1', 'single', '灭火器在有效期内')
    await prop(page, '满分', '10')
    // The preset scales its points to the item's max: let the typed max land first, as a person would.
    await expect.poll(() => previewTotal(page)).toContain('/ 10')
    await page.getByTestId('option-preset').selectOption('passFail')
    await expect.poll(() => page.getByTestId('option-row').count()).toBe(2)
    expect(await page.getByTestId('option-row').first().getByLabel('得分').inputValue()).toBe('10')
    await addItem(page, 's1', 'count', '消防通道堵塞')
    await prop(page, '满分', '10')
    await prop(page, '每次扣分', '2')

    // Section 2: a score item and a text item shown only when the extinguisher failed.
    await page.getByTestId('add-section').click()
    await page.getByTestId('section-title').fill('值班记录')
    await addItem(page, 's2', 'score', '值班记录完整')
    await prop(page, '满分', '10')
    await prop(page, '步长', '1')
    await addItem(page, 's2', 'text', '整改说明')
    const condition = page.getByTestId('condition-visibleIf')
    await condition.getByTestId('condition-add').click()
    await condition.getByTestId('condition-var').selectOption('q1')
    await condition.getByTestId('condition-op').selectOption('==')
    await condition.getByTestId('condition-value').selectOption({ label: '不合格' })
    await condition.getByLabel('JSON').check()
    expect(JSON.parse((await condition.locator('pre').textContent()) ?? '')).toEqual({ '==': [{ var: 'q1' }, 'fail'] })

    // Bands in the template settings.
    await page.getByTestId('outline-template').click()
    const bands = page.getByTestId('bands')
    await page.getByTestId('bands-add').click()
    await page.getByTestId('bands-add').click()
    await bands.getByLabel('等级名称').nth(0).fill('优秀')
    await bands.getByLabel('最低').nth(0).fill('27')
    await bands.getByLabel('最低').nth(0).press('Tab')
    await bands.getByLabel('等级名称').nth(1).fill('合格')
    await bands.getByLabel('最低').nth(1).fill('18')
    await bands.getByLabel('最低').nth(1).press('Tab')
    expect(await page.getByTestId('publish-blocked').count()).toBe(0)
    await shot(page, 'editor-template-1280')

    // The live preview scores as it is answered; the condition shows q4 only after 不合格.
    await outlineItem(page, 'q1').click()
    const preview = page.getByTestId('preview')
    expect(await previewTotal(page)).toContain('/ 30')
    const before = await previewTotal(page)
    await preview.locator('#item-q1 [data-option=pass]').click()
    await expect.poll(() => previewTotal(page)).not.toBe(before)
    await preview.getByRole('button', { name: '增加 消防通道堵塞' }).click()
    await outlineItem(page, 'q3').click()
    await preview.getByRole('spinbutton', { name: '值班记录完整' }).fill('9')
    await preview.getByRole('spinbutton', { name: '值班记录完整' }).press('Tab')
    await expect.poll(() => previewTotal(page)).toBe('27 / 30')
    expect(await page.getByTestId('preview-band').textContent()).toContain('优秀')
    expect(await preview.locator('#item-q4').count()).toBe(0)
    await outlineItem(page, 'q1').click()
    await preview.locator('#item-q1 [data-option=fail]').click()
    await expect.poll(() => previewTotal(page)).toBe('17 / 30')
    await outlineItem(page, 'q4').click()
    await preview.locator('#item-q4').waitFor()
    await shot(page, 'editor-item-1280')

    // Undo and redo a removal, with the buttons and with the keyboard.
    await page.getByTestId('remove-item').click()
    await expect.poll(() => outlineItem(page, 'q4').count()).toBe(0)
    await page.getByTestId('undo').click()
    await expect.poll(() => outlineItem(page, 'q4').count()).toBe(1)
    await page.getByTestId('redo').click()
    await expect.poll(() => outlineItem(page, 'q4').count()).toBe(0)
    await page.keyboard.press('Control+z')
    await expect.poll(() => outlineItem(page, 'q4').count()).toBe(1)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => outlineItem(page, 'q4').count()).toBe(0)
    await page.keyboard.press('Control+z')
    await expect.poll(() => outlineItem(page, 'q4').count()).toBe(1)

    // A reload mid-edit keeps the draft.
    await savedDraft(page)
    await page.reload()
    await outlineItem(page, 'q4').waitFor()
    expect(await page.getByTestId('outline-section-s2').textContent()).toContain('值班记录')
    await page.getByTestId('outline-template').click()
    expect(await page.getByTestId('bands').getByLabel('等级名称').nth(1).inputValue()).toBe('合格')

    // An error blocks publishing; clicking it selects the item at fault.
    await outlineItem(page, 'q3').click()
    await prop(page, '最低分', '12')
    await page.getByTestId('publish-blocked').waitFor()
    expect(await page.getByTestId('publish').isDisabled()).toBe(true)
    await page.getByTestId('outline-template').click()
    await page.getByTestId('issue').filter({ hasText: '最低分' }).click()
    await expect.poll(() => outlineItem(page, 'q3').getAttribute('aria-current')).toBe('true')
    expect(await page.getByTestId('prop-title').inputValue()).toBe('值班记录完整')
    await prop(page, '最低分', '0')
    await expect.poll(() => page.getByTestId('publish-blocked').count()).toBe(0)

    // Publish version 1: the dialog lists the four new items.
    await page.getByTestId('publish').click()
    const dialog = page.getByTestId('publish-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('已发布第 1 版')
    expect(await dialog.getByTestId('diff-added').locator('li').count()).toBe(4)
    await page.getByTestId('publish-close').click()

    // Fill it through the real fill flow: 合格 10 + one blockage 10−2 + 值班 7 = 25.
    await page.goto(appUrl('/fill'))
    await page.getByTestId('templates').locator('li', { hasText: '消防安全检查' }).getByRole('link').click()
    await page.getByTestId('begin').click()
    await page.getByTestId('total').waitFor()
    await page.locator('#item-q1 [data-option=pass]').click()
    await page.getByRole('button', { name: '增加 消防通道堵塞' }).click()
    await page.getByRole('spinbutton', { name: '值班记录完整' }).fill('7')
    await page.getByRole('spinbutton', { name: '值班记录完整' }).press('Tab')
    expect(await page.locator('#item-q4').count()).toBe(0)
    await expect.poll(async () => ((await page.getByTestId('total').textContent()) ?? '').replace(/\s+/g, ' ')).toContain('25 / 30')
    await page.getByTestId('submit').click()
    await page.getByTestId('confirm').click()
    await expect.poll(() => page.locator('.submit .done').textContent()).toContain('25 / 30')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('the template library', () => {
  it('refuses a malformed JSON with where it is wrong, and imports the example CSV and XLSX as drafts', async () => {
    const { context, page, errors } = await openPage(browser, 1024, 768)
    await page.goto(appUrl('/templates'))
    await page.getByTestId('new-blank').click()
    await page.getByTestId('new-title').fill('宿舍卫生')
    await page.getByTestId('new-title').press('Enter')
    await page.waitForURL(/\/edit$/)
    await page.getByTestId('add-item-s1').click()
    await page.getByTestId('item-panel').waitFor()
    expect(await hasHorizontalScroll(page)).toBe(false)
    // The options of a single item fit the property pane of a landscape tablet (no sideways scroll).
    await page.getByTestId('option-row').first().scrollIntoViewIfNeeded()
    expect(await page.locator('.pane.props').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
    await shot(page, 'editor-1024')
    await page.getByRole('link', { name: '返回模板库' }).click()
    await cards(page).first().waitFor()
    const count = await cards(page).count()
    expect(await hasHorizontalScroll(page)).toBe(false)

    // A template whose single item has no options, then a file that is not JSON at all.
    const broken = { id: 'broken', version: 1, title: '坏模板', sections: [{ id: 's1', title: '一', items: [{ id: 'q1', type: 'single', title: '无选项' }] }] }
    await page.getByTestId('import-json').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
    await page.getByTestId('import-issue').first().waitFor()
    expect(await page.getByTestId('import-message').textContent()).toContain('导入失败')
    expect(await page.getByTestId('import-issue').allTextContents()).toContainEqual(expect.stringContaining('/sections/0/items/0'))
    await page.getByTestId('import-json').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "id": "cut",\n  "title": ') })
    await expect.poll(() => page.getByTestId('import-issue').first().textContent()).toContain('第 3 行')
    expect(await cards(page).count()).toBe(count)
    await shot(page, 'library-import-error-1024')

    // The example CSV: preview with rows and problems, then a draft to finish in the builder.
    await page.getByTestId('import-table').setInputFiles(join(root, 'public/examples/rubric-example.csv'))
    const preview = page.getByTestId('rubric-preview')
    await preview.waitFor()
    expect(await preview.getByTestId('rubric-row').count()).toBe(8)
    expect(await cards(page).count()).toBe(count)
    await shot(page, 'library-csv-preview-1024')
    await page.getByTestId('rubric-confirm').click()
    await page.waitForURL(/\/edit$/)
    await page.getByTestId('outline-template').waitFor()
    // Straight after the previous draft (one item) was open: only the imported draft may show.
    expect(await page.locator('[data-testid^=outline-item-]').count()).toBe(8)
    await page.getByRole('link', { name: '返回模板库' }).click()
    await expect.poll(() => cards(page).count()).toBe(count + 1)

    // The app's own example workbook (merged 一级指标 cells) goes the same way.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载示例 Excel' }).click()])
    const xlsx = await downloadBytes(download)
    await page.getByTestId('import-table').setInputFiles({ name: '评分细则.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx })
    await preview.waitFor()
    expect(await preview.getByTestId('rubric-row').count()).toBe(8)
    expect(await preview.getByTestId('rubric-row').nth(1).textContent()).toContain('组织建设')
    await page.getByTestId('rubric-confirm').click()
    await page.waitForURL(/\/edit$/)
    await page.getByRole('link', { name: '返回模板库' }).click()
    await expect.poll(() => cards(page).count()).toBe(count + 2)
    await expect.poll(() => page.getByText('评分细则').count()).toBeGreaterThan(0)
    await shot(page, 'library-1024')
    expect(errors).toEqual([])
    await context.close()
  })
})
