import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/app/i18n'
import { scoreResponse } from '@/core/scoring'
import type { Response, Template } from '@/core/format/types'
import type { ResponseDetail } from '@/stores/responses'
import type { ResponseRow } from '@/db'
import { itemLines } from '@/components/results/rows'
import { answerWords, columnWidths, pointsLost, sectionZeroWords, verdictWords, type Translate } from '@/components/results/ledger'
import { fixture, readJson, sample } from '../../fixtures/load'

const star = readJson('tests/fixtures/star-rating-weighted/template.json') as Template
const conduct = sample('teacher-conduct-negative-list')

function linesOf(template: Template, response: Response) {
  const result = scoreResponse(template, response)
  const row = { id: 'x', role: 'self', subject: {}, inspector: '', status: 'submitted' } as unknown as ResponseRow
  const detail: ResponseDetail = { row, response, result, template, counterpart: null, attachments: new Map() }
  return { result, lines: itemLines(detail) }
}

const words = (lang: 'zh-CN' | 'en'): Translate => {
  const i18n = createAppI18n(lang)
  return (key, named) => i18n.global.t(key, named ?? {})
}

describe('ledger words', () => {
  it('prints a count of shortfalls as the box read it: 缺 1 次, not 1次', () => {
    const red = sample('red-flag-party-branch')
    const { lines } = linesOf(red, { templateId: red.id, templateVersion: red.version, answers: { 'first-topic': { value: 1 } } } as Response)
    const line = lines.find((l) => l.item.id === 'first-topic')!
    expect(answerWords(line.item as Parameters<typeof answerWords>[0], line.self, words('zh-CN'), 'zh-CN')).toBe('缺1次')
  })

  it('names a red line that zeroes a section, with the item and the section', () => {
    const { result, lines } = linesOf(star, fixture('star-rating-weighted', 'section-zeroed'))
    expect(sectionZeroWords(star, lines, result, words('zh-CN'), 'zh-CN')).toBe('红线（该部分记0分）：台账弄虚作假（基础项记0分） → 基础项（70%）')
    // A zeroed section is not a veto of the whole result.
    expect(verdictWords(star, lines, result, words('zh-CN'), 'zh-CN')).toBeNull()
  })

  it('names a red line that zeroes the total as 红线, never as 一票否决', () => {
    const dorm = sample('dorm-room-safety')
    const { result, lines } = linesOf(dorm, { templateId: dorm.id, templateVersion: dorm.version, answers: { 'cross-room-wiring': { value: 'yes' } } } as Response)
    expect(result.zeroes.map((z) => z.scope)).toEqual(['total'])
    expect(sectionZeroWords(dorm, lines, result, words('zh-CN'), 'zh-CN')).toBe('红线（总分记0分）：宿舍之间互拉电线')
    expect(sectionZeroWords(dorm, lines, result, words('en'), 'en')).toBe('Red line (total scores 0): 宿舍之间互拉电线')
    expect(verdictWords(dorm, lines, result, words('zh-CN'), 'zh-CN')).toBeNull()
  })

  it('words a ceiling in English with English punctuation', () => {
    const { result, lines } = linesOf(conduct, fixture('teacher-conduct-negative-list', 'one-minor'))
    const text = verdictWords(conduct, lines, result, words('en'), 'en')
    expect(text).toMatch(/^Band capped at 基本合格 \(because: .+ \(情节较轻\)\)$/)
    expect(text).not.toMatch(/[（）；：]/)
  })

  it('lists points lost but not bonus items', () => {
    const { lines } = linesOf(star, fixture('star-rating-weighted', 'section-zeroed'))
    expect(pointsLost(lines, 'self').some((l) => l.startsWith('党建创新项目'))).toBe(false)
  })

  it('gives column widths that fill the page for one side and for a pair', () => {
    for (const paired of [false, true]) expect(columnWidths(paired).reduce((a, b) => a + b, 0)).toBeCloseTo(100)
    expect(columnWidths(false)).toHaveLength(7)
    expect(columnWidths(true)).toHaveLength(10)
  })
})
