/**
 * The gate every picked file passes before it becomes an attachment: its type is sniffed from
 * its bytes (see sniff.ts), an image must decode, and the file is handed on re-typed with the
 * sniffed type, so what is stored is never labelled by the file's own claim.
 *
 * Size: JPEG, WebP and HEIC photos are resized to ≤ 1,600 px before they are stored, so a 30 MB
 * camera photo is fine; only absurd files (over MAX_PHOTO_INPUT_BYTES) are refused up front. PNG
 * is kept as it is (a JPEG would blur a screenshot's lines) and PDF too, so they must fit the cap.
 */
import { MAX_ATTACHMENT_BYTES } from '@/core/exchange/bundle/format'
import { acceptsType, canResize } from './image'
import { sniffBlob, type SniffedType } from './sniff'

/** Largest photo accepted for resizing; decoding more would exhaust a tablet's memory. */
export const MAX_PHOTO_INPUT_BYTES = 200 * 1024 ** 2

export type AttachmentProblem = 'type' | 'undecodable' | 'tooLarge'

export type CheckedFile = { ok: true; file: File; type: SniffedType } | { ok: false; problem: AttachmentProblem; limitMB: number }

export interface CheckFileOptions {
  /** A photo item: images only. */
  photo?: boolean
  /** The template's accepted MIME patterns, matched against the sniffed type. */
  accept?: readonly string[]
  /** The template's own size limit for files that are kept as they are. */
  maxSizeMB?: number
}

/** Is this image readable by this browser? Where it cannot be told (node), the sniff decides. */
async function decodes(file: Blob): Promise<boolean> {
  if (!canResize()) return true
  try {
    const bitmap = await createImageBitmap(file)
    bitmap.close()
    return true
  } catch {
    return false
  }
}

const mb = (bytes: number): number => Math.round(bytes / 1024 ** 2)

export async function checkFile(file: File, options: CheckFileOptions = {}): Promise<CheckedFile> {
  const type = await sniffBlob(file)
  const image = type !== null && type.startsWith('image/')
  const patterns = options.accept?.length ? options.accept : options.photo ? ['image/*'] : undefined
  if (type === null || (options.photo && !image) || !acceptsType(type, patterns)) return { ok: false, problem: 'type', limitMB: 0 }
  const resized = image && type !== 'image/png'
  const templateLimit = options.maxSizeMB === undefined ? Infinity : options.maxSizeMB * 1024 ** 2
  const limit = resized ? MAX_PHOTO_INPUT_BYTES : Math.min(MAX_ATTACHMENT_BYTES, templateLimit)
  if (file.size > limit) return { ok: false, problem: 'tooLarge', limitMB: mb(limit) }
  if (image && !(await decodes(file))) return { ok: false, problem: 'undecodable', limitMB: 0 }
  return { ok: true, type, file: new File([file], file.name, { type, lastModified: file.lastModified }) }
}
