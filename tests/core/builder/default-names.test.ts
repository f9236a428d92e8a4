import { describe, expect, it } from 'vitest'
import { nameLang, newItemName, newSectionName, numberedName } from '@/core/builder'
import { section, single, template } from './build'

describe('default names of new sections and items', () => {
  it('number a new top-level section after its siblings, never with its id', () => {
    const t = template([section('s1', [])])
    expect(newSectionName(t, null, 'zh-CN')).toBe('一级指标 2')
    expect(newSectionName(t, null, 'en')).toBe('Section 2')
  })

  it('number a sub-section among the parent’s children', () => {
    const t = template([section('s1', [], [section('s5', [])]), section('s2', [])])
    expect(newSectionName(t, 's1', 'zh-CN')).toBe('二级指标 2')
    expect(newSectionName(t, 's2', 'en')).toBe('Sub-section 1')
  })

  it('number a new item after every item of the template', () => {
    const t = template([section('s1', [single('q1'), single('q2')]), section('s2', [single('q7')])])
    expect(newItemName(t, 'zh-CN')).toBe('检查项 4')
    expect(newItemName(t, 'en')).toBe('Item 4')
  })

  it('skip a title already used, so two new rows can be told apart', () => {
    const t = template([{ ...section('s1', []), title: '一级指标 2' }])
    expect(newSectionName(t, null, 'zh-CN')).toBe('一级指标 3')
    expect(numberedName('item', 'zh-CN', 1, new Set(['检查项 1', '检查项 2']))).toBe('检查项 3')
  })

  it('follow the template’s own language, else the interface’s', () => {
    expect(nameLang({ locale: 'zh-CN' }, 'en')).toBe('zh-CN')
    expect(nameLang({ locale: 'en-GB' }, 'zh-CN')).toBe('en')
    expect(nameLang({}, 'en')).toBe('en')
    expect(nameLang({ locale: 'fr' }, 'zh-CN')).toBe('zh-CN')
  })
})
