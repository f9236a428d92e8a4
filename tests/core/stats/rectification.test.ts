import { describe, expect, it } from 'vitest'
import { countTasks, isOverdue, rectificationDays, summarize, taskDrafts } from '@/core/stats'
import { scoreResponse } from '@/core/scoring'
import { fixture, sample } from '../../fixtures/load'

const dorm = sample('dorm-room-safety')

describe('taskDrafts', () => {
  it('opens one task per finding of the dorm sample, due after its three default days', () => {
    const result = scoreResponse(dorm, fixture('dorm-room-safety', 'winter-findings'))
    const drafts = taskDrafts(dorm, result, '2026-11-27T02:00:00.000Z')
    expect(drafts.map((d) => d.itemId)).toEqual(result.findings.map((f) => f.itemId))
    expect(drafts.length).toBeGreaterThan(2)
    expect(new Set(drafts.map((d) => d.deadline))).toEqual(new Set(['2026-11-30T02:00:00.000Z']))
    expect(drafts.find((d) => d.itemId === 'socket-damaged')?.sectionId).toBe('electric')
  })

  it('defaults to seven days when the template says nothing', () => {
    expect(rectificationDays({})).toBe(7)
    expect(rectificationDays({ rectification: { defaultDays: 0 } })).toBe(0)
  })
})

describe('overdue and counts', () => {
  const now = '2026-11-27T00:00:00.000Z'
  const past = '2026-11-26T00:00:00.000Z'
  const future = '2026-11-28T00:00:00.000Z'

  it('calls a task overdue when its deadline passed and it is not verified', () => {
    expect(isOverdue({ status: 'open', deadline: past }, now)).toBe(true)
    expect(isOverdue({ status: 'rectified', deadline: past }, now)).toBe(true)
    expect(isOverdue({ status: 'verified', deadline: past }, now)).toBe(false)
    expect(isOverdue({ status: 'open', deadline: future }, now)).toBe(false)
  })

  it('counts open (overdue included), overdue and closed', () => {
    const counts = countTasks(
      [
        { status: 'open', deadline: past },
        { status: 'rectified', deadline: future },
        { status: 'verified', deadline: past },
      ],
      now,
    )
    expect(counts).toEqual({ open: 2, overdue: 1, closed: 1 })
  })
})

describe('summarize', () => {
  it('keeps what lists need: total, band, findings, red lines and top-level sections', () => {
    const response = fixture('dorm-room-safety', 'red-line-in-use')
    const result = scoreResponse(dorm, response)
    const s = summarize({ id: 'x', templateTitle: dorm.title, subject: response.subject ?? {}, inspector: '王', submittedAt: '2026-11-27T02:00:00Z' }, result)
    expect(s.total).toBe(result.total)
    expect(s.band).toBe(result.band?.label ?? null)
    expect(s.redLines).toBeGreaterThan(0)
    expect(s.findingIds).toEqual(result.findings.map((f) => f.itemId))
    expect(s.sections.map((x) => x.id)).toEqual(result.sections.filter((x) => !x.hidden).map((x) => x.id))
    expect(s.role).toBe('self')
  })
})
