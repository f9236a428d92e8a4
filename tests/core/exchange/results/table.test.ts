import { describe, expect, it } from 'vitest'
import { answerText, buildingTable, itemTable, summaryTable, uniqueColumns, type ResponseDetails } from '@/core/exchange/results/table'
import { summarize } from '@/core/stats'
import { scoreResponse } from '@/core/scoring'
import type { Response } from '@/core/format/types'
import { fixture, sample } from '../../../fixtures/load'

const dorm = sample('dorm-room-safety')
const zh = { lang: 'zh-CN', timeZone: 'Asia/Shanghai' } as const

function scored(response: Response, id: string, submittedAt = '2026-11-27T02:00:00Z') {
  const result = scoreResponse(dorm, response)
  const summary = summarize({ id, templateTitle: dorm.title, subject: response.subject ?? {}, inspector: '王老师', submittedAt }, result)
  return { summary, response, result }
}

describe('summaryTable', () => {
  const entry = scored(fixture('dorm-room-safety', 'winter-findings'), 'r1')

  it('has one row per response with subject labels, totals, band and one column per section', () => {
    const table = summaryTable([entry.summary], dorm, zh)
    expect(table.columns.slice(0, 4)).toEqual(['序号', '楼栋', '楼层', '房间号'])
    expect(table.columns).toContain('一、用电安全')
    expect(table.rows).toHaveLength(1)
    const row = table.rows[0] ?? []
    const col = (name: string) => row[table.columns.indexOf(name)]
    expect(col('楼栋')).toBe('3号楼')
    expect(col('得分')).toBe(entry.result.total)
    expect(col('等次')).toBe(entry.result.band?.label)
    expect(col('一票否决/等次上限')).toBe('否')
    expect(col('隐患数')).toBe(entry.result.findings.length)
    const electric = entry.result.sections.find((s) => s.id === 'electric')
    expect(col('一、用电安全')).toBe((electric?.score ?? NaN) + (electric?.bonus ?? 0))
  })

  it('has English headings in English', () => {
    expect(summaryTable([], dorm, { lang: 'en', timeZone: 'UTC' }).columns).toContain('Percent')
  })
})

describe('itemTable', () => {
  it('writes one row per visible answerable item, with option labels, units and points', () => {
    const entry = scored(fixture('dorm-room-safety', 'winter-findings'), 'r1')
    const table = itemTable([entry], dorm, zh)
    const visible = entry.result.items.filter((i) => !i.hidden)
    expect(table.rows).toHaveLength(visible.length)
    const socket = table.rows.find((r) => r[table.columns.indexOf('条目编号')] === 'socket-damaged') ?? []
    expect(socket[table.columns.indexOf('隐患')]).toBe('是')
    expect(typeof socket[table.columns.indexOf('回答')]).toBe('string')
  })

  it('renders answers in words', () => {
    const item = dorm.sections[0]?.items.find((i) => i.id === 'cross-room-wiring')
    const label = item && 'options' in item ? item.options.find((o) => o.id === 'yes')?.label : undefined
    expect(answerText(item, { value: 'yes' }, 'zh-CN')).toBe(label)
    expect(answerText(undefined, undefined, 'zh-CN')).toBe('')
    expect(answerText({ id: 'p', type: 'photo', title: 'p' }, { value: ['a', 'b'] }, 'zh-CN')).toBe('2个附件')
  })
})

describe('times in exports', () => {
  it('writes 提交时间 as local wall-clock text in the zone given, not UTC ISO text', () => {
    const entry = scored(fixture('dorm-room-safety', 'winter-findings'), 'r1', '2026-12-02T11:42:38Z')
    const at = (t: { columns: string[]; rows: unknown[][] }) => t.rows[0]?.[t.columns.indexOf('提交时间')]
    expect(at(summaryTable([entry.summary], dorm, zh))).toBe('2026-12-02 19:42')
    expect(at(itemTable([entry], dorm, zh))).toBe('2026-12-02 19:42')
    expect(at(summaryTable([entry.summary], dorm, { lang: 'zh-CN', timeZone: 'UTC' }))).toBe('2026-12-02 11:42')
    const building = buildingTable([entry.summary], dorm, zh)
    expect(building.rows.map((r) => r[building.columns.indexOf('提交时间')])[0]).toBe('2026-12-02 19:42')
  })
})

describe('summaryTable with item columns', () => {
  const entry = scored(fixture('dorm-room-safety', 'winter-findings'), 'r1')
  const details = new Map<string, ResponseDetails>([['r1', { response: entry.response, result: entry.result }]])

  it('adds an answer and a points column per scored item, in template order, and leaves them out by default', () => {
    const plain = summaryTable([entry.summary], dorm, zh)
    const wide = summaryTable([entry.summary], dorm, { ...zh, itemColumns: details })
    expect(plain.columns.some((c) => c.endsWith('（回答）'))).toBe(false)
    const socket = dorm.sections.flatMap((s) => s.items).find((i) => i.id === 'socket-damaged')
    if (!socket) throw new Error('sample changed')
    const answerCol = wide.columns.indexOf(`${socket.title}（回答）`)
    const pointsCol = wide.columns.indexOf(`${socket.title}（得分）`)
    expect(answerCol).toBeGreaterThan(0)
    expect(pointsCol).toBe(answerCol + 1)
    const row = wide.rows[0] ?? []
    const result = entry.result.items.find((i) => i.id === 'socket-damaged')
    expect(row[pointsCol]).toBe(result?.score)
    expect(row[answerCol]).toBe(answerText(socket, entry.response.answers['socket-damaged'], 'zh-CN'))
    // The standard columns keep their places; version and id stay last.
    expect(wide.columns.slice(0, plain.columns.length - 2)).toEqual(plain.columns.slice(0, -2))
    expect(wide.columns.slice(-2)).toEqual(['版本', '记录编号'])
    expect(wide.rows[0]?.length).toBe(wide.columns.length)
  })

  it('leaves the item cells blank for a response whose answers were not read', () => {
    const wide = summaryTable([entry.summary], dorm, { ...zh, itemColumns: new Map() })
    const first = wide.columns.findIndex((c) => c.endsWith('（回答）'))
    expect((wide.rows[0] ?? []).slice(first, -2).every((c) => c === '' || c === null)).toBe(true)
  })

  it('never repeats a column name', () => {
    expect(uniqueColumns(['得分', '楼栋', '得分', '得分'])).toEqual(['得分', '楼栋', '得分 (2)', '得分 (3)'])
    const wide = summaryTable([entry.summary], dorm, { ...zh, itemColumns: details })
    expect(new Set(wide.columns).size).toBe(wide.columns.length)
  })
})

describe('buildingTable', () => {
  const base = fixture('dorm-room-safety', 'clean-room-defaults')
  const finding = fixture('dorm-room-safety', 'winter-findings')
  const rooms = [
    { subject: { building: '3号楼', floor: 12, room: '1201' }, response: base },
    { subject: { building: '2号楼', floor: 1, room: '105' }, response: finding },
    { subject: { building: '3号楼', floor: 2, room: '203' }, response: finding },
    { subject: { building: '3号楼', floor: 2, room: '201' }, response: base },
  ].map(({ subject, response }, i) => scored({ ...response, subject }, `r${i}`).summary)
  const openTasks = new Map([['r1', 2], ['r2', 1]])
  const table = buildingTable(rooms, dorm, { ...zh, openTasks })
  const col = (name: string) => table.columns.indexOf(name)
  const rowsOf = (level: string) => table.rows.filter((r) => r[col('行类型')] === level)

  it('has building, floor and room once each, and no repeated column', () => {
    expect(table.columns.slice(0, 4)).toEqual(['楼栋', '楼层', '房间号', '行类型'])
    expect(table.columns.filter((c) => c === '楼栋')).toHaveLength(1)
    expect(new Set(table.columns).size).toBe(table.columns.length)
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length)
  })

  it('orders results by building, floor, then room number from small to large, each floor followed by its subtotal', () => {
    expect(table.rows.map((r) => `${r[0]}/${r[1]}/${r[2]}/${r[3]}`)).toEqual([
      '2号楼/1/105/明细',
      '2号楼/1//楼层小计',
      '2号楼///楼栋合计',
      '3号楼/2/201/明细',
      '3号楼/2/203/明细',
      '3号楼/2//楼层小计',
      '3号楼/12/1201/明细',
      '3号楼/12//楼层小计',
      '3号楼///楼栋合计',
      '///总计',
    ])
  })

  it('adds up each building and floor: count, mean, min, flagged, findings, open 整改', () => {
    const [clean, flagged] = [rooms[0], rooms[1]]
    if (!clean || !flagged) throw new Error('no rooms')
    expect(flagged.findingIds.length).toBeGreaterThan(0)
    expect(clean.findingIds).toEqual([])
    const floor2 = rowsOf('楼层小计').find((r) => r[0] === '3号楼' && r[1] === '2')
    const pick = (row: unknown[] | undefined, name: string) => row?.[col(name)]
    expect(pick(floor2, '检查数')).toBe(2)
    expect(pick(floor2, '平均分')).toBe(Math.round(((clean.total + flagged.total) / 2) * 100) / 100)
    expect(pick(floor2, '最低分')).toBe(Math.min(clean.total, flagged.total))
    expect(pick(floor2, '有隐患')).toBe(1)
    expect(pick(floor2, '隐患数')).toBe(flagged.findingIds.length)
    expect(pick(floor2, '未完成整改')).toBe(1)
    const b3 = rowsOf('楼栋合计').find((r) => r[0] === '3号楼')
    expect([pick(b3, '检查数'), pick(b3, '有隐患'), pick(b3, '未完成整改')]).toEqual([3, 1, 1])
    const all = rowsOf('总计')[0]
    expect([pick(all, '检查数'), pick(all, '有隐患'), pick(all, '未完成整改')]).toEqual([4, 2, 3])
    expect(pick(all, '最低分')).toBe(Math.min(...rooms.map((r) => r.total)))
    // Aggregate rows leave the per-result columns blank.
    expect([pick(all, '等次'), pick(all, '检查人'), pick(all, '提交时间')]).toEqual(['', '', ''])
  })

  it('has English headings and row kinds in English', () => {
    const en = buildingTable(rooms, dorm, { lang: 'en', timeZone: 'UTC' })
    expect(en.columns).toEqual(expect.arrayContaining(['Row', 'Checks', 'Mean', 'Lowest', 'With findings', 'Open rectifications']))
    expect(en.rows.at(-1)?.[en.columns.indexOf('Row')]).toBe('Grand total')
  })
})
