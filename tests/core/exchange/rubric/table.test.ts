import { describe, expect, it } from 'vitest'
import { parseRuleText, rubricTableToTemplate } from '@/core/exchange/rubric'
import { scoreResponse } from '@/core/scoring'
import { validateTemplate } from '@/core/validate'

describe('rule wording', () => {
  it('reads 每缺一次扣0.5分，扣完为止 as a per-occurrence deduction with the floor', () => {
    const p = parseRuleText('每缺一次扣0.5分，扣完为止')
    expect(p).toMatchObject({ deductEach: 0.5, unitLabel: '次', leftover: '' })
    expect(p.recognized).toEqual(['deductEach', 'floor'])
  })

  it('reads 不得分, 一票否决, 红线 and a one-off 扣2分', () => {
    expect(parseRuleText('未建立台账，该项不得分').zeroItem).toBe(true)
    expect(parseRuleText('发生重大违纪，一票否决').veto).toBe(true)
    expect(parseRuleText('使用违规电器属红线，总分计0分').zeroTotal).toBe(true)
    expect(parseRuleText('未公示扣2分')).toMatchObject({ deductOnce: 2, recognized: ['deductOnce'] })
  })

  it('keeps wording it cannot read as leftover text', () => {
    expect(parseRuleText('由支部书记综合评定').leftover).toBe('由支部书记综合评定')
    expect(parseRuleText('').leftover).toBe('')
  })
})

const table = [
  ['红旗党支部考核细则'],
  ['一级指标', '二级指标', '考核内容', '题型', '分值', '评分标准', '佐证材料'],
  ['组织建设', '三会一课', '按时召开支部党员大会', '', '5', '每缺一次扣0.5分，扣完为止', '会议记录照片'],
  ['', '', '按时上党课', '', '3', '未开展不得分', ''],
  ['', '组织生活', '开展主题党日', '', '4', '由支部书记综合评定', ''],
  ['纪律', '', '无违纪违法', '单选', '', '发生违纪一票否决', ''],
  ['', '', '', '', '', '', ''],
  ['纪律', '', '', '', '2', '', ''],
  ['纪律', '', '作风评议', '神秘题型', 'abc', '酌情', ''],
]

describe('rubric table → template', () => {
  const r = rubricTableToTemplate(table, '红旗党支部')

  it('builds two-level sections from the section columns, filling blank cells from above', () => {
    expect(r.template.sections.map((s) => s.title)).toEqual(['组织建设', '纪律'])
    expect(r.template.sections[0]?.sections?.map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      ['三会一课', ['按时召开支部党员大会', '按时上党课']],
      ['组织生活', ['开展主题党日']],
    ])
  })

  it('turns the wording into fields and keeps the rule as criteria', () => {
    const [meeting, lesson] = r.template.sections[0]?.sections?.[0]?.items ?? []
    expect(meeting).toMatchObject({ type: 'count', max: 5, deductEach: 0.5, unitLabel: '次', criteria: '每缺一次扣0.5分，扣完为止' })
    expect(meeting && 'evidence' in meeting && meeting.evidence).toEqual({ required: 'always', accept: ['image/*'] })
    expect(lesson).toMatchObject({ type: 'single', max: 3 })
    const veto = r.template.sections[1]?.items[0]
    expect(veto?.type === 'single' && veto.options.find((o) => o.veto === true)).toBeTruthy()
  })

  it('lists per-row problems with spreadsheet row numbers', () => {
    const byRow = (n: number): string[] => r.problems.filter((p) => p.row === n).map((p) => p.message.en)
    expect(byRow(5).join()).toMatch(/not understood/)
    expect(byRow(8).join()).toMatch(/no item text/)
    expect(byRow(9).join()).toMatch(/not a number.*Unknown type/)
    expect(r.problems.every((p) => p.row >= 1)).toBe(true)
  })

  it('gives a template that validates and scores: a missed meeting twice costs 1 point', () => {
    expect(validateTemplate(r.template).ok).toBe(true)
    const result = scoreResponse(r.template, { templateId: r.template.id, templateVersion: 1, answers: { q1: { value: 2 } } })
    expect(result.items.find((i) => i.id === 'q1')?.score).toBe(4)
  })

  it('reports a table without a header row and stores no items', () => {
    const bad = rubricTableToTemplate([['a', 'b'], ['1', '2']], 'x')
    expect(bad.rows).toEqual([])
    expect(bad.problems[0]?.severity).toBe('error')
  })
})
