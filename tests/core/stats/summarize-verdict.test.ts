import { describe, expect, it } from 'vitest'
import { followUpStatus, summarize } from '@/core/stats'
import { verdictCell } from '@/core/exchange/results/labels'
import { scoreResponse } from '@/core/scoring'
import type { Response } from '@/core/format/types'
import { sample } from '../../fixtures/load'

const conduct = sample('teacher-conduct-negative-list')
const meta = { id: 'r', templateTitle: conduct.title, subject: { teacher: '王' }, inspector: '李', submittedAt: '2026-11-27T02:00:00Z' }
const firstItem = conduct.sections[0]?.items[0]?.id ?? ''

function answered(option: 'minor' | 'major'): Response {
  return { templateId: conduct.id, templateVersion: conduct.version, answers: { [firstItem]: { value: option } } }
}

describe('summaries name a ceiling apart from a veto', () => {
  it('one 情节较轻 caps the grade: not vetoed, not a red line, verdict ceiling', () => {
    const s = summarize(meta, scoreResponse(conduct, answered('minor')), conduct)
    expect(s).toMatchObject({ vetoed: false, verdict: 'ceiling', redLines: 0 })
    expect(verdictCell(s, 'zh-CN')).toBe('等次上限')
  })

  it('one 情节较重 is a 一票否决 and a red line', () => {
    const s = summarize(meta, scoreResponse(conduct, answered('major')), conduct)
    expect(s).toMatchObject({ vetoed: true, verdict: 'veto', redLines: 1 })
    expect(verdictCell(s, 'zh-CN')).toBe('一票否决')
    expect(verdictCell(s, 'en')).toBe('veto')
  })

  it('without the template (an old summary) a veto hit still reads as a veto', () => {
    const s = summarize(meta, scoreResponse(conduct, answered('minor')))
    expect(s.vetoed).toBe(true)
    expect(verdictCell({ vetoed: false }, 'zh-CN')).toBe('否')
  })
})

describe('findings that open no tasks need no follow-up', () => {
  it('a conduct list’s problems leave the response clean for follow-up; a dorm hazard without tasks stays open', () => {
    const s = summarize(meta, scoreResponse(conduct, answered('minor')), conduct)
    expect(s.findingIds).toHaveLength(1)
    expect(s.noTasks).toBe(true)
    expect(followUpStatus(s, new Map())).toBe('clean')
    expect(followUpStatus({ ...s, noTasks: undefined }, new Map())).toBe('open')
  })
})
