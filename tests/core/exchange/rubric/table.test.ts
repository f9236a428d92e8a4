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

/** A one-row table under the usual header; `type` is the 题型 cell. */
const oneRow = (rule: string, max = '5', type = ''): string[][] => [
  ['一级指标', '考核内容', '题型', '分值', '评分标准'],
  ['档案管理', '党员档案', type, max, rule],
]

describe('rules of several clauses', () => {
  it('makes 未分类扣2分；未登记扣1分 one option per clause, so both can be deducted', () => {
    const r = rubricTableToTemplate(oneRow('未分类扣2分；未登记扣1分'), 'x')
    const item = r.template.sections[0]?.items[0]
    expect(item).toMatchObject({
      type: 'multi',
      max: 5,
      options: [
        { id: 'c1', label: '未分类', deduct: 2, flag: true },
        { id: 'c2', label: '未登记', deduct: 1, flag: true },
      ],
    })
    expect(validateTemplate(r.template).ok).toBe(true)
    const score = (value: string[]): number | undefined =>
      scoreResponse(r.template, { templateId: r.template.id, templateVersion: 1, answers: { q1: { value } } }).items.find((i) => i.id === 'q1')?.score
    expect([score([]), score(['c1']), score(['c2']), score(['c1', 'c2'])]).toEqual([5, 3, 4, 2])
    expect(r.rows[0]?.needsReview).toBe(false)
  })

  it('a 单选 row keeps the clauses as alternatives beside 合格; 不得分 takes the whole max', () => {
    const item = rubricTableToTemplate(oneRow('未开不得分；程序不全扣1', '2', '单选'), 'x').template.sections[0]?.items[0]
    expect(item).toMatchObject({ type: 'single', max: 2, options: [{ label: '合格', deduct: 0 }, { label: '未开', deduct: 2 }, { label: '程序不全', deduct: 1 }] })
  })

  it.each([
    ['无计划扣3；内容空泛缺一项扣1'],
    ['缺1次扣0.5；出勤率<90%每低10%扣1'],
    ['较轻1例扣3；较重以上即触发否决'],
  ])('flags %s 需人工确认 in the preview instead of keeping one clause silently', (rule) => {
    const r = rubricTableToTemplate(oneRow(rule), 'x')
    expect(r.rows[0]?.needsReview).toBe(true)
    const warning = r.problems.find((p) => p.row === 2 && p.message['zh-CN'].startsWith('需人工确认'))
    expect(warning?.message['zh-CN']).toContain(rule.split('；')[1] ?? '')
    expect(warning?.message.en).toMatch(/^Needs a manual check/)
  })

  it.each([
    ['无计划扣3；内容空泛缺一项扣1', { type: 'single', max: 5 }],
    ['缺1次扣0.5；出勤率<90%每低10%扣1', { type: 'count', deductEach: 0.5, unitLabel: '次' }],
  ])('a flagged row %s follows its first clause, as the warning says', (rule, shape) => {
    const r = rubricTableToTemplate(oneRow(rule), 'x')
    const item = r.template.sections[0]?.items[0]
    expect(item).toMatchObject(shape)
    if (item?.type === 'single') expect(item.options.find((o) => o.flag)?.deduct).toBe(3)
  })

  it('a rule of one clause is not flagged', () => {
    const r = rubricTableToTemplate(oneRow('每缺一次扣0.5分，扣完为止'), 'x')
    expect(r.rows[0]?.needsReview).toBe(false)
    expect(r.problems.some((p) => p.message['zh-CN'].includes('需人工确认'))).toBe(false)
  })
})

describe('counted deductions', () => {
  it('makes 过期一具扣1分 a count of 具, not a yes/no item', () => {
    const r = rubricTableToTemplate(oneRow('灭火器过期一具扣1分', '4'), 'x')
    const item = r.template.sections[0]?.items[0]
    expect(item).toMatchObject({ type: 'count', max: 4, deductEach: 1, unitLabel: '具' })
    const result = scoreResponse(r.template, { templateId: r.template.id, templateVersion: 1, answers: { q1: { value: 3 } } })
    expect(result.items.find((i) => i.id === 'q1')?.score).toBe(1)
  })

  it('reads a deduction in Chinese numerals: 每缺一次扣两分', () => {
    expect(rubricTableToTemplate(oneRow('每缺一次扣两分'), 'x').template.sections[0]?.items[0]).toMatchObject({ type: 'count', deductEach: 2 })
  })
})

describe('the template title', () => {
  it('comes from a heading row above the header, not the file name', () => {
    expect(rubricTableToTemplate(table, '红旗党支部').template.title).toBe('红旗党支部考核细则')
    expect(rubricTableToTemplate(table, { fileName: 'export(3)', sheetName: '评分表' }).template.title).toBe('红旗党支部考核细则')
  })

  it('comes from the sheet name when there is no heading row', () => {
    expect(rubricTableToTemplate(oneRow('扣1分'), { fileName: 'export(3)', sheetName: '消防安全检查评分表' }).template.title).toBe('消防安全检查评分表')
  })

  it('falls back to the file name when the sheet has a default name or there is no sheet', () => {
    expect(rubricTableToTemplate(oneRow('扣1分'), { fileName: '消防检查', sheetName: 'Sheet1' }).template.title).toBe('消防检查')
    expect(rubricTableToTemplate(oneRow('扣1分'), { fileName: '消防检查', sheetName: '工作表1' }).template.title).toBe('消防检查')
    expect(rubricTableToTemplate(oneRow('扣1分'), '消防检查').template.title).toBe('消防检查')
  })
})

describe('problems in the words of a spreadsheet', () => {
  it('says a veto needs grades without naming format fields', () => {
    const r = rubricTableToTemplate(oneRow('发生违纪违法行为一票否决', '10', '单选'), 'x')
    expect(r.problems.some((p) => p.message['zh-CN'].includes('一票否决') && p.message['zh-CN'].includes('等级'))).toBe(true)
    for (const p of r.problems) {
      expect(p.message['zh-CN']).not.toMatch(/[A-Za-z]/)
      expect(p.message.en).not.toMatch(/scoring\.bands|deductEach|\bdeduct\b|\bmax\b/)
    }
  })
})
