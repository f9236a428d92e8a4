/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Windows reads Chinese as
 * mojibake), CRLF line ends. papaparse is imported lazily: only exporting pays for it.
 */
import type { Table } from '@/core/exchange/results/table'

export const BOM = '\uFEFF'

export async function tableToCsv(table: Table): Promise<string> {
  const { default: Papa } = await import('papaparse')
  return BOM + Papa.unparse({ fields: table.columns, data: table.rows }, { newline: '\r\n', quotes: false })
}

export async function csvBlob(table: Table): Promise<Blob> {
  return new Blob([await tableToCsv(table)], { type: 'text/csv;charset=utf-8' })
}
