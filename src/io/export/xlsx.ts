/**
 * XLSX workbooks through exceljs, imported lazily (it is large; only exporting pays for it).
 * One worksheet per table, a bold frozen header row, and columns sized to their content.
 */
import { claimUnique, sheetBase, SHEET_NAME_MAX } from '@/core/exchange/results/names'
import type { Table } from '@/core/exchange/results/table'

/**
 * A sheet name Excel accepts and that none in `taken` already has (Excel ignores case).
 * `taken` holds lower-cased names; the caller adds the result.
 */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  return claimUnique(sheetBase(name), new Set(taken), SHEET_NAME_MAX)
}

export async function tablesToXlsx(tables: readonly Table[]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Qingdan 清单'
  const taken = new Set<string>()
  for (const table of tables) {
    const name = sheetName(table.name, taken)
    taken.add(name.toLowerCase())
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow(table.columns).font = { bold: true }
    sheet.addRows(table.rows)
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(
        String(table.columns[i] ?? '').length * 2,
        ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
      )
      column.width = Math.min(60, Math.max(8, longest + 2))
    })
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}
