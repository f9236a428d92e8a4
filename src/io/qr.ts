/**
 * QR codes for room labels, drawn by the app itself from the library's module matrix: the page
 * binds one path of numbers per code (no markup string, no v-html), and `qrSvg` builds a file
 * from the same path. The encoder (`qrcode`) loads on first use, so no other page carries it.
 */
import type { QRCodeErrorCorrectionLevel, create as Create } from 'qrcode'

/** One horizontal run of dark modules: x, y, width (in modules, quiet zone included). */
export type QrRun = readonly [x: number, y: number, width: number]

export interface QrModules {
  /** Side of the square in modules, quiet zone included. */
  size: number
  runs: QrRun[]
}

/** The blank margin readers need around a code, in modules (the standard's 4). */
export const QUIET_ZONE = 4

let encoder: Promise<typeof Create> | null = null

/** The library's encoder; a CommonJS module, so the named export may sit on `default`. */
function loadEncoder(): Promise<typeof Create> {
  encoder ??= import('qrcode').then((mod) => (typeof mod.create === 'function' ? mod.create : mod.default.create))
  return encoder
}

function modulesOf(create: typeof Create, text: string, level: QRCodeErrorCorrectionLevel): QrModules {
  const { modules } = create(text, { errorCorrectionLevel: level })
  const n = modules.size
  const runs: QrRun[] = []
  for (let y = 0; y < n; y++) {
    let start = -1
    for (let x = 0; x <= n; x++) {
      const dark = x < n && modules.get(y, x) === 1
      if (dark && start < 0) start = x
      else if (!dark && start >= 0) {
        // Neighbouring dark modules merge into one rect: a sheet of 24 codes stays light to lay out.
        runs.push([start + QUIET_ZONE, y + QUIET_ZONE, x - start])
        start = -1
      }
    }
  }
  return { size: n + 2 * QUIET_ZONE, runs }
}

/**
 * The modules of each text's QR code, in order. Level M (15 % recovery) keeps a URL's code
 * small enough to read at 30 mm from a worn, taped-up label.
 */
export async function qrModules(texts: readonly string[], level: QRCodeErrorCorrectionLevel = 'M'): Promise<QrModules[]> {
  const create = await loadEncoder()
  return texts.map((t) => modulesOf(create, t, level))
}

/**
 * The dark modules as one SVG path (`M x y h w v 1 h -w z` per run): one element per code, where
 * a <rect> per run would put ~250 elements per label and 6,000 per A4 sheet into the page.
 */
export function qrPath({ runs }: QrModules): string {
  return runs.map(([x, y, w]) => `M${x} ${y}h${w}v1h-${w}z`).join('')
}

/** A standalone SVG file of a text's QR code (black on white), e.g. to save one label. */
export async function qrSvg(text: string, level: QRCodeErrorCorrectionLevel = 'M'): Promise<string> {
  const [code] = (await qrModules([text], level)) as [QrModules]
  const { size } = code
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${qrPath(code)}"/></svg>`
}
