import { describe, expect, it } from 'vitest'
import { buildDashboard, weekKey, monthKey, buildingReport } from '@/core/stats'
import { summary } from './builders'

describe('buildDashboard', () => {
  const list = [
    summary({ percent: 95, band: '优秀', bandIndex: 0, submittedAt: '2026-11-02T02:00:00Z', subject: { building: '3号楼', floor: 2 }, findingIds: [] }),
    summary({ percent: 85, band: '良好', bandIndex: 1, submittedAt: '2026-11-03T02:00:00Z', subject: { building: '3号楼', floor: 3 }, findingIds: ['smoking', 'wiring'] }),
    summary({ percent: 0, band: '不合格', bandIndex: 3, submittedAt: '2026-11-10T02:00:00Z', subject: { building: '10号楼', floor: 2 }, findingIds: ['smoking'], redLines: 1, vetoed: false }),
    summary({ percent: 100, band: '优秀', bandIndex: 0, submittedAt: '2026-12-01T02:00:00Z', subject: { building: '2号楼', floor: 1 }, findingIds: [] }),
  ]
  const d = buildDashboard(list, {
    fields: ['building', 'floor'],
    titles: { smoking: '室内吸烟', wiring: '私拉乱接' },
    tasks: [
      { status: 'verified', deadline: '2026-11-05T00:00:00Z' },
      { status: 'open', deadline: '2026-11-05T00:00:00Z' },
      { status: 'rectified', deadline: '2026-11-05T00:00:00Z' },
    ],
  })

  it('averages the percent and buckets it in tens, 100 in the top bucket', () => {
    expect(d.count).toBe(4)
    expect(d.average).toBe(70)
    expect(d.distribution.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 2])
  })

  it('counts bands best first and red lines', () => {
    expect(d.bands).toEqual([
      { label: '优秀', count: 2 },
      { label: '良好', count: 1 },
      { label: '不合格', count: 1 },
    ])
    expect(d.redLines).toBe(1)
  })

  it('trends by ISO week and by month, oldest first', () => {
    expect(d.byMonth).toEqual([
      { period: '2026-11', count: 3, average: 60 },
      { period: '2026-12', count: 1, average: 100 },
    ])
    expect(d.byWeek.map((p) => p.period)).toEqual(['2026-W45', '2026-W46', '2026-W49'])
    expect(d.byWeek[0]).toEqual({ period: '2026-W45', count: 2, average: 90 })
  })

  it('averages by subject field in natural order', () => {
    expect(d.bySubject.building).toEqual([
      { value: '2号楼', count: 1, average: 100 },
      { value: '3号楼', count: 2, average: 90 },
      { value: '10号楼', count: 1, average: 0 },
    ])
    expect(d.bySubject.floor?.map((g) => g.value)).toEqual(['1', '2', '3'])
  })

  it('ranks the most frequent findings with their titles, and the rectification rate', () => {
    expect(d.topFindings).toEqual([
      { itemId: 'smoking', title: '室内吸烟', count: 2 },
      { itemId: 'wiring', title: '私拉乱接', count: 1 },
    ])
    expect(d.rectification).toEqual({ total: 3, verified: 1, rate: 33.3 })
  })

  it('has no average and no rate for nothing', () => {
    const empty = buildDashboard([])
    expect(empty.average).toBeNull()
    expect(empty.rectification.rate).toBeNull()
  })
})

describe('calendar keys', () => {
  it('use China time and ISO weeks across the new year', () => {
    expect(monthKey('2026-11-30T16:30:00Z')).toBe('2026-12')
    expect(weekKey('2027-01-01T04:00:00Z')).toBe('2026-W53')
    expect(weekKey('2026-01-01T04:00:00Z')).toBe('2026-W01')
  })
})

describe('buildingReport', () => {
  it('groups by building and orders rooms from small to large (以楼为单位、房间号从小到大)', () => {
    const rooms = [
      { building: '3号楼', floor: 10, room: '1002' },
      { building: '3号楼', floor: 2, room: '210' },
      { building: '10号楼', floor: 1, room: '101' },
      { building: '3号楼', floor: 2, room: '202' },
    ].map((subject) => summary({ subject, percent: 80 }))
    const report = buildingReport(rooms)
    expect(report.map((g) => g.building)).toEqual(['3号楼', '10号楼'])
    expect(report[0]?.rows.map((r) => r.subject.room)).toEqual(['202', '210', '1002'])
    expect(report[0]?.average).toBe(80)
  })
})
