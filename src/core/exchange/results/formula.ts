/**
 * CSV formula injection: spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as
 * a formula (and some strip a leading tab or CR first), so a subject named `=HYPERLINK(...)`
 * typed on one tablet would act on the computer that opens the export. A leading `'` makes such
 * text literal, the OWASP advice. Only text is touched: numbers (negative ones too) stay numbers.
 */
import type { Cell } from './table'

/** The first characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/

/** Text as CSV should carry it: formula-like text gets a leading `'`. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** A cell as CSV should carry it: text as neutraliseText; numbers and blanks unchanged. */
export function neutraliseFormula(cell: Cell): Cell {
  return typeof cell === 'string' ? neutraliseText(cell) : cell
}
