// Signs the response-level signature pad of an open fill page with real mouse strokes, as a
// finger would, and confirms it: the pad then shows the stored image.
import type { Page } from 'playwright-core'

export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('response-signature').locator('canvas')
  await pad.scrollIntoViewIfNeeded()
  // Rows above size themselves as they scroll past (content-visibility): wait for a still pad.
  let box = (await pad.boundingBox())!
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100)
    const again = (await pad.boundingBox())!
    if (again.y === box.y) break
    box = again
  }
  // signature_pad is fetched as the pad nears the screen: draw once it is attached.
  await page.getByTestId('response-signature').locator('canvas[data-ready]').waitFor()
  await page.mouse.move(box.x + 20, box.y + 40)
  await page.mouse.down()
  await page.mouse.move(box.x + 120, box.y + 120, { steps: 10 })
  await page.mouse.move(box.x + 260, box.y + 30, { steps: 10 })
  await page.mouse.up()
  await page.getByRole('button', { name: '确认签名' }).click()
  await page.getByTestId('response-signature').locator('img').waitFor()
}
