// A rubric table as Excel on Chinese Windows saves it (CSV in GB18030, a heading row above the
// header) imported on a landscape tablet: the preview reads in Chinese with no codes, flags the
// rule one item cannot hold, and the draft is named by the heading row, not the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { appUrl, launchBrowser } from './support'
import { openPage } from './support/builder'

const root = resolve(import.meta.dirname, '../..')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('importing a rubric table', () => {
  it('reads a GB18030 CSV into a Chinese preview and a draft named by its heading row', async () => {
    const { context, page, errors } = await openPage(browser, 1024, 768)
    await page.goto(appUrl('/templates'))
    await page.getByTestId('import-table').setInputFiles(join(root, 'tests/fixtures/rubric-gb18030.csv'))
    const preview = page.getByTestId('rubric-preview')
    await preview.waitFor()
    const rows = preview.getByTestId('rubric-row')
    expect(await rows.count()).toBe(4)
    expect(await rows.nth(0).textContent()).toContain('灭火器在有效期内')
    expect(await rows.nth(0).textContent()).toContain('按次扣分')
    expect(await rows.nth(1).textContent()).toContain('多选')
    expect(await rows.nth(2).getByTestId('rubric-needs-review').textContent()).toBe('需人工确认')
    const text = (await preview.textContent()) ?? ''
    expect(text).not.toMatch(/找不到表头|deductEach|deductOnce|judged|veto|scoring\.bands|imports\./)
    expect(text).toContain('一票否决')

    await page.getByTestId('rubric-confirm').click()
    await page.waitForURL(/\/edit$/)
    await page.getByRole('link', { name: '返回模板库' }).click()
    await expect.poll(() => page.getByText('消防安全检查评分表').count()).toBeGreaterThan(0)
    expect(await page.getByText('rubric-gb18030').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
