/** cycleWorkbook: the 评审汇总表 as XLSX, read back with exceljs (issue #15 item 4). */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { summaryTable, type SummaryTable } from '@/core/cycles'
import { cycleWorkbook, MARK, type CycleSheetLabels } from '@/io/export/cycle-xlsx'
import { evaluate, miniFixture, redFlagFixture } from '../core/cycles/builders'

const labels: CycleSheetLabels = {
  rank: '名次',
  subject: '支部',
  reviewer: (name) => `评委 ${name}`,
  total: '总分',
  percent: '得分率',
  self: '自评分',
  selfDifference: '与自评差',
  band: '等次',
  quotaTie: '并列超额',
  vetoed: '一票否决',
  rankChange: '名次变化',
}

async function read(blob: Blob): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await blob.arrayBuffer())
  return book
}

function values(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const out: unknown[][] = []
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    out.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null))
  })
  return out
}

const redFlag = (() => {
  const { cycle, template, responses } = redFlagFixture()
  return { title: cycle.title, table: summaryTable(cycle, evaluate(cycle, responses, template)) }
})()

describe('cycleWorkbook', () => {
  it('writes the red-flag summary: a header from the labels, a column per reviewer by display name, numbers as numbers', async () => {
    const people = { p1: '张老师', p2: '李老师', p3: '  ', constructor: '不应出现' }
    const book = await read(await cycleWorkbook([{ ...redFlag, people }], labels))
    const sheet = book.worksheets[0]
    expect(book.worksheets.map((w) => w.name)).toEqual(['2026年度红旗党支部评审'])
    const rows = values(sheet)
    // p3's blank name and p4, p5 without one fall back to the username.
    expect(rows[0]).toEqual(['名次', '支部', '评委 张老师', '评委 李老师', '评委 p3', '评委 p4', '评委 p5', '总分', '得分率', '自评分', '与自评差', '等次', '并列超额', '一票否决', '名次变化'])
    expect(rows).toHaveLength(6)
    // 一支部: S R W S R = 100.55 96.1 98 100.55 96.1 → 98.22, self 100.55, 98.22 − 100.55 = −2.33
    expect(rows[1]).toEqual([1, '一支部', 100.55, 96.1, 98, 100.55, 96.1, 98.22, 98.88, 100.55, -2.33, '红旗党支部', null, null, null])
    // 三支部 was reviewed by p1–p3 only; 二支部 is vetoed.
    expect(rows[2]?.slice(0, 7)).toEqual([2, '三支部', 96.1, 96.1, 100.55, null, null])
    expect(rows.map((r) => [r[1], r[13]])).toEqual([['支部', '一票否决'], ['一支部', null], ['三支部', null], ['四支部', null], ['二支部', MARK], ['五支部', MARK]])
    expect(sheet?.getCell('C2').type).toBe(ExcelJS.ValueType.Number)
  })

  it('formats points with two decimals, freezes the header row and sizes columns', async () => {
    const sheet = (await read(await cycleWorkbook([{ ...redFlag, people: {} }], labels))).worksheets[0]
    expect(sheet?.getCell('H2').numFmt).toBe('0.00')
    expect(sheet?.getCell('C3').numFmt).toBe('0.00')
    expect(sheet?.getCell('K2').numFmt).toBe('+0.00;-0.00;0.00')
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet?.getRow(1).font?.bold).toBe(true)
    const widths = sheet?.columns.map((c) => c.width ?? 0) ?? []
    expect(widths).toHaveLength(15)
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(8)
    // "红旗党支部" and "并列超额" are CJK: two places a character.
    expect(widths[11]).toBeGreaterThanOrEqual(12)
  })

  it('marks a quota tie and shows the rank change against the previous cycle', async () => {
    const { cycle, template, responses } = miniFixture()
    const result = evaluate(cycle, responses, template)
    const previous = evaluate(cycle, responses.filter((r) => r.subject?.unit !== 'S1' && r.subject?.unit !== ' S1 '), template)
    const table = summaryTable(cycle, result, previous)
    const rows = values((await read(await cycleWorkbook([{ title: cycle.title, table, people: {} }], labels))).worksheets[0])
    // Columns: rank, subject, a, b, c, d, total, percent, self, diff, band, tie, vetoed, change.
    expect(rows.slice(1).map((r) => [r[1], r[5], r[10], r[11], r[12], r[13]])).toEqual([
      ['S1', null, '优秀', MARK, null, null], // new: no previous rank
      ['S2', 97, '优秀', MARK, null, 0], // 1st before and now
      ['S3', null, '合格', null, null, -1], // 2nd before, 3rd now
      ['S4', null, '不合格', null, MARK, -1],
    ])
  })

  it('names one sheet per cycle, each name safe for Excel and unique', async () => {
    const empty: SummaryTable = { reviewers: [], rows: [] }
    const titles = ['2026/上半年: 评审[初评]?', '2026/上半年: 评审[初评]?', 'A'.repeat(40), 'a'.repeat(40), '']
    const book = await read(await cycleWorkbook(titles.map((title) => ({ title, table: empty, people: {} })), labels))
    const names = book.worksheets.map((w) => w.name)
    expect(names).toEqual(['2026 上半年  评审 初评', '2026 上半年  评审 初评 2', 'A'.repeat(31), `${'a'.repeat(29)} 2`, 'Sheet'])
    for (const name of names) expect(name).not.toMatch(/[[\]:*?/\\]/)
    expect(values(book.worksheets[0])).toEqual([['名次', '支部', '总分', '得分率', '自评分', '与自评差', '等次', '并列超额', '一票否决', '名次变化']])
  })

  it('keeps a subject or band that looks like a formula as text', async () => {
    const table: SummaryTable = {
      reviewers: ['=cmd'],
      rows: [{ ...redFlag.table.rows[0]!, label: '=HYPERLINK("http://x")', band: '+1', totals: [90] }],
    }
    const sheet = (await read(await cycleWorkbook([{ title: 'x', table, people: {} }], labels))).worksheets[0]
    expect(sheet?.getCell('B2').type).toBe(ExcelJS.ValueType.String)
    expect(sheet?.getCell('B2').value).toBe('=HYPERLINK("http://x")')
    expect(sheet?.getCell('C1').value).toBe('评委 =cmd')
    expect(sheet?.getCell('L2').formula).toBeFalsy()
  })
})
