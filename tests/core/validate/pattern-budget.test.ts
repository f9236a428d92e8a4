/**
 * A template's patterns are compiled within one total budget (pattern-budget.ts): many distinct,
 * individually acceptable patterns are refused at the first one past it, with one bilingual
 * issue, and the patterns after it are never compiled.
 */
import { describe, expect, it } from 'vitest'
import type { Template } from '@/core/format/types'
import { validateTemplate } from '@/core/validate'
import { MAX_PATTERN_TOTAL } from '@/core/validate/pattern-budget'
import { compilePattern, MAX_PATTERN_PROGRAM } from '@/core/validate/safe-pattern'

function withPatterns(patterns: Array<string | undefined>, extra: (i: number) => Record<string, unknown> = () => ({})): Template {
  const items = patterns.map((pattern, i) => ({ id: `t${i}`, type: 'text', title: `T${i}`, ...(pattern === undefined ? {} : { pattern }), ...extra(i) }))
  return { id: 'p', version: 1, title: 'P', sections: [{ id: 's', title: 'S', items }] } as Template
}

const issuesOf = (template: Template) => {
  const result = validateTemplate(template)
  return result.ok ? [] : result.issues
}

/** Distinct patterns each just under the per-pattern cap. */
const heavy = (i: number): string => `.{0,1000}${i}`

describe('the total pattern budget', () => {
  it('each heavy pattern is acceptable on its own', () => {
    const one = compilePattern(heavy(0))
    expect(one.ok).toBe(true)
    expect(one.cost).toBeLessThanOrEqual(MAX_PATTERN_PROGRAM)
    expect(one.cost).toBeGreaterThan(MAX_PATTERN_TOTAL / 20)
  })

  it('refuses at the first pattern past the budget, once, and compiles none after it', () => {
    const patterns = Array.from({ length: 40 }, (_, i) => heavy(i))
    // A broken pattern after the budget: reported only if it were compiled.
    patterns.push('(')
    const issues = issuesOf(withPatterns(patterns))
    let spent = 0
    let crossing = 0
    while (spent < MAX_PATTERN_TOTAL) spent += compilePattern(heavy(crossing++)).cost
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([['text.patternBudget', `/sections/0/items/${crossing}/pattern`]])
    expect(issues[0]?.message['zh-CN']).toContain('正则表达式合计太复杂')
    expect(issues[0]?.message.en).toContain('too complex together')
  })

  it('identical patterns count once', () => {
    expect(issuesOf(withPatterns(Array.from({ length: 200 }, () => heavy(0))))).toEqual([])
  })

  it('a pattern refused as too complex still spends what compiling it took', () => {
    const huge = (i: number): string => `${'.{0,1000}'.repeat(50)}${i}`
    const issues = issuesOf(withPatterns([huge(1), huge(2), huge(3)]))
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ['text.patternTooComplex', '/sections/0/items/0/pattern'],
      ['text.patternBudget', '/sections/0/items/1/pattern'],
    ])
  })

  it('the default of an item whose pattern was not compiled is not matched against it', () => {
    const patterns = [`${'.{0,1000}'.repeat(50)}`, 'x+']
    const issues = issuesOf(withPatterns(patterns, (i) => (i === 1 ? { default: 'not x' } : {})))
    expect(issues.map((i) => i.code)).toEqual(['text.patternTooComplex', 'text.patternBudget'])
  })
})
