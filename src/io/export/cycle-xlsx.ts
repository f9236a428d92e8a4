/**
 * The 评审汇总表 of one or more cycles as XLSX (issue #15 item 4): one worksheet per cycle, a
 * column per reviewer. Like xlsx.ts: exceljs imported lazily, sheet names Excel accepts and that
 * never collide, a bold frozen header. Figures are written as numbers with a number format, so a
 * committee can sort and sum them; text cells stay text (never formulas, whatever a name holds).
 */
import { uniqueSheetNames } from '@/core/exchange/results/names'
import type { SummaryRow, SummaryTable } from '@/core/cycles'

export interface CycleSheetLabels {
  rank: string
  subject: string
  /** The header of a reviewer's column, from their display name. */
  reviewer: (name: string) => string
  total: string
  percent: string
  self: string
  selfDifference: string
  band: string
  quotaTie: string
  vetoed: string
  rankChange: string
}

export interface CycleSheet {
  /** The cycle's title; the sheet is named after it. */
  title: string
  table: SummaryTable
  /** Username → display name; a reviewer without one is shown by username. */
  people: Record<string, string>
}

/** What a true quota tie or veto shows: a mark, the same in every language. */
export const MARK = '✓'

const POINTS = '0.00'
const SIGNED_POINTS = '+0.00;-0.00;0.00'
const SIGNED_PLACES = '+0;-0;0'
/** Rows measured for column widths: enough to size a college's branches, cheap for big tables. */
const MEASURED_ROWS = 200

type Cell = string | number | null

interface Column {
  header: string
  /** An exceljs number format; none for text. */
  format?: string
  cell: (row: SummaryRow) => Cell
}

function displayName(people: Record<string, string>, username: string): string {
  // hasOwn: a username such as "constructor" must not read Object.prototype.
  const name = Object.hasOwn(people, username) ? people[username]?.trim() : undefined
  return name === undefined || name === '' ? username : name
}

function columnsOf(sheet: CycleSheet, labels: CycleSheetLabels): Column[] {
  const mark = (on: boolean): Cell => (on ? MARK : null)
  return [
    { header: labels.rank, format: '0', cell: (r) => r.rank },
    { header: labels.subject, cell: (r) => r.label },
    ...sheet.table.reviewers.map((username, i): Column => ({
      header: labels.reviewer(displayName(sheet.people, username)),
      format: POINTS,
      cell: (r) => r.totals[i] ?? null,
    })),
    { header: labels.total, format: POINTS, cell: (r) => r.total },
    { header: labels.percent, format: POINTS, cell: (r) => r.percent },
    { header: labels.self, format: POINTS, cell: (r) => r.self },
    { header: labels.selfDifference, format: SIGNED_POINTS, cell: (r) => r.selfDifference },
    { header: labels.band, cell: (r) => r.band },
    { header: labels.quotaTie, cell: (r) => mark(r.quotaTie) },
    { header: labels.vetoed, cell: (r) => mark(r.vetoed) },
    { header: labels.rankChange, format: SIGNED_PLACES, cell: (r) => r.rankChange },
  ]
}

/** Columns as wide as Excel shows the text: a CJK character takes two places. */
function displayWidth(value: Cell): number {
  if (value === null) return 0
  if (typeof value === 'number') return value.toFixed(2).length + 1
  let width = 0
  for (const ch of value) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1
  return width
}

/** A workbook with one worksheet per cycle's summary table. */
export async function cycleWorkbook(sheets: readonly CycleSheet[], labels: CycleSheetLabels): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Qingdan 清单'
  const names = uniqueSheetNames(sheets.map((s) => s.title))
  sheets.forEach((sheet, s) => {
    const columns = columnsOf(sheet, labels)
    const worksheet = workbook.addWorksheet(names[s], {
      // Header and subject stay in view while scrolling across many reviewers.
      views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
      // The printed 汇总表 is A4 landscape, as wide as one page.
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    })
    worksheet.addRow(columns.map((c) => c.header)).font = { bold: true }
    for (const row of sheet.table.rows) worksheet.addRow(columns.map((c) => c.cell(row)))
    columns.forEach((c, i) => {
      const column = worksheet.getColumn(i + 1)
      // The format reaches the header cell too; it is text, so it shows as written.
      if (c.format !== undefined) column.numFmt = c.format
      const measured = sheet.table.rows.slice(0, MEASURED_ROWS).map((r) => displayWidth(c.cell(r)))
      column.width = Math.min(60, Math.max(8, displayWidth(c.header), ...measured) + 2)
    })
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}
