// The fill journey in real Chromium, on a touch tablet: the dorm sample for one room with a photo
// and a signature, offline reload midway, submit, the CLI's score, 下一间, and a failing write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { appUrl, launchBrowser, newTabletPage, waitForServiceWorker } from './support'
import { drawSignature } from './support/signature'
import { makeJpeg } from './support/jpeg'

const root = resolve(import.meta.dirname, '../..')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** The stored response's answers, read straight from IndexedDB as the CLI would get them in a file. */
function readAnswers(page: Page, responseId: string): Promise<Record<string, unknown>> {
  return page.evaluate(
    (id) =>
      new Promise<Record<string, unknown>>((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction('answers').objectStore('answers').getAll()
          req.onsuccess = () => {
            const out: Record<string, unknown> = {}
            for (const row of req.result as Array<{ responseId: string; itemId: string; answer: unknown }>) {
              if (row.responseId === id) out[row.itemId] = row.answer
            }
            open.result.close()
            done(out)
          }
        }
      }),
    responseId,
  )
}

async function startDormRoom(page: Page, room: string): Promise<string> {
  await page.goto(appUrl('/fill'))
  const row = page.getByTestId('templates').locator('li', { hasText: '宿舍安全检查（每间）' })
  await row.getByRole('link').click()
  await page.getByLabel('楼栋').fill('6号楼')
  await page.getByLabel('楼层').fill('2')
  await page.getByLabel('房间号').fill(room)
  await page.getByTestId('begin').click()
  await page.getByTestId('total').waitFor()
  return new URL(page.url()).pathname.split('/').pop()!
}

describe('filling the dorm checklist on a tablet', () => {
  it('keeps every answer and photo through an offline reload, submits the CLI score, and starts room 202', async () => {
    const { context, page } = await newTabletPage(browser)
    await page.goto(appUrl('/'))
    await waitForServiceWorker(page)
    const id = await startDormRoom(page, '201')
    expect(await page.getByTestId('total').textContent()).toContain('90')

    // A hazard: one tangled wire, which asks for photo evidence.
    const wiring = page.locator('#item-wiring')
    await wiring.getByRole('button', { name: '增加 私拉乱接电线、网线' }).tap()
    await wiring.locator('.evidence input[type=file]').setInputFiles({ name: 'wire.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, { width: 2000, height: 1500, back: '#c33', front: '#fff' }) })
    await wiring.locator('.evidence img').waitFor()
    // A remark on another item.
    await page.locator('#item-pet button.link').tap()
    await page.getByLabel('备注 · 饲养宠物').fill('查看过，无')
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')

    // Offline, then reload midway: everything is still there.
    await context.setOffline(true)
    await page.reload()
    await page.getByTestId('total').waitFor()
    expect(await wiring.getByRole('spinbutton', { name: '私拉乱接电线、网线' }).inputValue()).toBe('1')
    expect(await wiring.locator('.evidence img').count()).toBe(1)
    expect(await page.getByLabel('备注 · 饲养宠物').inputValue()).toBe('查看过，无')

    // The 2,000 px photo was stored at 1,600 px on its long side, as JPEG, with a ≤ 240 px thumbnail.
    const sizes = await page.evaluate(
      () =>
        new Promise<number[]>((done) => {
          const open = indexedDB.open('qingdan')
          open.onsuccess = () => {
            const req = open.result.transaction('attachments').objectStore('attachments').getAll()
            req.onsuccess = async () => {
              const row = (req.result as Array<{ blob: Blob; thumb: Blob; type: string }>)[0]!
              const full = await createImageBitmap(row.blob)
              const thumb = await createImageBitmap(row.thumb)
              open.result.close()
              done([Math.max(full.width, full.height), Math.max(thumb.width, thumb.height), row.type === 'image/jpeg' ? 1 : 0])
            }
          }
        }),
    )
    expect(sizes).toEqual([1600, 240, 1])

    // The inspector signs.
    await drawSignature(page)
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')

    // Submit, confirm: read-only, and the score is the CLI's for the same answers.
    await page.getByTestId('submit').tap()
    await page.getByTestId('confirm').tap()
    await page.getByTestId('next-room').waitFor()
    const shown = (await page.getByTestId('total').textContent())!
    const answers = await readAnswers(page, id)
    const dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-'))
    const responseFile = join(dir, 'response.json')
    writeFileSync(responseFile, JSON.stringify({ templateId: 'dorm-room-safety', templateVersion: 1, answers }))
    const cli = JSON.parse(
      execFileSync('node', [join(root, 'scripts/qingdan.mjs'), 'score', join(root, 'schemas/samples/dorm-room-safety.json'), responseFile], {
        encoding: 'utf8',
      }),
    ) as { total: number; max: number }
    expect(shown.replace(/\s+/g, ' ')).toContain(`${cli.total} / ${cli.max}`)
    expect(cli.total).toBe(87)

    // 下一间: room 202 in the same building and floor.
    await page.getByTestId('next-room').tap()
    await expect.poll(() => page.getByTestId('subject').textContent()).toContain('房间号 202')
    expect(await page.getByTestId('subject').textContent()).toContain('楼栋 6号楼')
    await context.close()
  })

  it('shows 保存失败 when a write fails, keeps the answer, and saves it on retry', async () => {
    const { context, page } = await newTabletPage(browser)
    await startDormRoom(page, '305')
    // The next IndexedDB put fails as a full disk would.
    await page.evaluate(() => {
      const original = IDBObjectStore.prototype.put
      let failures = 1
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'answers' && failures > 0) {
          failures -= 1
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        }
        return original.apply(this, args)
      }
    })
    await page.locator('#item-knife [data-option=yes]').tap()
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('保存失败')
    expect(await page.locator('#item-knife [data-option=yes]').getAttribute('aria-checked')).toBe('true')
    await page.getByTestId('save-status').getByRole('button', { name: '重试' }).tap()
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')
    await page.reload()
    await page.getByTestId('total').waitFor()
    expect(await page.locator('#item-knife [data-option=yes]').getAttribute('aria-checked')).toBe('true')
    await context.close()
  })

  it('blocks submit while a required item is empty, and the list jumps to it', async () => {
    const { context, page } = await newTabletPage(browser)
    await page.goto(appUrl('/fill'))
    await page.getByTestId('templates').locator('li', { hasText: '楼层公共区域检查' }).getByRole('link').click()
    await page.getByLabel('楼栋').fill('6号楼')
    await page.getByLabel('楼层').fill('3')
    await page.getByTestId('begin').click()
    await page.getByTestId('total').waitFor()
    await page.getByTestId('submit').tap()
    const blockers = page.getByTestId('submit-blockers')
    await blockers.waitFor()
    expect(await page.locator('dialog').count()).toBe(0)
    await blockers.getByRole('button', { name: /灭火器在位/ }).tap()
    // Focus lands on the item's first control, scrolled into view.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('article')?.id)).toBe('item-extinguisher')
    expect(await page.locator('#item-extinguisher').isVisible()).toBe(true)
    await context.close()
  })

  it('opens a shared link to a shipped template on the very first visit', async () => {
    const { context, page } = await newTabletPage(browser)
    // A fresh context: nothing has installed the samples yet, and no other page was opened.
    await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
    await page.getByLabel('房间号').fill('305')
    await page.getByLabel('楼栋').fill('6号楼')
    await page.getByLabel('楼层').fill('3')
    await page.getByTestId('begin').click()
    await page.getByTestId('total').waitFor()
    expect(page.url()).toMatch(/\/fill\/[0-9a-f-]{36}$/)
    await context.close()
  })
})
