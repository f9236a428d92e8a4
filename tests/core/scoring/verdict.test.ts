import { describe, expect, it } from 'vitest'
import type { Template, TemplateScoring } from '@/core/format/types'
import { scoreResponse, verdictOf, verdictText } from '@/core/scoring'
import { ded, resp, section, single, tpl, yesNo } from './builders'

const bands: TemplateScoring = {
  bands: [
    { id: 'good', label: '合格', min: 60 },
    { id: 'basic', label: '基本合格', min: 40 },
    { id: 'fail', label: '不合格', min: 0 },
  ],
}
/** The conduct list's shape: 情节较轻 caps at 基本合格, 情节较重 is a veto, a red line zeroes. */
const conduct = (scoring: TemplateScoring | undefined): Template =>
  tpl(
    [
      section('s', [
        yesNo('q', 100),
        single('c', [ded('none', 0), ded('light', 0, { veto: 'basic' }), ded('heavy', 0, { veto: true })], { max: 0 }),
        single('d', [ded('none', 0), ded('light', 0, { veto: 'basic' })], { max: 0 }),
        single('z', [ded('ok', 0), ded('red', 0, { zero: 'total' })], { max: 0 }),
      ]),
    ],
    scoring,
  )

describe('verdictOf names a veto and a ceiling apart', () => {
  it.each([
    ['nothing capped', { c: 'none', d: 'none', z: 'ok' }, bands, null],
    ['情节较轻 is a ceiling at 基本合格', { c: 'light', d: 'none', z: 'ok' }, bands, { kind: 'ceiling', ceilingLabel: '基本合格', itemIds: ['c'] }],
    ['two ceilings name both items', { c: 'light', d: 'light', z: 'ok' }, bands, { kind: 'ceiling', ceilingLabel: '基本合格', itemIds: ['c', 'd'] }],
    ['情节较重 is a veto', { c: 'heavy', d: 'light', z: 'ok' }, bands, { kind: 'veto', ceilingLabel: '不合格', itemIds: ['c'] }],
    // format rule 7: a red line zeroes a score; it is not a 一票否决 (the views name it 红线).
    ['a red line on the total is no veto', { c: 'none', d: 'none', z: 'red' }, bands, null],
    ['a veto without bands', { c: 'heavy', d: 'none', z: 'ok' }, undefined, { kind: 'veto', ceilingLabel: null, itemIds: ['c'] }],
  ] as const)('%s', (_name, answers, scoring, expected) => {
    const template = conduct(scoring)
    const result = scoreResponse(template, resp({ q: 'yes', ...answers }))
    expect(verdictOf(result, template)).toEqual(expected)
  })
})

describe('verdictText names a veto and a ceiling for what they are', () => {
  const titles: Record<string, string> = { a: '上课接打电话', b: '体罚学生' }
  const titleOf = (id: string): string => titles[id] ?? id
  it.each([
    { v: { kind: 'ceiling' as const, ceilingLabel: '基本合格', itemIds: ['a'] }, zh: '等次上限：基本合格（因：上课接打电话）', en: 'Grade capped at “基本合格” (because: 上课接打电话)' },
    { v: { kind: 'veto' as const, ceilingLabel: '不合格', itemIds: ['a', 'b'] }, zh: '一票否决（因：上课接打电话；体罚学生）', en: 'Vetoed (because: 上课接打电话; 体罚学生)' },
    { v: { kind: 'veto' as const, ceilingLabel: null, itemIds: [] }, zh: '一票否决', en: 'Vetoed' },
  ])('$zh', ({ v, zh, en }) => {
    expect(verdictText(v, titleOf, 'zh-CN')).toBe(zh)
    expect(verdictText(v, titleOf, 'en')).toBe(en)
  })
})
