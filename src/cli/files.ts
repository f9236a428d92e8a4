/**
 * Reading JSON files for the CLI: size limit first (a template or response is kilobytes, so a huge
 * file is a mistake or an attack), then UTF-8, then JSON with a line and column on syntax errors.
 */
import { readFile, stat } from 'node:fs/promises'
import type { Lang } from '@/core/result'
import { jsonErrorOffset } from './json-position'
import { t } from './messages'

export const MAX_FILE_BYTES = 5 * 1024 * 1024

export type ReadOutcome =
  | { ok: true; json: unknown }
  /** `unreadable`: the file could not be read at all (exit 2); `invalid`: it is not JSON (exit 1). */
  | { ok: false; kind: 'unreadable' | 'invalid'; message: string }

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 }
}

/**
 * Where a JSON syntax error is. Newer engines say "(line L column C)", Node 20 sometimes "at
 * position N" and often nothing, so without a figure the text is scanned for the first error.
 */
export function syntaxErrorPlace(text: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) }
  const pos = /position (\d+)/.exec(message)
  const offset = pos ? Number(pos[1]) : jsonErrorOffset(text)
  return offset === null ? null : lineColumn(text, offset)
}

/** The engine's reason on one short line: V8 quotes a snippet of the file, newlines and all. */
export function shortReason(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim()
  return flat.length > 100 ? flat.slice(0, 99) + '…' : flat
}

/** Reads and parses one file, never throwing: every failure becomes a message naming the file. */
export async function readJsonFile(file: string, lang: Lang): Promise<ReadOutcome> {
  let text: string
  try {
    const info = await stat(file)
    if (!info.isFile()) return { ok: false, kind: 'unreadable', message: t(lang, 'notAFile', { file }) }
    if (info.size > MAX_FILE_BYTES) {
      const size = (info.size / 1024 / 1024).toFixed(1)
      return { ok: false, kind: 'unreadable', message: t(lang, 'tooLarge', { file, size, limit: MAX_FILE_BYTES / 1024 / 1024 }) }
    }
    text = await readFile(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { ok: false, kind: 'unreadable', message: t(lang, 'notFound', { file }) }
    return { ok: false, kind: 'unreadable', message: t(lang, 'unreadable', { file, reason: code ?? String(e) }) }
  }
  // A byte-order mark is legal in a saved file (Windows Notepad writes one) but not in JSON.parse.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  try {
    return { ok: true, json: JSON.parse(text) as unknown }
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e)
    const place = syntaxErrorPlace(text, raw)
    const reason = shortReason(raw)
    const message = place
      ? t(lang, 'badJsonAt', { file, line: place.line, column: place.column, reason })
      : t(lang, 'badJson', { file, reason })
    return { ok: false, kind: 'invalid', message }
  }
}

/** What a parsed document looks like it is, by shape (format.md: templates have sections, responses answers). */
export function documentKind(json: unknown): 'template' | 'response' | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null
  if ('sections' in json) return 'template'
  if ('answers' in json) return 'response'
  return null
}
