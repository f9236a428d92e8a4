import { describe, expect, it } from 'vitest'
import { filterSummaries, followUpStatus, sortSummaries, subjectValues, type TaskTally } from '@/core/stats'
import { summary } from './builders'

describe('filterSummaries', () => {
  const a = summary({ id: 'a', subject: { building: '3号楼', floor: 2, room: '201' }, percent: 95, total: 95 })
  const b = summary({ id: 'b', subject: { building: '10号楼', floor: 1, room: '101' }, percent: 55, total: 55, band: '不合格', findingIds: ['smoking'] })
  const c = summary({ id: 'c', subject: { building: '3号楼', floor: 3, room: '301' }, role: 'review', inspector: '李老师', submittedAt: '2026-11-20T02:00:00.000Z', vetoed: true })
  const all = [a, b, c]

  it('matches subject fields as text, so a numeric floor matches the typed "2"', () => {
    expect(filterSummaries(all, { subject: { building: '3号楼', floor: '2' } }).map((s) => s.id)).toEqual(['a'])
  })

  it('ignores empty subject filters instead of matching nothing', () => {
    expect(filterSummaries(all, { subject: { building: '  ' } })).toHaveLength(3)
  })

  it('filters by inspector, role, band, findings and veto', () => {
    expect(filterSummaries(all, { inspector: '李老师' }).map((s) => s.id)).toEqual(['c'])
    expect(filterSummaries(all, { role: 'review' }).map((s) => s.id)).toEqual(['c'])
    expect(filterSummaries(all, { band: '不合格' }).map((s) => s.id)).toEqual(['b'])
    expect(filterSummaries(all, { hasFindings: true }).map((s) => s.id)).toEqual(['b'])
    expect(filterSummaries(all, { hasFindings: false }).map((s) => s.id).sort()).toEqual(['a', 'c'])
    expect(filterSummaries(all, { vetoed: true }).map((s) => s.id)).toEqual(['c'])
  })

  it('takes the period in China time: 2026-11-19T17:00Z is already the 20th in Beijing', () => {
    const late = summary({ id: 'late', submittedAt: '2026-11-19T17:00:00.000Z' })
    expect(filterSummaries([late], { from: '2026-11-20', to: '2026-11-20' }).map((s) => s.id)).toEqual(['late'])
    expect(filterSummaries([late], { to: '2026-11-19' })).toHaveLength(0)
  })

  it('filters by follow-up status from the task tally', () => {
    const tally: TaskTally = new Map([['b', { open: 0, total: 1 }]])
    expect(followUpStatus(b, tally)).toBe('closed')
    expect(followUpStatus(b, new Map([['b', { open: 1, total: 1 }]]))).toBe('open')
    expect(followUpStatus(a, tally)).toBe('clean')
    expect(filterSummaries(all, { status: 'closed' }, 'date-desc', tally).map((s) => s.id)).toEqual(['b'])
  })
})

describe('sortSummaries', () => {
  it('sorts by date or by percent in both directions, leaving the input alone', () => {
    const x = summary({ id: 'x', submittedAt: '2026-01-02T00:00:00Z', percent: 70 })
    const y = summary({ id: 'y', submittedAt: '2026-01-01T00:00:00Z', percent: 99 })
    const z = summary({ id: 'z', submittedAt: '2026-01-03T00:00:00Z', percent: 80 })
    const input = [x, y, z]
    expect(sortSummaries(input, 'date-desc').map((s) => s.id)).toEqual(['z', 'x', 'y'])
    expect(sortSummaries(input, 'date-asc').map((s) => s.id)).toEqual(['y', 'x', 'z'])
    expect(sortSummaries(input, 'score-desc').map((s) => s.id)).toEqual(['y', 'z', 'x'])
    expect(sortSummaries(input, 'score-asc').map((s) => s.id)).toEqual(['x', 'z', 'y'])
    expect(input.map((s) => s.id)).toEqual(['x', 'y', 'z'])
  })
})

describe('subjectValues', () => {
  it('lists distinct values in natural order (2号楼 before 10号楼)', () => {
    const list = ['10号楼', '2号楼', '2号楼', '1号楼'].map((building) => summary({ subject: { building } }))
    expect(subjectValues(list, 'building')).toEqual(['1号楼', '2号楼', '10号楼'])
  })
})
