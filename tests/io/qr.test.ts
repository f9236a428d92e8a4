import { describe, expect, it } from 'vitest'
import jsQR from 'jsqr'
import { qrModules, qrPath, qrSvg, QUIET_ZONE, type QrModules } from '@/io/qr'
import { labelUrl } from '@/core/register/qr'

/** The code drawn as a grey-scale RGBA image, `scale` pixels per module, as a camera frame would hold it. */
function image({ size, runs }: QrModules, scale = 4): { data: Uint8ClampedArray; side: number } {
  const side = size * scale
  const data = new Uint8ClampedArray(side * side * 4).fill(255)
  for (const [x, y, w] of runs) {
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) data.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3)
    }
  }
  return { data, side }
}

describe('QR codes of room labels', () => {
  it('draw codes that a decoder reads back as the label address', async () => {
    const urls = ['room:3号楼/301', 'room:12号楼/1205', 'teacher:T0012'].map((id) => labelUrl(id, 'https://qingdan.example.edu'))
    const codes = await qrModules(urls)
    codes.forEach((code, i) => {
      const { data, side } = image(code)
      expect(jsQR(data, side, side)?.data).toBe(urls[i])
    })
  })

  it('leave the quiet zone blank and merge neighbouring modules into runs', async () => {
    const [code] = await qrModules(['https://qingdan.example.edu/s/room%3A1%2F101'])
    const inner = code!.size - QUIET_ZONE
    for (const [x, y, w] of code!.runs) {
      expect(x).toBeGreaterThanOrEqual(QUIET_ZONE)
      expect(y).toBeGreaterThanOrEqual(QUIET_ZONE)
      expect(x + w).toBeLessThanOrEqual(inner)
      expect(y).toBeLessThan(inner)
    }
    // The top-left finder pattern's first row is one run of 7 modules.
    expect(code!.runs[0]).toEqual([QUIET_ZONE, QUIET_ZONE, 7])
  })

  it('make a standalone SVG of one path of the runs, with no text of the input in it', async () => {
    const text = 'https://qingdan.example.edu/s/<script>'
    const svg = await qrSvg(text)
    const [code] = await qrModules([text])
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).not.toContain('script')
    expect(svg).toContain(`d="${qrPath(code!)}"`)
    expect(qrPath(code!).match(/M/g)).toHaveLength(code!.runs.length)
  })
})
