/**
 * XLSX workbooks through exceljs, imported lazily (it is large; only exporting pays for it).
 * One worksheet per table, a bold frozen header row, and columns sized to their content.
 */
import type { Table } from '@/core/exchange/results/table'

/** Excel forbids these in sheet names and caps them at 31 characters. */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim() || 'Sheet'
  let candidate = base
  for (let i = 2; taken.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`
  return candidate
}

export async function tablesToXlsx(tables: readonly Table[]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Qingdan 清单'
  const taken = new Set<string>()
  for (const table of tables) {
    const name = sheetName(table.name, taken)
    taken.add(name)
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
