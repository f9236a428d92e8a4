/**
 * Reading lists from spreadsheets (rooms, people, branches): finding the header row by the words
 * people put there, and naming a cell as the spreadsheet shows it (第 3 行（B3）) in every issue.
 */
import type { Issue } from '../result'

export const clean = (s: string): string => s.normalize('NFKC').replace(/\s/g, '').toLowerCase()

/**
 * The columns a row names, by the header words of each column, or null when it lacks one of
 * `required` (so it is not the header row).
 */
export function headerOf<C extends string>(row: readonly string[], words: Readonly<Record<C, readonly string[]>>, required: readonly NoInfer<C>[]): Partial<Record<C, number>> | null {
  const columns = Object.keys(words) as C[]
  const map: Partial<Record<C, number>> = {}
  row.forEach((cell, i) => {
    const h = clean(cell)
    const col = columns.find((c) => words[c].some((w) => clean(w) === h))
    if (col && map[col] === undefined) map[col] = i
  })
  return required.every((c) => map[c] !== undefined) ? map : null
}

/** The index of the first row that is a header, or -1. */
export function findHeader<C extends string>(grid: readonly (readonly string[])[], words: Readonly<Record<C, readonly string[]>>, required: readonly NoInfer<C>[]): number {
  return grid.findIndex((row) => headerOf(row, words, required) !== null)
}

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/** A problem in one cell, pointed at as `/row/column` and worded with the spreadsheet's names. */
export function cellIssue(code: string, row: number, col: number, zh: string, en: string): Issue {
  const where = `${columnName(col)}${row + 1}`
  return { code, pointer: `/${row}/${col}`, severity: 'error', message: { 'zh-CN': `第 ${row + 1} 行（${where}）：${zh}`, en: `Row ${row + 1} (${where}): ${en}` }, params: { row: row + 1, column: columnName(col) } }
}
