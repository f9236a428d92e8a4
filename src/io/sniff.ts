/**
 * What a file is, read from its first bytes, never from its name or declared MIME type: a text
 * file renamed `.jpg` is not a photo, and an SVG or HTML page "photo" would run script in the
 * app's origin when its blob: URL is opened. Only types the app shows inertly are recognised:
 * JPEG, PNG, WebP and HEIC images (decoded before they are kept) and PDF (offered as a download).
 */

export const SNIFFED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const
export type SniffedType = (typeof SNIFFED_TYPES)[number]

/** Bytes needed by sniffType. */
export const SNIFF_BYTES = 16

const ascii = (bytes: Uint8Array, at: number, text: string): boolean =>
  [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0))

/** ISO-BMFF brands of HEIF/HEIC stills and sequences (what iPhones write). */
const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']

/** The type of a file from its first SNIFF_BYTES bytes, or null when it is none the app keeps. */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png'
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp'
  if (ascii(bytes, 4, 'ftyp') && HEIC_BRANDS.some((brand) => ascii(bytes, 8, brand))) return 'image/heic'
  if (ascii(bytes, 0, '%PDF-')) return 'application/pdf'
  return null
}

export async function sniffBlob(blob: Blob): Promise<SniffedType | null> {
  return sniffType(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer()))
}
