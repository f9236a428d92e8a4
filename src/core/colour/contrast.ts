/**
 * Readable colour pairs (WCAG 2.x contrast). A template author picks a band or option colour for
 * its look; the app must still print the label readably on it, or in it, whatever was picked:
 * a pale "#ffebe9" used as text colour, or white text on a pale background, is nearly invisible.
 */
import { CSS_NAMED_COLOURS } from './named'

/** sRGB channels 0–255. */
export type Rgb = readonly [r: number, g: number, b: number]

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5

/** The app's own text colour (theme.css `--color-text`): preferred over black where it is readable. */
const DARK_TEXT = '#1f2733'
const WHITE = '#ffffff'
const BLACK = '#000000'

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i

/** `#rgb`, `#rrggbb` or a CSS colour name (what the template schema allows) as channels; else null. */
export function parseColour(css: string | undefined | null): Rgb | null {
  if (!css) return null
  const text = css.trim().toLowerCase()
  const hex = HEX.test(text) ? text : (CSS_NAMED_COLOURS as Record<string, string>)[text]
  if (!hex || !HEX.test(hex)) return null
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1)
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb
}

export function toHex(rgb: Rgb): string {
  return '#' + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255
    // The sRGB transfer function; WCAG 2.x quotes 0.03928, which differs only below 1/255.
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as unknown as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The contrast ratio of two colours, 1 (same) to 21 (black on white); symmetric. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

const rgbOf = (hex: string): Rgb => parseColour(hex) as Rgb

/**
 * The text colour for a label on `background`: the app's dark text or white, whichever contrasts
 * more; black where neither reaches AA (mid tones). One of black and white always reaches
 * 4.58:1, so the answer always meets {@link AA_TEXT}. An unreadable `background` counts as white.
 */
export function textOn(background: string | Rgb): string {
  const bg = typeof background === 'string' ? (parseColour(background) ?? rgbOf(WHITE)) : background
  const dark = contrastRatio(rgbOf(DARK_TEXT), bg)
  const white = contrastRatio(rgbOf(WHITE), bg)
  const best = dark >= white ? DARK_TEXT : WHITE
  if (Math.max(dark, white) >= AA_TEXT) return best
  return contrastRatio(rgbOf(BLACK), bg) >= white ? BLACK : WHITE
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as unknown as Rgb

/**
 * `colour` as text on every one of `backgrounds` (default white) with at least AA contrast:
 * unchanged when it already reads, else mixed toward black (or white, on dark backgrounds) by
 * the smallest step that reads, so the hue stays recognisable. `undefined` for no or an unknown
 * colour: the caller then keeps its ordinary text colour.
 */
export function inkOn(colour: string | undefined, ...backgrounds: string[]): string | undefined {
  const fg = parseColour(colour)
  if (!fg) return undefined
  const bgs = (backgrounds.length ? backgrounds : [WHITE]).map((b) => parseColour(b) ?? rgbOf(WHITE))
  const reads = (c: Rgb): boolean => bgs.every((bg) => contrastRatio(c, bg) >= AA_TEXT)
  if (reads(fg)) return toHex(fg)
  // Toward whichever extreme contrasts more with the lightest (resp. darkest) background.
  const lightest = Math.max(...bgs.map(relativeLuminance))
  const target = rgbOf(lightest > 0.18 ? BLACK : WHITE)
  for (let step = 1; step <= 50; step++) {
    const c = mix(fg, target, step / 50)
    if (reads(c)) return toHex(c)
  }
  // Backgrounds both too light and too dark for any one ink: the extreme is the best there is.
  return toHex(target)
}

/** A filled label (a band chip): `colour` behind (or `fallback` when unknown) and readable text on it. */
export function badgeColours(colour: string | undefined, fallback: string): { background: string; color: string } {
  const bg = parseColour(colour) ?? parseColour(fallback) ?? rgbOf(WHITE)
  return { background: toHex(bg), color: textOn(bg) }
}
