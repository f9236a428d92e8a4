import { describe, expect, it } from 'vitest'
import { validateResponse, validateTemplate } from '@/core/validate'
import { compilePattern, MAX_PATTERN_INPUT, toRe2Syntax } from '@/core/validate/safe-pattern'
import { response, section, template, text, validTemplate } from './builders'

/** Each of these takes seconds to centuries in a backtracking engine on the inputs below. */
const CATASTROPHIC: Array<[string, string, boolean]> = [
  ['(a|a)*', `${'a'.repeat(MAX_PATTERN_INPUT - 1)}b`, false],
  ['(a|aa)*', `${'a'.repeat(MAX_PATTERN_INPUT - 1)}b`, false],
  ['(a|aa)*', 'a'.repeat(MAX_PATTERN_INPUT), true],
  ['a*a*a*a*a*a*', `${'a'.repeat(MAX_PATTERN_INPUT - 1)}!`, false],
  ['(a+){8}', `${'a'.repeat(MAX_PATTERN_INPUT - 1)}!`, false],
  ['(a+){8}', 'a'.repeat(MAX_PATTERN_INPUT), true],
  ['(a+)+b', 'a'.repeat(MAX_PATTERN_INPUT), false],
  ['(x+x+)+y', 'x'.repeat(MAX_PATTERN_INPUT), false],
]

function compiled(pattern: string): (value: string) => boolean {
  const result = compilePattern(pattern)
  if (!result.ok) throw new Error(`refused ${pattern}: ${result.reason}`)
  return result.test
}

describe('compilePattern (RE2, linear time)', () => {
  it.each(CATASTROPHIC)('runs %s on a long hostile answer and gets the right answer', (pattern, input, expected) => {
    expect(compiled(pattern)(input)).toBe(expected)
  })

  it('matches the whole answer, not a part of it', () => {
    const phone = compiled('1[3-9]\\d{9}')
    expect(phone('13800138000')).toBe(true)
    expect(phone('x13800138000')).toBe(false)
    expect(phone('138001380001')).toBe(false)
  })

  it('understands the JavaScript code point escapes common in Chinese patterns', () => {
    expect(toRe2Syntax('[\\u4e00-\\u9fa5]+')).toBe('[\\x{4e00}-\\x{9fa5}]+')
    expect(toRe2Syntax('\\u{1F600}')).toBe('\\x{1F600}')
    expect(toRe2Syntax('\\\\u4e00')).toBe('\\\\u4e00')
    const han = compiled('[\\u4e00-\\u9fa5]{2,4}')
    expect(han('张三')).toBe(true)
    expect(han('Zhang')).toBe(false)
  })

  it.each([
    ['(?=a)a', 'unsupported'],
    ['(?<=a)b', 'unsupported'],
    ['(a)\\1', 'unsupported'],
    ['([a-z', 'syntax'],
    ['a{1001}', 'syntax'],
    ['((a{100}){100}){100}', 'syntax'],
    ['.{0,1000}.{0,1000}', 'tooComplex'],
    ['\\w{0,1000}\\w{0,1000}\\w{0,1000}', 'tooComplex'],
  ])('refuses %s (%s)', (pattern, problem) => {
    expect(compilePattern(pattern)).toMatchObject({ ok: false, problem })
  })
})

describe('patterns in templates and responses', () => {
  const hostile = template({ sections: [section('s1', [text('t', { pattern: '(a|aa)*', default: `${'a'.repeat(500)}b` })])] })

  it('validates a template whose default meets a catastrophic pattern, with the right verdict', () => {
    const result = validateTemplate(hostile)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ code: 'value.pattern', pointer: '/sections/0/items/0/default' })])
  })

  it('checks a long answer against a catastrophic pattern', () => {
    const valid = validTemplate({ sections: [section('s1', [text('t', { pattern: 'a*a*a*a*a*a*' })])] })
    const answer = (value: string): unknown => response({ answers: { t: { value } } })
    expect(validateResponse(valid, answer('a'.repeat(MAX_PATTERN_INPUT))).ok).toBe(true)
    const bad = validateResponse(valid, answer(`${'a'.repeat(MAX_PATTERN_INPUT - 1)}!`))
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['value.pattern'])
  })

  it('names the pointer and explains in both languages when a pattern is refused', () => {
    const result = validateTemplate(template({ sections: [section('s1', [text('t', { pattern: '(?!x).+' })])] }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const [issue] = result.issues
    expect(issue).toMatchObject({ code: 'text.patternUnsupported', pointer: '/sections/0/items/0/pattern' })
    expect(issue?.message['zh-CN']).toContain('不支持')
    expect(issue?.message.en).toContain('not supported')
  })
})
