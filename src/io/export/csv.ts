/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Windows reads Chinese as
 * mojibake), CRLF line ends. papaparse is imported lazily: only exporting pays for it.
 * Text that a spreadsheet would run as a formula is neutralised (see core/exchange/results/formula);
 * papaparse's own `escapeFormulae` misses multi-line cells, so the rule is applied here, before it.
 */
import { neutraliseFormula, neutraliseText } from '@/core/exchange/results/formula'
import type { Table } from '@/core/exchange/results/table'

export const BOM = '\uFEFF'

export async function tableToCsv(table: Table): Promise<string> {
  const { default: Papa } = await import('papaparse')
  const fields = table.columns.map(neutraliseText)
  const data = table.rows.map((row) => row.map(neutraliseFormula))
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', quotes: false })
}

export async function csvBlob(table: Table): Promise<Blob> {
  return new Blob([await tableToCsv(table)], { type: 'text/csv;charset=utf-8' })
}
