import { describe, expect, it } from 'vitest'
import { answerText, buildingTable, itemTable, summaryTable } from '@/core/exchange/results/table'
import { summarize } from '@/core/stats'
import { scoreResponse } from '@/core/scoring'
import type { Response } from '@/core/format/types'
import { fixture, sample } from '../../../fixtures/load'

const dorm = sample('dorm-room-safety')

function scored(response: Response, id: string, submittedAt = '2026-11-27T02:00:00Z') {
  const result = scoreResponse(dorm, response)
  const summary = summarize({ id, templateTitle: dorm.title, subject: response.subject ?? {}, inspector: '王老师', submittedAt }, result)
  return { summary, response, result }
}

describe('summaryTable', () => {
  const entry = scored(fixture('dorm-room-safety', 'winter-findings'), 'r1')

  it('has one row per response with subject labels, totals, band and one column per section', () => {
    const table = summaryTable([entry.summary], dorm, 'zh-CN')
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
    expect(summaryTable([], dorm, 'en').columns).toContain('Percent')
  })
})

describe('itemTable', () => {
  it('writes one row per visible answerable item, with option labels, units and points', () => {
    const entry = scored(fixture('dorm-room-safety', 'winter-findings'), 'r1')
    const table = itemTable([entry], dorm, 'zh-CN')
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

describe('buildingTable', () => {
  it('orders rows by building, then room number from small to large', () => {
    const base = fixture('dorm-room-safety', 'clean-room-defaults')
    const entries = [
      { building: '3号楼', floor: 12, room: '1201' },
      { building: '2号楼', floor: 1, room: '105' },
      { building: '3号楼', floor: 2, room: '203' },
    ].map((subject, i) => scored({ ...base, subject }, `r${i}`).summary)
    const table = buildingTable(entries, dorm, 'zh-CN')
    const room = table.columns.indexOf('房间号')
    expect(table.columns[0]).toBe('楼栋')
    expect(table.rows.map((r) => `${r[0]}/${r[room]}`)).toEqual(['2号楼/105', '3号楼/203', '3号楼/1201'])
  })
})
