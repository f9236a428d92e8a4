import { describe, expect, it } from 'vitest'
import { parseAmount, parseRuleText } from '@/core/exchange/rubric'

/**
 * Real wording, from the rubrics collected in shared/domain/rubrics-research.md (党建质量考核表,
 * "六有"规范化建设考评表, 红旗党支部细则草案, 宿舍检查细则), and what each must read as.
 */
type Expect = { tokens: string[]; clauses: number; each?: number; unit?: string; once?: number }

const ONE_CLAUSE: Array<[string, Expect]> = [
  ['每缺一次扣0.5分，扣完为止', { tokens: ['deductEach', 'floor'], clauses: 1, each: 0.5, unit: '次' }],
  ['缺1次扣0.5', { tokens: ['deductEach'], clauses: 1, each: 0.5, unit: '次' }],
  ['少一次扣0.5分', { tokens: ['deductEach'], clauses: 1, each: 0.5, unit: '次' }],
  ['过期一具扣1分', { tokens: ['deductEach'], clauses: 1, each: 1, unit: '具' }],
  ['乱拉电线一根扣2', { tokens: ['deductEach'], clauses: 1, each: 2, unit: '根' }],
  ['超过500W电器一件扣1', { tokens: ['deductEach'], clauses: 1, each: 1, unit: '件' }],
  ['离人不锁门一次扣0.5', { tokens: ['deductEach'], clauses: 1, each: 0.5, unit: '次' }],
  ["'三重一大'未落实一次扣2分", { tokens: ['deductEach'], clauses: 1, each: 2, unit: '次' }],
  ['缺1人次扣0.5', { tokens: ['deductEach'], clauses: 1, each: 0.5, unit: '人次' }],
  ['每缺一名支委扣5分', { tokens: ['deductEach'], clauses: 1, each: 5, unit: '名' }],
  ['每份不规范扣0.2', { tokens: ['deductEach'], clauses: 1, each: 0.2, unit: '份' }],
  ['每例扣0.5', { tokens: ['deductEach'], clauses: 1, each: 0.5, unit: '例' }],
  ['乱拉电线、人走不拔插线板每处2分', { tokens: ['deductEach'], clauses: 1, each: 2, unit: '处' }],
  ['标牌、党旗誓词、制度上墙、档案柜及档案盒标示、管理制度及使用登记，每缺一项扣1', { tokens: ['deductEach'], clauses: 1, each: 1, unit: '项' }],
  ['每缺一次扣两分', { tokens: ['deductEach'], clauses: 1, each: 2, unit: '次' }],
  ['党员活动场所未悬挂党旗、入党誓词等的扣1分', { tokens: ['deductOnce'], clauses: 1, once: 1 }],
  ['党员人数7人以上未设立支委会的扣1分', { tokens: ['deductOnce'], clauses: 1, once: 1 }],
  ['未按要求落实党支部工作记事制度的扣2分', { tokens: ['deductOnce'], clauses: 1, once: 2 }],
  ['一次性扣5分', { tokens: ['deductOnce'], clauses: 1, once: 5 }],
  ['未设扣4', { tokens: ['deductOnce'], clauses: 1, once: 4 }],
  ['班子成员中有违规违纪的不得分', { tokens: ['zeroItem'], clauses: 1 }],
  ['发生违纪违法行为一票否决', { tokens: ['veto'], clauses: 1 }],
]

const SEVERAL_CLAUSES: Array<[string, string[]]> = [
  ['未分类扣2分；未登记扣1分', ['未分类', '未登记']],
  ['程序不完整的扣1分，没有召开组织生活会的不得分', ['程序不完整', '没有召开组织生活会']],
  ['未开不得分；程序不全扣1', ['未开', '程序不全']],
  ['未设支委会扣1；支委缺额未补扣1；分工不明扣1', ['未设支委会', '支委缺额未补', '分工不明']],
  ['无计划扣3；内容空泛缺一项扣1', ['无计划', '内容空泛缺']],
  ['缺1次扣0.5；出勤率<90%每低10%扣1', ['缺', '出勤率<90%']],
  ['较轻1例扣3；较重以上即触发否决', ['较轻', '较重以上']],
  ['存放2分/件，使用中4分/件', ['存放', '使用中']],
]

describe('rule wording, clause by clause', () => {
  it.each(ONE_CLAUSE)('reads %s', (text, e) => {
    const p = parseRuleText(text)
    expect(p.recognized).toEqual(e.tokens)
    expect(p.clauses).toHaveLength(e.clauses)
    expect(p.deductEach).toBe(e.each)
    expect(p.unitLabel).toBe(e.unit)
    expect(p.deductOnce).toBe(e.once)
    expect(p.leftover).toBe('')
  })

  it.each(SEVERAL_CLAUSES)('keeps every clause of %s with what triggers it', (text, conditions) => {
    expect(parseRuleText(text).clauses.map((c) => c.condition)).toEqual(conditions)
  })

  it('gives each clause its own points: 未分类扣2分；未登记扣1分 is 2 and 1, not one 2', () => {
    expect(parseRuleText('未分类扣2分；未登记扣1分').clauses.map((c) => c.deductOnce)).toEqual([2, 1])
  })

  it('joins the words before a bare 扣2分 to its clause', () => {
    expect(parseRuleText('发现未关闭电源的，扣2分').clauses).toMatchObject([{ condition: '未关闭电源', deductOnce: 2 }])
  })
})

describe('amounts in Chinese numerals', () => {
  it.each([
    ['0.5', 0.5], ['12', 12], ['一', 1], ['两', 2], ['十', 10], ['十五', 15], ['二十', 20], ['一百零五', 105], ['半', 0.5], ['二三', null], ['完', null],
  ] as const)('reads %s as %s', (text, value) => {
    expect(parseAmount(text)).toBe(value)
  })
})

describe('clauses that only qualify the one before', () => {
  it.each([
    ['使用违规电器属红线，总分计0分', ['zeroTotal']],
    ['未公示扣2分，一票否决', ['deductOnce', 'veto']],
    ['发生违纪，一票否决', ['veto']],
  ])('%s is one clause', (text, tokens) => {
    const p = parseRuleText(text)
    expect(p.clauses).toHaveLength(1)
    expect(p.clauses[0]?.recognized).toEqual(tokens)
  })
})
