// A real JPEG made by the browser itself, so no binary fixture is needed in the repository.
import type { Page } from 'playwright-core'

export interface JpegShape {
  width: number
  height: number
  /** The background colour, and an optional centred block (half the size) in another. */
  back: string
  front?: string
}

export async function makeJpeg(page: Page, shape: JpegShape = { width: 800, height: 600, back: '#36c', front: '#fc0' }): Promise<Buffer> {
  const base64 = await page.evaluate(async ({ width, height, back, front }) => {
    const canvas = new OffscreenCanvas(width, height)
    const ctx = canvas.getContext('2d')!
    ctx.fillStyle = back
    ctx.fillRect(0, 0, width, height)
    if (front) {
      ctx.fillStyle = front
      ctx.fillRect(width / 4, height / 4, width / 2, height / 2)
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let s = ''
    for (const b of bytes) s += String.fromCharCode(b)
    return btoa(s)
  }, shape)
  return Buffer.from(base64, 'base64')
}
