/**
 * Photo resizing in the browser, before anything is stored: a tablet camera photo is 4–12 MB,
 * a dorm round takes dozens of them, and IndexedDB quota on a school tablet is small. At most
 * 1,600 px on the long side as JPEG ~0.85 keeps a hazard legible at a few hundred KB.
 */

export const PHOTO_MAX_SIDE = 1600
export const THUMB_MAX_SIDE = 240
export const PHOTO_QUALITY = 0.85

export interface Size {
  width: number
  height: number
}

/** The size that fits `maxSide` on the long side, keeping the aspect ratio; never enlarges. */
export function fitWithin(size: Size, maxSide: number): Size {
  const long = Math.max(size.width, size.height)
  if (long <= maxSide || long === 0) return { width: size.width, height: size.height }
  const scale = maxSide / long
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
}

export interface ResizedImage {
  blob: Blob
  thumb: Blob
  width: number
  height: number
  type: string
  /** The original name with a .jpg extension when re-encoded. */
  name: string
}

/** Can this browser decode and re-encode images? (Not in node, not in happy-dom.) */
export function canResize(): boolean {
  return typeof createImageBitmap === 'function' && (typeof OffscreenCanvas === 'function' || typeof document !== 'undefined')
}

/**
 * Decodes `file`, scales it to ≤ 1,600 px and a ≤ 240 px thumbnail, and re-encodes both as JPEG.
 * Falls back to the original bytes (and no thumbnail re-encode) when the browser cannot decode it
 * — a HEIC photo on a desktop browser, say — so a photo is never refused for being unreadable here.
 */
export async function resizePhoto(file: Blob, name = 'photo.jpg'): Promise<ResizedImage> {
  if (!canResize()) return { blob: file, thumb: file, width: 0, height: 0, type: file.type, name }
  let bitmap: ImageBitmap
  try {
    // `from-image` applies the EXIF orientation, so portrait photos stay upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return { blob: file, thumb: file, width: 0, height: 0, type: file.type, name }
  }
  try {
    const full = fitWithin(bitmap, PHOTO_MAX_SIDE)
    const small = fitWithin(bitmap, THUMB_MAX_SIDE)
    const blob = await encode(bitmap, full, PHOTO_QUALITY)
    const thumb = await encode(bitmap, small, 0.8)
    return { blob, thumb, width: full.width, height: full.height, type: 'image/jpeg', name: name.replace(/\.[^.]*$/, '') + '.jpg' }
  } finally {
    bitmap.close()
  }
}

async function encode(bitmap: ImageBitmap, size: Size, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(size.width, size.height)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('2d canvas unavailable')
    draw(ctx, bitmap, size)
    return canvas.convertToBlob({ type: 'image/jpeg', quality })
  }
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('2d canvas unavailable')
  draw(ctx, bitmap, size)
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality),
  )
}

function draw(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, bitmap: ImageBitmap, size: Size): void {
  // JPEG has no alpha: paint white first so transparent PNG screenshots do not turn black.
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, size.width, size.height)
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(bitmap, 0, 0, size.width, size.height)
}

/** Does a MIME type match any of the patterns (`image/*`, `application/pdf`)? No patterns: all match. */
export function acceptsType(type: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns || patterns.length === 0) return true
  const lower = type.toLowerCase()
  return patterns.some((p) => {
    const pattern = p.trim().toLowerCase()
    if (pattern === '*/*' || pattern === '*') return true
    if (pattern.endsWith('/*')) return lower.startsWith(pattern.slice(0, -1))
    return lower === pattern
  })
}
