import { describe, expect, it } from 'vitest'
import { buildingReport, groupStats } from '@/core/stats'
import { summary } from './builders'

describe('buildingReport aggregates', () => {
  const rows = [
    summary({ id: 'a', subject: { building: '3号楼', floor: 2, room: '202' }, total: 80, percent: 80, findingIds: ['x', 'y'] }),
    summary({ id: 'b', subject: { building: '3号楼', floor: 2, room: '201' }, total: 95, percent: 95 }),
    summary({ id: 'c', subject: { building: '3号楼', floor: 10, room: '1001' }, total: 70.5, percent: 70.5, findingIds: ['x'] }),
    summary({ id: 'd', subject: { building: '10号楼', floor: 1, room: '101' }, total: 100, percent: null }),
  ]
  const report = buildingReport(rows, { openTasks: new Map([['a', 2], ['c', 1], ['zzz', 9]]) })

  it('splits each building into floors in natural order, rooms ascending within a floor', () => {
    expect(report.map((g) => g.building)).toEqual(['3号楼', '10号楼'])
    expect(report[0]?.floors.map((f) => [f.floor, f.rows.map((r) => r.subject.room)])).toEqual([
      ['2', ['201', '202']],
      ['10', ['1001']],
    ])
    expect(report[0]?.rows.map((r) => r.id)).toEqual(['b', 'a', 'c'])
  })

  it('counts, averages, takes the lowest, and counts flagged results and open tasks per floor and building', () => {
    expect(report[0]?.floors[0]?.stats).toEqual({ count: 2, mean: 87.5, min: 80, meanPercent: 87.5, flagged: 1, findings: 2, openTasks: 2 })
    expect(report[0]?.stats).toEqual({ count: 3, mean: 81.83, min: 70.5, meanPercent: 81.8, flagged: 2, findings: 3, openTasks: 3 })
    expect(report[0]?.average).toBe(81.8)
    // A template without a max has no percent: the mean percent is unknown, not zero.
    expect(report[1]?.stats).toMatchObject({ count: 1, mean: 100, min: 100, meanPercent: null, openTasks: 0 })
  })

  it('has nothing to average in an empty group', () => {
    expect(groupStats([])).toEqual({ count: 0, mean: null, min: null, meanPercent: null, flagged: 0, findings: 0, openTasks: 0 })
  })

  it('reads other subject field ids when told', () => {
    const custom = [summary({ subject: { dept: '数学组', room: '1' } }), summary({ subject: { dept: '语文组', room: '2' } })]
    expect(buildingReport(custom, { fields: { building: 'dept' } }).map((g) => g.building)).toEqual(['数学组', '语文组'])
  })
})
