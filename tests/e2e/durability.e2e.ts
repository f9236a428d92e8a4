// What a person types is stored while they type (#11, finding 7): a number typed into a count box
// without leaving it, and a remark typed without pause for longer than the autosave's maximum wait,
// both survive the tab being killed (a renderer crash: no pagehide, no flush, nothing but what was
// already written). The live total follows the keys, not the blur. And a full disk (finding 8),
// made real with Chromium's quota override, is told plainly, asks before the page is left, and
// loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { appUrl, chromiumPath, launchBrowser, newTabletPage, TABLET } from './support'
import { CHROMIUM_ARGS } from './support/chromium'

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

/**
 * Fills what the origin's quota leaves with another database's incompressible bytes, as photos
 * would, down to a few hundred bytes. Runs in the page.
 */
async function fillStorage(): Promise<number> {
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const open = indexedDB.open('filler', 1)
    open.onupgradeneeded = () => open.result.createObjectStore('b', { autoIncrement: true })
    open.onsuccess = () => done(open.result)
    open.onerror = () => fail(open.error)
  })
  const put = (bytes: Uint8Array) =>
    new Promise<boolean>((done) => {
      const tx = db.transaction('b', 'readwrite')
      tx.objectStore('b').put(bytes)
      tx.oncomplete = () => done(true)
      tx.onabort = () => done(false)
      tx.onerror = () => done(false)
    })
  const random = (size: number) => {
    const bytes = new Uint8Array(size)
    for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)))
    return bytes
  }
  let written = 0
  for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8]) {
    for (let i = 0; i < 64 && (await put(random(size))); i++) written += size
  }
  db.close()
  return written
}

describe('a full disk', () => {
  it('says so plainly, asks before the page is left, keeps the answer and stores it by itself once space is freed', async () => {
    // Chromium applies a quota override only to its default profile, not to the separate
    // contexts `browser.newContext()` makes: this test runs in a persistent context of its own.
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'qingdan-quota-')), {
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS],
      ...TABLET,
    })
    const page = context.pages()[0] ?? (await context.newPage())
    // A small quota (set before the origin first stores anything: Chromium reads it then), and
    // once the app is running the little it leaves filled, as a tablet full of photos would be.
    const quota = 4 * 1024 * 1024
    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(appUrl('/')).origin, quotaSize: quota })
    await startDormRoom(page, '403')
    const written = await page.evaluate(fillStorage)
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(quota)

    const knife = page.locator('#item-knife [data-option=yes]')
    await knife.tap()
    const notice = page.getByTestId('storage-full')
    await notice.waitFor()
    const text = (await notice.textContent())!
    expect(text).toContain('存储空间已满')
    expect(text).toContain('导出备份')
    expect(text).toContain('删除')
    expect(await knife.getAttribute('aria-checked')).toBe('true')

    // Leaving now asks first (the tap gave the page the user activation the prompt needs).
    const dialog = page.waitForEvent('dialog')
    void page.close({ runBeforeUnload: true })
    const asked = await dialog
    expect(asked.type()).toBe('beforeunload')
    await asked.dismiss()
    expect(page.isClosed()).toBe(false)

    // Space freed (a backup exported, old photos deleted): the retry stores the kept answer.
    await page.evaluate(
      () =>
        new Promise((done) => {
          const request = indexedDB.deleteDatabase('filler')
          request.onsuccess = request.onerror = request.onblocked = () => done(null)
        }),
    )
    // No tap needed: the kept answer is retried by itself (backoff up to 15 s) and then stored.
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 20_000 }).toContain('已保存')
    expect(await notice.count()).toBe(0)
    await page.reload()
    await page.getByTestId('total').waitFor()
    expect(await knife.getAttribute('aria-checked')).toBe('true')
    await context.close()
  })
})
