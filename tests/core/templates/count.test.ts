import { describe, expect, it } from 'vitest'
import type { Item, Section } from '@/core/format/types'
import { countAnswerableItems } from '@/core/templates/count'
import { versionRecord } from '@/core/templates/version'
import { single, template } from './builders'

const info = (id: string): Item => ({ id, type: 'info', title: id })
const section = (id: string, items: Item[], sections?: Section[]): Section => ({ id, title: id, items, ...(sections && { sections }) })

describe('countAnswerableItems', () => {
  const cases: Array<{ name: string; sections: Section[]; expected: number }> = [
    { name: 'no sections', sections: [], expected: 0 },
    { name: 'info items do not count', sections: [section('s1', [info('i1'), single('q1')])], expected: 1 },
    { name: 'nested sections count', sections: [section('s1', [single('q1')], [section('s2', [single('q2'), single('q3')])])], expected: 3 },
    { name: 'several top-level sections', sections: [section('s1', [single('q1')]), section('s2', [info('i2'), single('q2')])], expected: 2 },
  ]
  it.each(cases)('$name → $expected', ({ sections, expected }) => {
    expect(countAnswerableItems({ sections })).toBe(expected)
  })
})

describe('versionRecord', () => {
  it('freezes the template under its id and version with its item count', () => {
    const t = template('dorm', 3, [single('q1'), single('q2')])
    expect(versionRecord(t, '2026-03-01T00:00:00.000Z')).toEqual({ templateId: 'dorm', version: 3, template: t, publishedAt: '2026-03-01T00:00:00.000Z', itemCount: 2 })
  })
})
