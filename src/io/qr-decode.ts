/**
 * Reading QR codes from camera frames: the browser's BarcodeDetector where it exists and reads
 * QR codes (Chromium on Android, Safari 17+), else `jsqr` on a downscaled canvas copy of the
 * frame, loaded only then so neither the first load nor a BarcodeDetector device carries it.
 */

/** The texts of the QR codes in the video's current frame (none: an empty list). */
export type FrameDecoder = (video: HTMLVideoElement) => Promise<string[]>

interface DetectedBarcode {
  rawValue: string
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats?: () => Promise<string[]>
}

/** Frames are read at most this wide (or tall): a QR code on a door needs no more, and jsqr's time grows with pixels. */
const MAX_SIDE = 800

async function nativeDecoder(): Promise<FrameDecoder | null> {
  // Not in TypeScript's DOM types yet; absent in Firefox and desktop Safari < 17.
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
  if (!Detector) return null
  try {
    // Some desktop builds have the class but no QR support: fall back rather than never reading.
    const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code']
    if (!formats.includes('qr_code')) return null
    const detector = new Detector({ formats: ['qr_code'] })
    return async (video) => (await detector.detect(video)).map((b) => b.rawValue)
  } catch {
    return null
  }
}

async function jsqrDecoder(): Promise<FrameDecoder> {
  const mod = await import('jsqr')
  // A CommonJS module: the function may sit on `default` twice over, depending on the bundler.
  const lib = mod.default as typeof mod.default | { default: typeof mod.default }
  const jsQR = typeof lib === 'function' ? lib : lib.default
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('no 2d canvas')
  return async (video) => {
    const { videoWidth: w, videoHeight: h } = video
    if (!w || !h) return []
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h))
    canvas.width = Math.round(w * scale)
    canvas.height = Math.round(h * scale)
    context.drawImage(video, 0, 0, canvas.width, canvas.height)
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    const code = jsQR(data, canvas.width, canvas.height, { inversionAttempts: 'dontInvert' })
    return code ? [code.data] : []
  }
}

/** The best decoder this browser has. */
export async function frameDecoder(): Promise<FrameDecoder> {
  return (await nativeDecoder()) ?? jsqrDecoder()
}
