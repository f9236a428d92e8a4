/**
 * Decodes the bytes of a text file whose encoding nobody told us: a CSV saved by Excel on Chinese
 * Windows is GB18030/GBK, elsewhere UTF-8 (often with a BOM). The browser's TextDecoder reads
 * both, so no library is needed.
 */

/** Which decoding was used, for tests and for telling the person if it matters. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b)

/**
 * A byte-order mark decides; otherwise strict UTF-8, which fails on almost any GBK text with
 * Chinese in it (GBK lead bytes 0x81–0xFE are rarely followed by valid UTF-8 continuations), and
 * GB18030 (a superset of GBK and GB2312) when it does.
 */
export function decodeText(data: ArrayBuffer | Uint8Array): DecodedText {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    // Not UTF-8: the only other encoding spreadsheets write Chinese CSV in.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}
