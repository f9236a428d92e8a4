// The builder as a person sees it: on a portrait tablet in zh-CN, the traps of a new template
// (no subject fields, an unreadable band colour, the version after publishing, default names,
// the threshold editor, nested landmarks); then the 红旗 sample at 390, 768 and 1024 px in
// zh-CN and en, with screenshots in the e2e artifacts folder (E2E_SHOTS, else
// test-results/e2e-shots) for a human look.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { AA_TEXT, contrastRatio, type Rgb } from '@/core/colour'
import { appUrl, hasHorizontalScroll, launchBrowser } from './support'
import { newBlankTemplate, openPage, outlineItem } from './support/builder'
import { narrowBoxes } from './support/layout'

const shots = process.env.E2E_SHOTS || resolve(import.meta.dirname, '../../test-results/e2e-shots')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(shots, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(shots, `${name}.png`) })

/** The text and background colours an element is painted with, as channels (rgb()/rgba() only). */
async function paintOf(page: Page, testid: string): Promise<{ fg: Rgb; bg: Rgb }> {
  const [fg, bg] = await page.getByTestId(testid).evaluate((el) => {
    const s = getComputedStyle(el)
    return [s.color, s.backgroundColor]
  })
  const channels = (css: string): Rgb => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number) as unknown as Rgb
  return { fg: channels(fg!), bg: channels(bg!) }
}

/** Builder boxes and table fields narrower than four characters of their own text (support/layout.ts). */
const narrowColumns = (page: Page): Promise<string[]> =>
  narrowBoxes(
    page,
    '.builder :is(th, td, h1, label, legend, .pick, .type, .switch button, .summary)',
    '.builder td :is(input:not([type=checkbox]):not([type=color]), select)',
  )

const visible = (page: Page, selector: string): Promise<boolean> => page.locator(selector).first().isVisible()
const height = async (page: Page, selector: string): Promise<number> => (await page.locator(selector).first().boundingBox())?.height ?? 0

describe('a new template on a portrait tablet (zh-CN)', () => {
  it('warns about subject fields, keeps band labels readable, names versions, sections and thresholds plainly, with one main', async () => {
    const { context, page, errors } = await openPage(browser, 768, 1024)
    await page.goto(appUrl('/templates'))
    await page.getByTestId('new-blank').waitFor()
    expect(await page.getByRole('main').count()).toBe(1)
    await newBlankTemplate(page, '宿舍卫生检查')
    expect(await page.getByRole('main').count()).toBe(1)
    expect(await page.locator('main main, main [role=main]').count()).toBe(0)

    // No subject field yet: the checks say what that costs, and where to fix it.
    const panel = page.getByTestId('validation-panel')
    await expect.poll(() => panel.textContent()).toContain('没有“被检查对象字段”')
    expect(await page.getByTestId('version-label').textContent()).toBe('未发布')

    // Default names read as names, not ids.
    expect((await page.getByTestId('outline-section-s1').textContent())?.trim()).toBe('一级指标 1')
    await page.getByTestId('add-section').click()
    expect((await page.getByTestId('outline-section-s2').textContent())?.trim()).toBe('一级指标 2')
    await page.getByTestId('add-type-s1').selectOption('number')
    await page.getByTestId('add-item-s1').click()
    expect(await outlineItem(page, 'q1').textContent()).toContain('检查项 1')
    expect(await outlineItem(page, 'q1').textContent()).not.toContain('q1')

    // A number item's thresholds are labelled as thresholds.
    const thresholds = page.getByTestId('thresholds')
    expect(await thresholds.locator('th').allTextContents()).toEqual(['≥ 值', '得分', ''])
    expect((await page.getByTestId('thresholds-add').textContent())?.trim()).toBe('+ 添加阈值')
    await page.getByTestId('prop-title').fill('宿舍卫生评分')

    // A pale band colour, as the builder offers by default: the chip's label still reads.
    await page.getByTestId('outline-template').click()
    const bands = page.getByTestId('bands')
    await page.getByTestId('bands-add').click()
    await bands.getByLabel('等级名称').nth(0).fill('不合格')
    await bands.getByLabel('颜色').nth(0).fill('#ffebe9')
    await page.getByTestId('preview-band').waitFor()
    await expect.poll(() => page.getByTestId('preview-band').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 235, 233)')
    const pale = await paintOf(page, 'preview-band')
    expect(contrastRatio(pale.fg, pale.bg)).toBeGreaterThanOrEqual(AA_TEXT)
    // A deep one too: then the label turns light.
    await bands.getByLabel('颜色').nth(0).fill('#1565c0')
    await expect.poll(() => page.getByTestId('preview-band').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(21, 101, 192)')
    const deep = await paintOf(page, 'preview-band')
    expect(contrastRatio(deep.fg, deep.bg)).toBeGreaterThanOrEqual(AA_TEXT)

    // A subject field ends the warning.
    await page.getByTestId('subject-add').click()
    await expect.poll(() => panel.textContent()).not.toContain('被检查对象字段')
    await page.getByTestId('subject').getByLabel('名称').first().fill('房间号')
    await page.getByTestId('subject').getByLabel('名称').first().press('Tab')

    // Publish version 1: the header then names version 1, not the next draft's number.
    await expect.poll(() => page.getByTestId('publish').isDisabled()).toBe(false)
    await page.getByTestId('publish').click()
    await page.getByTestId('publish-dialog').waitFor()
    expect(await page.getByTestId('publish-dialog').locator('h2').textContent()).toBe('已发布第 1 版')
    await page.getByTestId('publish-close').click()
    expect(await page.getByTestId('version-label').textContent()).toBe('第 1 版 · 已发布')
    expect(await page.locator('.bar h1').textContent()).not.toMatch(/v2|第 2 版/)
    await outlineItem(page, 'q1').click()
    await page.getByTestId('prop-title').fill('宿舍卫生总评')
    await expect.poll(() => page.getByTestId('version-label').textContent()).toBe('第 1 版 · 有未发布的修改')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('the 红旗 sample in the builder at phone, tablet and desktop widths', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`is usable at 390, 768 and 1024 px in ${lang}`, async () => {
      const { context, page, errors } = await openPage(browser, 1024, 768)
      await context.addInitScript((l) => localStorage.setItem('qingdan.locale', l), lang)
      await page.goto(appUrl('/templates'))
      await page.getByTestId('new-from-sample').locator('option[value=red-flag-party-branch]').waitFor({ state: 'attached' })
      await page.getByTestId('new-from-sample').selectOption('red-flag-party-branch')
      await page.waitForURL(/\/templates\/[^/]+\/edit$/)
      await page.getByTestId('outline-template').waitFor()
      const first = page.locator('[data-testid^=outline-item-]').first()

      // Desktop / landscape tablet: three columns side by side.
      await first.click()
      await page.getByTestId('item-panel').waitFor()
      const [o, p, v] = await Promise.all(['.pane.outline', '.pane.props', '.pane.preview'].map((s) => page.locator(s).boundingBox()))
      expect(o!.x < p!.x && p!.x < v!.x && Math.abs(o!.y - v!.y) < 2).toBe(true)
      expect(await hasHorizontalScroll(page)).toBe(false)
      expect(await narrowColumns(page)).toEqual([])
      await shot(page, `builder-${lang}-1024`)

      // Portrait tablet: outline | panel over a preview that is more than a strip, and folds.
      await page.setViewportSize({ width: 768, height: 1024 })
      await expect.poll(() => height(page, '.pane.preview')).toBeGreaterThan(350)
      expect(await height(page, '.pane.props')).toBeGreaterThan(350)
      expect(await hasHorizontalScroll(page)).toBe(false)
      expect(await narrowColumns(page)).toEqual([])
      await shot(page, `builder-${lang}-768`)
      await page.getByTestId('preview-toggle').click()
      expect(await page.getByTestId('preview-toggle').getAttribute('aria-expanded')).toBe('false')
      await expect.poll(() => height(page, '.pane.preview')).toBeLessThan(120)
      expect(await height(page, '.pane.props')).toBeGreaterThan(650)
      expect(await page.getByTestId('preview-total').isVisible()).toBe(true)
      await shot(page, `builder-${lang}-768-folded`)
      await page.getByTestId('preview-toggle').click()
      await page.getByTestId('outline-template').click()
      expect(await narrowColumns(page)).toEqual([])
      await shot(page, `builder-${lang}-768-settings`)

      // Phone: one pane at a time, switched by three buttons; picking an item opens its panel.
      await page.setViewportSize({ width: 390, height: 844 })
      await page.getByTestId('pane-outline').click()
      await expect.poll(() => visible(page, '.pane.outline')).toBe(true)
      expect(await visible(page, '.pane.props')).toBe(false)
      expect(await visible(page, '.pane.preview')).toBe(false)
      expect(await hasHorizontalScroll(page)).toBe(false)
      expect(await narrowColumns(page)).toEqual([])
      await shot(page, `builder-${lang}-390-outline`)
      await first.click()
      await expect.poll(() => visible(page, '.pane.props')).toBe(true)
      expect(await visible(page, '.pane.outline')).toBe(false)
      expect(await page.getByTestId('pane-props').getAttribute('aria-pressed')).toBe('true')
      expect(await narrowColumns(page)).toEqual([])
      await shot(page, `builder-${lang}-390`)
      await page.getByTestId('pane-preview').click()
      await expect.poll(() => visible(page, '.pane.preview')).toBe(true)
      expect(await page.getByTestId('preview-toggle').isVisible()).toBe(false)
      expect(await hasHorizontalScroll(page)).toBe(false)
      expect(await narrowColumns(page)).toEqual([])
      await shot(page, `builder-${lang}-390-preview`)
      // Template settings (bands and subject fields tables) on a phone.
      await page.getByTestId('pane-outline').click()
      await page.getByTestId('outline-template').click()
      await page.getByTestId('bands').scrollIntoViewIfNeeded()
      expect(await hasHorizontalScroll(page)).toBe(false)
      expect(await narrowColumns(page)).toEqual([])
      await shot(page, `builder-${lang}-390-settings`)
      await page.getByTestId('subject-add').scrollIntoViewIfNeeded()
      expect(await narrowColumns(page)).toEqual([])
      await shot(page, `builder-${lang}-390-subject`)
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
