// What a person types is stored while they type (#11, finding 7): a number typed into a count box
// without leaving it, and a remark typed without pause for longer than the autosave's maximum wait,
// both survive the tab being killed (a renderer crash: no pagehide, no flush, nothing but what was
// already written). The live total follows the keys, not the blur.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { appUrl, launchBrowser, newTabletPage } from './support'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function startDormRoom(page: Page, room: string): Promise<string> {
  await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
  await page.getByLabel('楼栋').fill('6号楼')
  await page.getByLabel('楼层').fill('2')
  await page.getByLabel('房间号').fill(room)
  await page.getByTestId('begin').click()
  await page.getByTestId('total').waitFor()
  return new URL(page.url()).pathname.split('/').pop()!
}

/** Kills the tab's renderer: unlike closing it, nothing of the page runs any more. */
async function crash(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  const crashed = page.waitForEvent('crash')
  // The command never answers: its renderer is gone.
  void cdp.send('Page.crash').catch(() => undefined)
  await crashed
}

async function reopen(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(appUrl(`/fill/${id}`))
  await page.getByTestId('total').waitFor()
  return page
}

describe('typing is saved while typing', () => {
  it('keeps a number typed into a count box without leaving it, when the tab dies within a second', async () => {
    const { context, page } = await newTabletPage(browser)
    const id = await startDormRoom(page, '401')
    const total = (await page.getByTestId('total').textContent())!
    const box = page.locator('#item-wiring').getByRole('spinbutton', { name: '私拉乱接电线、网线' })
    await box.focus()
    await page.keyboard.type('2')
    // The total follows the key, with the box still focused.
    await expect.poll(() => page.getByTestId('total').textContent()).not.toBe(total)
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.waitForTimeout(600)
    await crash(context, page)

    const again = await reopen(context, id)
    expect(await again.locator('#item-wiring').getByRole('spinbutton', { name: '私拉乱接电线、网线' }).inputValue()).toBe('2')
    await context.close()
  })

  it('stores a remark typed without a pause for longer than two seconds, before the typing stops', async () => {
    const { context, page } = await newTabletPage(browser)
    const id = await startDormRoom(page, '402')
    await page.locator('#item-pet button.link').tap()
    const note = page.getByLabel('备注 · 饲养宠物')
    await note.focus()
    // A key every 100 ms for 3 s: never quiet long enough for the 300 ms debounce alone.
    const typed = 'abcdefghijklmnopqrstuvwxyz0123'
    await page.keyboard.type(typed, { delay: 100 })
    await crash(context, page)

    const again = await reopen(context, id)
    const stored = await again.getByLabel('备注 · 饲养宠物').inputValue()
    // Written at least every 2 s while typing: at most the last 2 s (≈ 20 keys) can be missing.
    expect(typed.startsWith(stored)).toBe(true)
    expect(stored.length).toBeGreaterThanOrEqual(typed.length - 21)
    await context.close()
  })
})
