// Builder helpers for e2e tests: create a blank template, add items, type into the item panel,
// drag an outline row by its grip with real mouse moves, and read the outline and preview back.
import { expect } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { appUrl, TABLET } from './index'

/** A touch context at this size; `errors` collects uncaught page errors, which tests expect to stay empty. */
export async function openPage(browser: Browser, width: number, height: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...TABLET, viewport: { width, height } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, errors }
}

export const outlineItem = (page: Page, id: string): Locator => page.getByTestId(`outline-item-${id}`)
export const previewTotal = async (page: Page): Promise<string> => ((await page.getByTestId('preview-total').textContent()) ?? '').replace(/\s+/g, ' ')

/** Opens the library, creates a blank template with this title and waits for the editor. */
export async function newBlankTemplate(page: Page, title: string): Promise<void> {
  await page.goto(appUrl('/templates'))
  await page.getByTestId('new-blank').click()
  await page.getByTestId('new-title').fill(title)
  await page.getByTestId('confirm').click()
  await page.waitForURL(/\/templates\/[^/]+\/edit$/)
  await page.getByTestId('outline-template').waitFor()
}

/** Adds an item of `type` at the end of `section` through the outline, and types its title. */
export async function addItem(page: Page, section: string, type: string, title: string): Promise<void> {
  await page.getByTestId(`add-type-${section}`).selectOption(type)
  await page.getByTestId(`add-item-${section}`).click()
  await page.getByTestId('item-panel').waitFor()
  await page.getByTestId('prop-title').fill(title)
}

/** Fills a FormKit field of the item panel by its label, as a person types into it. */
export async function prop(page: Page, label: string, value: string): Promise<void> {
  await page.getByTestId('item-panel').getByLabel(label, { exact: true }).fill(value)
}

/** Item ids of a section's outline list, top to bottom. */
export function outlineOrder(page: Page, section: string): Promise<string[]> {
  return page
    .locator(`ul[data-section-id="${section}"] > li`)
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ''))
}

/** Item ids the preview pane shows, top to bottom (`#item-<id>` rows of the real fill renderer). */
export function previewOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId('preview')
    .locator('[id^="item-"]:not([id^="item-title-"])')
    .evaluateAll((rows) => rows.map((r) => r.id.replace(/^item-/, '')))
}

/**
 * Drags the outline row of `id` by its grip onto `target` (a row or a section's list) with real
 * mouse moves: SortableJS starts on the pointer/mouse down on the handle and needs several
 * intermediate moves to pick the drop position. `place` is where on the target the mouse
 * ends: its upper or lower quarter, i.e. before or after it.
 */
export async function dragItem(page: Page, id: string, target: Locator, place: 'before' | 'after'): Promise<void> {
  const grip = page.locator(`li[data-id="${id}"] .grip`)
  await grip.scrollIntoViewIfNeeded()
  const from = await grip.boundingBox()
  const to = await target.boundingBox()
  if (!from || !to) throw new Error(`drag ${id}: no box`)
  const x = from.x + from.width / 2
  const y = from.y + from.height / 2
  const endY = to.y + (place === 'before' ? to.height * 0.25 : to.height * 0.75)
  await page.mouse.move(x, y)
  await page.mouse.down()
  // A first small move starts the drag; then travel in paced steps, as a hand does: Sortable
  // ignores a row while its 120 ms swap animation runs, so a burst of moves would be lost.
  await page.mouse.move(x + 2, y + 4, { steps: 2 })
  const steps = 12
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + 4, y + ((endY - y) * i) / steps)
    await page.waitForTimeout(40)
  }
  await page.waitForTimeout(200)
  await page.mouse.move(x + 4, endY + (place === 'before' ? -1 : 1))
  await page.mouse.up()
}

export async function savedDraft(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('草稿已保存')
}
