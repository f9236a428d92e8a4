// The printed A4 ledger (台账, issue #12 item 4) in real Chromium, rendered to PDF by `page.pdf`:
// a dorm room filled through the real UI with a photo and a signature drawn with the mouse, and
// the 红旗 self-assessment with its review (stored straight into IndexedDB, as a finished round
// would leave them) for the long table, the evidence files and the self / review columns.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { appUrl, launchBrowser, newTabletPage } from './support'
import { submitOpenFill } from './support/fill'
import { pdfText, type PdfText } from './support/pdf-text'
import { drawSignature } from './support/signature'
import { makeJpeg } from './support/jpeg'

const root = resolve(import.meta.dirname, '../..')
const json = <T>(path: string): T => JSON.parse(readFileSync(resolve(root, path), 'utf8')) as T

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const flat = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '')
const count = (text: string, word: string): number => flat(text).split(flat(word)).length - 1

/** Waits until every image of the (hidden) ledger has decoded, then prints it to an A4 PDF. */
async function printLedger(page: Page, images: number): Promise<PdfText> {
  await page.waitForFunction(
    (n) => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>('[data-testid=ledger] img')]
      return imgs.length >= n && imgs.every((i) => i.complete && i.naturalWidth > 0)
    },
    images,
  )
  return pdfText(await page.pdf({ format: 'A4', printBackground: true }))
}

/** Signature lines are kept with the 合计 row and the conclusion: never a page of them alone. */
function expectSignaturesWithConclusion(pdf: PdfText): void {
  // 负责人 is only on a signature line (检查人 is in the header too).
  const withSignatures = pdf.pageTexts.filter((p) => flat(p).includes(flat('负责人：')))
  expect(withSignatures).toHaveLength(1)
  const page = flat(withSignatures[0] ?? '')
  expect(page).toContain('合计')
  expect(page).toContain('结论')
  // And the last page holds more than signature lines.
  const last = flat(pdf.pageTexts.at(-1) ?? '')
  const signatureWords = ['检查人', '被检查人', '负责人', '日期', '自查人', '考核人', '年', '月', '日', '：', '＿']
  let rest = last
  for (const w of signatureWords.map(flat)) rest = rest.split(w).join('')
  expect(rest.length).toBeGreaterThan(20)
}

describe('the printed ledger (#12 item 4)', () => {
  it('prints a dorm room with its answers, one 合计, the captioned photo and the drawn signature', async () => {
    const { context, page } = await newTabletPage(browser)
    await page.goto(appUrl('/fill'))
    await page.getByText('宿舍安全检查').first().waitFor()
    await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
    await page.locator('#subject-building').fill('5号楼')
    await page.locator('#subject-floor').fill('1')
    await page.locator('#subject-room').fill('101')
    await page.locator('#inspector').fill('王老师')
    await page.getByTestId('begin').click()
    await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
    const id = new URL(page.url()).pathname.split('/').pop()!

    const wiring = page.locator('#item-wiring')
    await wiring.getByRole('button', { name: '增加 私拉乱接电线、网线' }).click()
    await wiring.locator('.evidence input[type=file]').setInputFiles({ name: 'wire.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page) })
    await wiring.locator('.evidence img').waitFor()
    await drawSignature(page)
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('已保存')
    await submitOpenFill(page)

    await page.goto(appUrl(`/results/${id}`))
    await page.getByTestId('detail-total').waitFor()
    // Before printing: the signature is an image on the 检查人 line of the ledger.
    const signature = page.locator('[data-signer="inspector-self"] img')
    await signature.waitFor({ state: 'attached' })
    const pdf = await printLedger(page, 2)
    const size = await signature.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }))

    const text = flat(pdf.text)
    for (const words of ['宿舍安全检查（每间）·检查台账', '序号', '项目', '答案', '自查分', '评分标准', '结论', '等次：', '扣分项：']) {
      expect(text).toContain(flat(words))
    }
    // The answer column: the tapped count with its unit, and the untouched counts' default.
    expect(text).toContain(flat('私拉乱接电线、网线'))
    expect(text).toContain('1处')
    expect(text).toContain('0件')
    expect(count(pdf.text, '合计')).toBe(1)
    // The photo is captioned with its item and the time it was taken.
    expect(text).toMatch(/\d+\.私拉乱接电线、网线·\d{4}-\d{2}-\d{2}\d{2}:\d{2}/)
    // The signature drawn on the pad is in the PDF as an image of its own size (besides the photo).
    expect(size.width).toBeGreaterThan(100)
    expect(pdf.images.filter((i) => !i.mask).some((i) => i.width === size.width && i.height === size.height)).toBe(true)
    expect(pdf.images.filter((i) => !i.mask).length).toBeGreaterThanOrEqual(2)
    expectSignaturesWithConclusion(pdf)
    expect(text).not.toContain('模板库')
    await context.close()
  })

  it('prints the 红旗 self-assessment with its evidence, and its review with self / review / difference', async () => {
    const { context, page } = await newTabletPage(browser)
    await page.goto(appUrl('/fill'))
    await page.getByText('红旗').first().waitFor()
    const template = json<{ title: string }>('schemas/samples/red-flag-party-branch.json')
    const self = json<{ subject: Record<string, string>; answers: Record<string, { attachments?: string[] }> }>('tests/fixtures/red-flag-party-branch/self-red-flag.json')
    const review = json<typeof self>('tests/fixtures/red-flag-party-branch/review-red-flag.json')
    // The reviewer attaches nothing of the self-assessment's.
    for (const a of Object.values(review.answers)) delete a.attachments
    await page.evaluate(
      async ({ title, self, review }) => {
        const canvasBlob = async (w: number, h: number, type: string, draw: (c: OffscreenCanvasRenderingContext2D) => void): Promise<Blob> => {
          const canvas = new OffscreenCanvas(w, h)
          draw(canvas.getContext('2d')!)
          return canvas.convertToBlob({ type })
        }
        // Two sizes: two signatures, not one image the PDF could share.
        const signature = (width: number): Promise<Blob> =>
          canvasBlob(width, 180, 'image/png', (c) => {
            c.strokeStyle = '#111'
            c.lineWidth = 4
            c.beginPath()
            c.moveTo(20, 120)
            c.bezierCurveTo(120, 10, 220, 170, 480, 40)
            c.stroke()
          })
        const photo = await canvasBlob(640, 480, 'image/jpeg', (c) => {
          c.fillStyle = '#c33'
          c.fillRect(0, 0, 640, 480)
        })
        const pdf = new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' })
        // Every Blob before the transaction: an await inside it would let it commit early.
        const signatures = [await signature(500), await signature(520)] as const
        const at = '2026-11-27T02:00:00.000Z'
        const row = (id: string, role: string, inspector: string, signatureId: string, extra: Record<string, unknown>) => ({
          id, templateId: 'red-flag-party-branch', templateVersion: 1, templateTitle: title, role, subject: self.subject,
          status: 'submitted', inspector, startedAt: at, updatedAt: at, submittedAt: at, signature: signatureId, ...extra,
        })
        const attachment = (id: string, responseId: string, itemId: string | null, name: string, blob: Blob) => ({
          id, responseId, itemId, name, type: blob.type, size: blob.size, createdAt: at, blob,
        })
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const open = indexedDB.open('qingdan')
          open.onsuccess = () => done(open.result)
          open.onerror = () => fail(open.error)
        })
        const tx = db.transaction(['responses', 'answers', 'attachments'], 'readwrite')
        tx.objectStore('responses').put(row('rf-self', 'self', '张书记', 'rf-sig-self', {}))
        tx.objectStore('responses').put(row('rf-review', 'review', '李考核', 'rf-sig-review', { reviewOf: 'rf-self' }))
        for (const [itemId, answer] of Object.entries(self.answers)) tx.objectStore('answers').put({ responseId: 'rf-self', itemId, answer })
        for (const [itemId, answer] of Object.entries(review.answers)) tx.objectStore('answers').put({ responseId: 'rf-review', itemId, answer })
        const store = tx.objectStore('attachments')
        store.put(attachment('att-first-topic', 'rf-self', 'first-topic', '第一议题学习记录.jpg', photo))
        store.put(attachment('att-study-plan', 'rf-self', 'study-plan', '年度学习计划.pdf', pdf))
        store.put(attachment('rf-sig-self', 'rf-self', null, 'signature.png', signatures[0]))
        store.put(attachment('rf-sig-review', 'rf-review', null, 'signature.png', signatures[1]))
        await new Promise<void>((done, fail) => {
          tx.oncomplete = () => done()
          tx.onerror = () => fail(tx.error)
        })
        db.close()
      },
      { title: template.title, self, review },
    )

    // The self-assessment alone: the long table, its evidence, the 检查人 signature.
    await page.goto(appUrl('/results/rf-self'))
    await page.getByTestId('detail-total').waitFor()
    const selfPdf = await printLedger(page, 2)
    const selfText = flat(selfPdf.text)
    expect(count(selfPdf.text, '合计')).toBe(1)
    expect(selfText).toContain(flat('落实“第一议题”制度'))
    // Evidence per item: the photo as a captioned thumbnail, the PDF by name.
    expect(selfText).toMatch(/1\.落实“第一议题”制度.*·\d{4}-\d{2}-\d{2}\d{2}:\d{2}/)
    expect(selfText).toContain(flat('文件：年度学习计划.pdf'))
    expect(selfPdf.images.filter((i) => !i.mask).map((i) => `${i.width}×${i.height}`)).toContain('500×180')
    expectSignaturesWithConclusion(selfPdf)

    // The review, linked to it: both sides' answers and scores, the difference, both signatures.
    await page.goto(appUrl('/results/rf-review'))
    await page.getByTestId('detail-total').waitFor()
    const reviewPdf = await printLedger(page, 3)
    const reviewText = flat(reviewPdf.text)
    expect(count(reviewPdf.text, '合计')).toBe(1)
    for (const words of ['自查答案', '自查分', '考核答案', '考核分', '差值', '自查人：', '考核人：']) expect(reviewText).toContain(flat(words))
    const sizes = reviewPdf.images.filter((i) => !i.mask).map((i) => `${i.width}×${i.height}`)
    expect(sizes).toEqual(expect.arrayContaining(['500×180', '520×180']))
    expectSignaturesWithConclusion(reviewPdf)
    await context.close()
  })
})
