import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import ExcelJS from 'exceljs'
import { BOM, tableToCsv } from '@/io/export/csv'
import { sheetName, tablesToXlsx } from '@/io/export/xlsx'
import type { Table } from '@/core/exchange/results/table'

const table: Table = {
  name: '宿舍安全检查',
  columns: ['楼栋', '房间号', '得分', '备注'],
  rows: [
    ['3号楼', '201', 85, '烟头, 在阳台'],
    ['3号楼', '202', 84.5, '说 "马上改"'],
  ],
}

describe('tableToCsv', () => {
  it('starts with a BOM, ends lines with CRLF and round-trips commas and quotes', async () => {
    const csv = await tableToCsv(table)
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv).toContain('\r\n')
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true })
    expect(parsed.data).toEqual([table.columns, ['3号楼', '201', '85', '烟头, 在阳台'], ['3号楼', '202', '84.5', '说 "马上改"']])
  })
})

describe('tablesToXlsx', () => {
  it('writes one worksheet per table with a bold header and the numbers as numbers', async () => {
    const blob = await tablesToXlsx([table, { ...table, name: '宿舍安全检查' }])
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await blob.arrayBuffer())
    expect(book.worksheets.map((w) => w.name)).toEqual(['宿舍安全检查', '宿舍安全检查 2'])
    const sheet = book.worksheets[0]
    expect(sheet?.getRow(1).font?.bold).toBe(true)
    expect(sheet?.getCell('C3').value).toBe(84.5)
    expect(sheet?.getCell('A2').value).toBe('3号楼')
  })

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('a/b:c?d*[e]', new Set())).toBe('a b c d  e')
    expect(sheetName('x'.repeat(40), new Set()).length).toBe(31)
    expect(sheetName('', new Set())).toBe('Sheet')
  })
})
