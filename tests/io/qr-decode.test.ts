// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { frameDecoder } from '@/io/qr-decode'
import { qrModules } from '@/io/qr'

/** A canvas whose 2d context hands back `pixels` as whatever frame was drawn. */
function fakeCanvas(pixels: { data: Uint8ClampedArray; side: number }) {
  const drawn: number[][] = []
  const context = {
    drawImage: (_v: unknown, x: number, y: number, w: number, h: number) => drawn.push([x, y, w, h]),
    getImageData: () => ({ data: pixels.data }),
  }
  const create = document.createElement.bind(document)
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
    if (tag !== 'canvas') return create(tag)
    return { width: 0, height: 0, getContext: () => context }
  }) as typeof document.createElement)
  return drawn
}

async function codeImage(text: string) {
  const [{ size, runs }] = (await qrModules([text])) as [{ size: number; runs: Array<readonly [number, number, number]> }]
  const scale = 4
  const side = size * scale
  const data = new Uint8ClampedArray(side * side * 4).fill(255)
  for (const [x, y, w] of runs) {
    for (let py = y * scale; py < (y + 1) * scale; py++) data.fill(0, (py * side + x * scale) * 4, (py * side + (x + w) * scale) * 4)
  }
  for (let i = 3; i < data.length; i += 4) data[i] = 255
  return { data, side }
}

const video = (w: number, h: number) => ({ videoWidth: w, videoHeight: h }) as HTMLVideoElement

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('reading QR codes from camera frames', () => {
  it('uses jsqr on a canvas copy of the frame when the browser has no BarcodeDetector', async () => {
    const url = 'https://qingdan.example.edu/s/room%3A3%E5%8F%B7%E6%A5%BC%2F301'
    const img = await codeImage(url)
    const drawn = fakeCanvas(img)
    const decode = await frameDecoder()
    expect(await decode(video(img.side, img.side))).toEqual([url])
    expect(drawn).toEqual([[0, 0, img.side, img.side]])
  })

  it('reads a large frame scaled down, and nothing from a video that has no frame yet', async () => {
    const drawn = fakeCanvas({ data: new Uint8ClampedArray(800 * 450 * 4).fill(255), side: 0 })
    const decode = await frameDecoder()
    expect(await decode(video(0, 0))).toEqual([])
    expect(await decode(video(1920, 1080))).toEqual([])
    expect(drawn).toEqual([[0, 0, 800, 450]])
  })

  it('falls back to jsqr when the BarcodeDetector reads no QR codes', async () => {
    const detect = vi.fn(async () => [{ rawValue: 'native' }])
    vi.stubGlobal('BarcodeDetector', Object.assign(class { detect = detect }, { getSupportedFormats: async () => ['ean_13'] }))
    const img = await codeImage('from jsqr')
    fakeCanvas(img)
    const decode = await frameDecoder()
    expect(await decode(video(img.side, img.side))).toEqual(['from jsqr'])
    expect(detect).not.toHaveBeenCalled()
  })

  it('uses the BarcodeDetector for QR codes where it reads them', async () => {
    const made: unknown[] = []
    vi.stubGlobal('BarcodeDetector', Object.assign(class { constructor(o: unknown) { made.push(o) } detect = async () => [{ rawValue: 'a' }, { rawValue: 'b' }] }, { getSupportedFormats: async () => ['qr_code'] }))
    const decode = await frameDecoder()
    expect(await decode(video(10, 10))).toEqual(['a', 'b'])
    expect(made).toEqual([{ formats: ['qr_code'] }])
  })
})
