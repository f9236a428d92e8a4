import { describe, expect, it } from 'vitest'
import { fileStem, sheetBase, uniqueFileNames, uniqueSheetNames } from '@/core/exchange/results/names'

describe('uniqueSheetNames', () => {
  it('gives two templates with one title two sheets, and ignores case as Excel does', () => {
    expect(uniqueSheetNames(['宿舍安全检查', '宿舍安全检查', 'Dorm', 'DORM'])).toEqual(['宿舍安全检查', '宿舍安全检查 2', 'Dorm', 'DORM 2'])
  })

  it('keeps names within 31 characters, suffix included', () => {
    const names = uniqueSheetNames(['x'.repeat(40), 'x'.repeat(40)])
    expect(names.map((n) => n.length)).toEqual([31, 31])
    expect(names[1]?.endsWith(' 2')).toBe(true)
  })

  it('removes what Excel refuses: \\ / ? * [ ] :, quotes at either end, blank and History', () => {
    expect(sheetBase('a/b:c?d*[e]')).toBe('a b c d  e')
    expect(sheetBase("'引号'")).toBe('引号')
    expect(sheetBase('  ')).toBe('Sheet')
    expect(sheetBase('History')).toBe('History 1')
  })
})

describe('uniqueFileNames', () => {
  it('gives every template its own safe file, whatever its title', () => {
    expect(uniqueFileNames(['宿舍/安全:检查', '宿舍/安全:检查', 'a', 'A', '..', 'CON'], 'csv')).toEqual([
      '宿舍_安全_检查.csv',
      '宿舍_安全_检查-2.csv',
      'a.csv',
      'A-2.csv',
      'export.csv',
      'CON_.csv',
    ])
  })

  it('keeps stems short and free of separators and control characters', () => {
    expect(fileStem('x'.repeat(200)).length).toBe(80)
    expect(fileStem('a\u0000b\nc\\d')).toBe('a_b_c_d')
  })
})
