/** Bytes match the address they are uploaded to: anything else (a cut upload, a bit flip) is refused. */
import { createHash } from 'node:crypto'

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function bytesMatch(sha256: string, bytes: Uint8Array): boolean {
  return sha256Of(bytes) === sha256
}
