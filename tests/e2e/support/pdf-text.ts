// Text and page count of a PDF printed by Chromium, without poppler: inflates the streams,
// reads each font's ToUnicode CMap and decodes the text-showing operators (Tj, TJ) of every
// content stream. Enough for Skia's PDFs (no object streams, hex glyph strings); not a general
// PDF parser. The text comes out in drawing order, one line per text object.
import { inflateSync } from 'node:zlib'

interface PdfObject {
  dict: string
  stream?: Buffer
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1')
  const out = new Map<number, PdfObject>()
  const re = /(\d+) 0 obj\b/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length
    const end = text.indexOf('endobj', start)
    if (end < 0) break
    const body = text.slice(start, end)
    const s = body.indexOf('stream')
    if (s < 0) {
      out.set(Number(m[1]), { dict: body })
    } else {
      let from = start + s + 'stream'.length
      if (text[from] === '\r') from++
      if (text[from] === '\n') from++
      const to = text.lastIndexOf('endstream', end)
      let raw = pdf.subarray(from, to)
      const dict = body.slice(0, s)
      if (/\/FlateDecode/.test(dict)) {
        try {
          raw = inflateSync(raw)
        } catch {
          // Trailing EOL bytes before `endstream` can upset zlib; retry without them.
          raw = inflateSync(pdf.subarray(from, to).subarray(0, -1))
        }
      }
      out.set(Number(m[1]), { dict, stream: raw })
    }
    re.lastIndex = end
  }
  return out
}

/** Code → text, and how many hex digits one code takes (Type3 subsets use 1 byte, Type0 2). */
interface CMap {
  map: Map<number, string>
  digits: number
}

function hexToString(hex: string): string {
  let s = ''
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16))
  if (hex.length === 2) s = String.fromCharCode(parseInt(hex, 16))
  return s
}

function parseCMap(src: string): CMap {
  const map = new Map<number, string>()
  const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(src)
  const digits = range?.[1]?.length ?? 4
  for (const block of src.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1] ?? '0', 16), hexToString(m[2] ?? ''))
  }
  for (const block of src.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const lo = parseInt(m[1] ?? '0', 16)
      const hi = parseInt(m[2] ?? '0', 16)
      const base = parseInt(m[3] ?? '0', 16)
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + c - lo))
    }
  }
  return { map, digits }
}

export interface PdfImage {
  width: number
  height: number
  /** The image is another image's soft mask (a PNG's alpha channel), not a picture of its own. */
  mask: boolean
}

export interface PdfText {
  pages: number
  text: string
  /** The text of each page, in page order. */
  pageTexts: string[]
  /** The image XObjects (photos, signatures and their alpha masks). */
  images: PdfImage[]
}

/** Text lines of one content stream, its fonts decoded through `names`. */
function streamLines(content: string, names: ReadonlyMap<string, CMap>): string[] {
  const lines: string[] = []
  let cmap: CMap | undefined
  for (const bt of content.matchAll(/BT([\s\S]*?)ET/g)) {
    let line = ''
    const ops = /\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g
    for (const m of (bt[1] ?? '').matchAll(ops)) {
      if (m[1] !== undefined) cmap = names.get(m[1])
      const hexes = m[2] !== undefined ? [m[2]] : m[3] !== undefined ? [...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1] ?? '') : []
      for (const hex of hexes) {
        const step = cmap?.digits ?? 4
        for (let i = 0; i + step <= hex.length; i += step) line += cmap?.map.get(parseInt(hex.slice(i, i + step), 16)) ?? ''
      }
    }
    if (line) lines.push(line)
  }
  return lines
}

/** Page objects in reading order: the page tree's /Kids, depth first. */
function pageOrder(objs: ReadonlyMap<number, PdfObject>): number[] {
  const root = [...objs].find(([, o]) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\s/.test(o.dict))
  const out: number[] = []
  const walk = (id: number): void => {
    const o = objs.get(id)
    if (!o) return
    if (/\/Type\s*\/Page\b(?!s)/.test(o.dict)) return void out.push(id)
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? ''
    for (const m of kids.matchAll(/(\d+) 0 R/g)) walk(Number(m[1]))
  }
  if (root) walk(root[0])
  return out
}

export function pdfText(pdf: Buffer): PdfText {
  const objs = objects(pdf)
  // Font resource name → CMap. Resource names are per page, but Skia gives each font one name.
  const fontCMap = new Map<number, CMap>()
  for (const [id, o] of objs) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict)
    const cmapObj = ref ? objs.get(Number(ref[1])) : undefined
    if (cmapObj?.stream) fontCMap.set(id, parseCMap(cmapObj.stream.toString('latin1')))
  }
  const names = new Map<string, CMap>()
  for (const o of objs.values()) {
    for (const fonts of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const m of (fonts[1] ?? '').matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) {
        const cmap = fontCMap.get(Number(m[2]))
        if (cmap && m[1]) names.set(m[1], cmap)
      }
    }
  }
  const pages = [...objs.values()].filter((o) => /\/Type\s*\/Page\b(?!s)/.test(o.dict)).length
  const lines: string[] = []
  for (const o of objs.values()) {
    if (!o.stream || /\/Subtype|\/Length1|\/FontFile/.test(o.dict)) continue
    const content = o.stream.toString('latin1')
    if (!/\bTf\b/.test(content)) continue
    lines.push(...streamLines(content, names))
  }
  // NFKC: CJK fonts map some glyphs to Kangxi radicals (⼈ U+2F08 for 人); fold them back.
  const pageTexts = pageOrder(objs).map((id) => {
    const dict = objs.get(id)?.dict ?? ''
    const refs = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? ''
    const streams = [...refs.matchAll(/(\d+) 0 R/g)].map((m) => objs.get(Number(m[1]))?.stream?.toString('latin1') ?? '')
    return streams.flatMap((c) => streamLines(c, names)).join('\n').normalize('NFKC')
  })
  const masks = new Set([...objs.values()].flatMap((o) => [...o.dict.matchAll(/\/SMask\s+(\d+) 0 R/g)].map((m) => Number(m[1]))))
  const images = [...objs]
    .filter(([, o]) => /\/Subtype\s*\/Image\b/.test(o.dict))
    .map(([id, o]) => ({ width: Number(/\/Width\s+(\d+)/.exec(o.dict)?.[1] ?? 0), height: Number(/\/Height\s+(\d+)/.exec(o.dict)?.[1] ?? 0), mask: masks.has(id) }))
  return { pages, text: lines.join('\n').normalize('NFKC'), pageTexts, images }
}
