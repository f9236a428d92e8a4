/**
 * Reads a rubric table file into rows of text cells: CSV with papaparse (UTF-8 or GB18030, see
 * text-decode), XLSX with exceljs (the first worksheet; a merged cell gives its value to every
 * cell it covers, which is how two-level indicators 一级/二级指标 are usually laid out). Both
 * libraries load only when a file is chosen.
 */
import { RUBRIC_EXAMPLE_ROWS } from '@/core/exchange/rubric/example'
import { decodeText } from './text-decode'

/**
 * Raw text cells, row by row, as a file holds them. Not a `Table` (core/exchange/results/table):
 * that one is a named sheet with column headers and typed cells, written on export.
 */
export type CellGrid = string[][]

/** The cells of one sheet and, for a workbook, the sheet's name (a candidate template title). */
export interface RubricSheet {
  grid: CellGrid
  sheetName?: string
}

/** A rubric table is a few hundred rows; anything far bigger is a wrong file or a zip bomb. */
export const MAX_RUBRIC_FILE_BYTES = 5 * 1024 ** 2

export async function readCsv(text: string): Promise<CellGrid> {
  const { default: Papa } = await import('papaparse')
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false })
  return parsed.data.map((row) => row.map((c) => String(c ?? '')))
}

/** The shown text of an exceljs cell value (rich text, formulas, dates, hyperlinks). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('')
    if (v.result !== undefined) return cellText(v.result)
    if (v.text !== undefined) return cellText(v.text)
    return ''
  }
  return String(value)
}

export async function readXlsxSheet(data: ArrayBuffer): Promise<RubricSheet> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(data)
  const sheet = book.worksheets[0]
  if (!sheet) return { grid: [] }
  const out: CellGrid = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const cells: string[] = []
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c)
      // A merged cell's slaves carry no value of their own: read the master's.
      cells.push(cellText(cell.isMerged ? cell.master.value : cell.value).trim())
    }
    out.push(cells)
  }
  return { grid: out, sheetName: sheet.name }
}

export async function readXlsx(data: ArrayBuffer): Promise<CellGrid> {
  return (await readXlsxSheet(data)).grid
}

/** A CSV file's bytes, in whichever encoding it was saved (File.text() would assume UTF-8). */
export async function readCsvBytes(data: ArrayBuffer | Uint8Array): Promise<CellGrid> {
  return readCsv(decodeText(data).text)
}

export async function readRubricFile(file: File): Promise<RubricSheet> {
  if (/\.xlsx$/i.test(file.name)) return readXlsxSheet(await file.arrayBuffer())
  return { grid: await readCsvBytes(await file.arrayBuffer()) }
}

/** The example table as an XLSX workbook, with the first-level indicators merged down. */
export async function exampleXlsx(): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('评分细则')
  for (const row of RUBRIC_EXAMPLE_ROWS) sheet.addRow([...row])
  sheet.columns.forEach((col, i) => (col.width = [12, 12, 36, 8, 8, 36, 14][i] ?? 12))
  sheet.getRow(1).font = { bold: true }
  // Merge runs of equal first-level indicators (column A) below the header, as real tables do.
  let start = 2
  for (let r = 3; r <= RUBRIC_EXAMPLE_ROWS.length + 1; r++) {
    const prev = RUBRIC_EXAMPLE_ROWS[start - 1]?.[0]
    const cur = RUBRIC_EXAMPLE_ROWS[r - 1]?.[0]
    if (cur !== prev) {
      if (r - 1 > start) sheet.mergeCells(start, 1, r - 1, 1)
      start = r
    }
  }
  const buffer = await book.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}
