/**
 * The template's title from a rubric table: a heading row above the header ("2024年红旗党支部
 * 考核细则", often merged across the columns), else the sheet's name unless it is a default one
 * (Sheet1, 工作表1), else the file name.
 */

/** Names a spreadsheet gives a sheet nobody named. */
const DEFAULT_SHEET = /^(?:sheet|工作表|表)\s*\d*$/i

/** The one text of a row that holds a single value (a merged cell repeats it in every column). */
function headingOf(row: readonly string[]): string | null {
  const values = new Set(row.map((c) => c.trim()).filter((c) => c !== ''))
  if (values.size !== 1) return null
  const [only] = values
  return only !== undefined && only.length <= 80 ? only : null
}

export interface TitleSources {
  /** The file's name without its extension: the last resort. */
  fileName: string
  sheetName?: string
}

export function titleOf(table: readonly (readonly string[])[], headerAt: number, from: TitleSources): string {
  for (const row of table.slice(0, Math.max(headerAt, 0))) {
    const heading = headingOf(row)
    if (heading !== null) return heading
  }
  const sheet = from.sheetName?.trim() ?? ''
  if (sheet !== '' && !DEFAULT_SHEET.test(sheet)) return sheet
  return from.fileName
}
