import { describe, expect, it } from 'vitest'
import { formatIssue, validateTemplate } from '@/core/validate'
import type { Issue } from '@/core/result'
import { section, single, template } from './builders'

const issue: Issue = {
  code: 'points.negativeDeduct',
  pointer: '/sections/0/items/3/options/1/deduct',
  severity: 'error',
  message: { 'zh-CN': '扣分值不能为负数（-1）；要加分请用 points。', en: 'A deduction cannot be negative (-1); use points to add.' },
}

describe('formatIssue', () => {
  it('writes file:pointer: message in the chosen language', () => {
    expect(formatIssue(issue, 'zh-CN', 'dorm.json')).toBe('dorm.json:/sections/0/items/3/options/1/deduct: 扣分值不能为负数（-1）；要加分请用 points。')
    expect(formatIssue(issue, 'en', 'dorm.json')).toBe('dorm.json:/sections/0/items/3/options/1/deduct: A deduction cannot be negative (-1); use points to add.')
  })

  it('leaves out what it does not have: the file, or the pointer of the whole document', () => {
    expect(formatIssue(issue, 'en')).toBe('/sections/0/items/3/options/1/deduct: A deduction cannot be negative (-1); use points to add.')
    expect(formatIssue({ ...issue, pointer: '' }, 'en', 'a.json')).toBe('a.json: A deduction cannot be negative (-1); use points to add.')
  })

  it('formats a real validation issue', () => {
    const result = validateTemplate(template({ sections: [section('s1', [single('q1', { max: 2, options: [{ id: 'a', label: 'A', deduct: -1 }] })])] }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(formatIssue(result.issues[0] as Issue, 'en', 'x.json')).toBe('x.json:/sections/0/items/0/options/0/deduct: A deduction cannot be negative (-1); use points to add.')
  })
})
