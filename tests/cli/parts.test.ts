/** The CLI's pure parts, without a process: argument parsing and locating JSON syntax errors. */
import { describe, expect, it } from 'vitest'
import { langFromEnv, parseArgs } from '@/cli/args'
import { jsonErrorOffset } from '@/cli/json-position'
import { documentKind, lineColumn } from '@/cli/files'

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": [1, 2,]}', 12],
    ['{"a" 1}', 5],
    ['{"a": tru}', 9], // the `}` where `e` should be
    ['{"a": "x\ny"}', 8],
    ['{"a": 01}', 7],
    ['{"a": 1} x', 9],
    ['{"a": "\\q"}', 7],
    ['', 0],
    ['{"a": [1, 2', 11],
  ])('finds the first error in %j at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow()
    expect(jsonErrorOffset(text)).toBe(offset)
  })

  it('finds nothing wrong in valid JSON, and gives up rather than overflow on deep nesting', () => {
    expect(jsonErrorOffset('{"a": [1, -2.5e3, "\\u00e9", true, false, null, {}]}')).toBeNull()
    expect(jsonErrorOffset('['.repeat(100_000))).toBeNull()
  })

  it('turns an offset into a 1-based line and column', () => {
    expect(lineColumn('{\n  "a": x\n}', 9)).toEqual({ line: 2, column: 8 })
  })
})

describe('parseArgs', () => {
  it('reads a command, files and options in any order', () => {
    expect(parseArgs(['validate', 'a.json', '--lang', 'en', 'b.json', '--template=t.json'], {})).toEqual({
      ok: true,
      args: { command: 'validate', files: ['a.json', 'b.json'], lang: 'en', template: 't.json', help: false },
    })
  })

  it('reports usage errors in the language asked for, even when --lang comes last', () => {
    expect(parseArgs(['score', 'only-one.json', '--lang', 'en'], {})).toMatchObject({ ok: false, lang: 'en', error: 'scoreArgs' })
    expect(parseArgs(['validate'], {})).toMatchObject({ ok: false, lang: 'zh-CN', error: 'noFiles' })
    expect(parseArgs(['cycle', 'c.json', 't.json', '--lang', 'en'], {})).toMatchObject({ ok: false, lang: 'en', error: 'cycleArgs' })
    expect(parseArgs(['cycle', 'c.json', 't.json', 'r1.json', 'r2.json'], {})).toMatchObject({ ok: true, args: { command: 'cycle', files: ['c.json', 't.json', 'r1.json', 'r2.json'] } })
    expect(parseArgs(['validate', 'x', '--lang'], {})).toMatchObject({ ok: false, error: 'missingValue' })
  })

  it('names an unknown option, needs a value for --template, and takes files after -- as files', () => {
    expect(parseArgs(['validate', 'a.json', '--fast'], {})).toMatchObject({ ok: false, error: 'unknownOption', params: { option: '--fast' } })
    expect(parseArgs(['validate', 'a.json', '-x'], {})).toMatchObject({ ok: false, error: 'unknownOption', params: { option: '-x' } })
    expect(parseArgs(['validate', 'a.json', '--template='], {})).toMatchObject({ ok: false, error: 'missingValue', params: { option: '--template' } })
    expect(parseArgs(['validate', 'a.json', '--template'], {})).toMatchObject({ ok: false, error: 'missingValue', params: { option: '--template' } })
    expect(parseArgs(['validate', '--', '--odd.json', '-'], {})).toMatchObject({ ok: true, args: { files: ['--odd.json', '-'] } })
    expect(parseArgs(['--lang=fr', 'validate', 'a.json'], {})).toMatchObject({ ok: false, error: 'badLang', params: { lang: 'fr' } })
  })

  it('answers -h or --help before asking for a command', () => {
    expect(parseArgs(['-h'], {})).toMatchObject({ ok: true, args: { help: true, command: null } })
    expect(parseArgs(['--help', '--lang', 'en'], {})).toMatchObject({ ok: true, args: { help: true, lang: 'en' } })
    expect(parseArgs(['score', 'a.json', 'b.json', '--template', 't.json'], {})).toMatchObject({ ok: false, error: 'templateOnlyForValidate' })
    expect(parseArgs(['cycle', 'c.json', 't.json', 'r.json', '--template', 't.json'], {})).toMatchObject({ ok: false, error: 'templateOnlyForValidate' })
  })

  it('takes the language from LANG only when it starts with en', () => {
    expect(langFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en')
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
    expect(langFromEnv({})).toBe('zh-CN')
  })
})

describe('documentKind', () => {
  it('tells templates from responses by shape', () => {
    expect(documentKind({ sections: [] })).toBe('template')
    expect(documentKind({ answers: {} })).toBe('response')
    expect(documentKind([])).toBeNull()
    expect(documentKind('text')).toBeNull()
  })
})
