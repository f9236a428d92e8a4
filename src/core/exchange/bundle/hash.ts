/** Canonical JSON and SHA-256, so that equal content compares equal whatever its key order. */
import type { JsonValue } from '../../format/types'

/**
 * JSON text with object keys sorted at every depth and `undefined` members dropped: two
 * documents with the same content give the same text, whichever device or editor wrote them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null'
}

function sortKeys(value: unknown): JsonValue | undefined {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : (value as JsonValue)
  }
  if (Array.isArray(value)) return value.map((v) => sortKeys(v) ?? null)
  const out: { [key: string]: JsonValue } = {}
  for (const key of Object.keys(value).sort()) {
    const v = sortKeys((value as Record<string, unknown>)[key])
    if (v !== undefined) out[key] = v
  }
  return out
}

const hex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')

/** Lower-case hex SHA-256 (Web Crypto: the same in browsers and node ≥ 20). */
export async function sha256Hex(data: ArrayBuffer | Uint8Array<ArrayBuffer> | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  return hex(await crypto.subtle.digest('SHA-256', bytes))
}

/**
 * A short synchronous fingerprint of a value's canonical JSON (cyrb53, 53 bits): enough to key
 * an answer's history entries, so that storing the same losing answer twice is one entry.
 */
export function fingerprint(value: unknown): string {
  const text = canonicalJson(value)
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}
