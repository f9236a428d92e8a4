import { describe, expect, it } from 'vitest'
import type { Band, Item } from '@/core/format/types'
import { describeRule, ruleLineOf, vetoKind } from '@/core/scoring/describe-rule'
import { count, ded, multi, num, opt, pts, scored, single, text } from './builders'

const bands: Band[] = [
  { id: 'pass', label: '合格', min: 0 },
  { id: 'basic', label: '基本合格', min: 0 },
  { id: 'fail', label: '不合格', min: 0 },
]

// Every rule kind of format.md that an item can carry, in both languages.
const cases: Array<{ name: string; item: Item; zh: string | null; en: string | null }> = [
  {
    name: 'count of shortfalls with deductEach and floor (rule 2)',
    item: count('first-topic', 5, 0.5, { unitLabel: '次', countPrefix: '缺' }),
    zh: '每缺 1 次扣 0.5 分，扣完为止（满分 5）',
    en: '−0.5 per 次 (缺), not below 0 (max 5)',
  },
  {
    name: 'count of occurrences found, allowed below 0',
    item: count('wires', 4, 2, { unitLabel: '处', allowNegative: true }),
    zh: '每 1 处扣 2 分，可扣至负分（满分 4）',
    en: '−2 per 处, may go below 0 (max 4)',
  },
  {
    name: 'count with a red line on the total (rule 7)',
    item: { id: 'fire', type: 'count', title: 'fire', zero: 'total', flag: true },
    zh: '出现即红线：总分记 0 分',
    en: 'any at all: red line: the total is 0',
  },
  {
    name: 'count that only counts',
    item: { id: 'n', type: 'count', title: 'n' },
    zh: '只记次数，不计分',
    en: 'counted, not scored',
  },
  {
    name: 'additive single (rule 1)',
    item: single('ideology', [pts('好', 4), pts('较好', 3), pts('差', 0)]),
    zh: '「好」4 分；「较好」3 分；「差」0 分（满分 4）',
    en: '“好”: 4 points; “较好”: 3 points; “差”: 0 points (max 4)',
  },
  {
    name: 'deductive single with floor and an item red line (rules 2, 7)',
    item: single('org-life', [ded('held', 0), ded('incomplete', 1), opt('not-held', { zero: 'item' })], { max: 2 }),
    zh: '「incomplete」扣 1 分；「not-held」本项不得分，扣完为止（满分 2）',
    en: '“incomplete”: −1; “not-held”: this item scores 0, not below 0 (max 2)',
  },
  {
    name: 'a veto at the lowest band is 一票否决; a better band is a ceiling (rule 7)',
    item: single('c', [pts('无', 1), pts('情节较轻', 0, { veto: 'basic' }), pts('情节较重', 0, { veto: true })]),
    zh: '「无」1 分；「情节较轻」0 分，等次上限「基本合格」；「情节较重」0 分，一票否决（满分 1）',
    en: '“无”: 1 point; “情节较轻”: 0 points, grade capped at “基本合格”; “情节较重”: 0 points, veto (max 1)',
  },
  {
    name: 'deductive multi (rule 2)',
    item: multi('room', [ded('none', 0), ded('no-sign', 1), ded('no-flag', 1)], { max: 5 }),
    zh: '可多选，逐项计：「no-sign」扣 1 分；「no-flag」扣 1 分，扣完为止（满分 5）',
    en: 'choose any; each counts: “no-sign”: −1; “no-flag”: −1, not below 0 (max 5)',
  },
  {
    name: 'additive multi',
    item: multi('m', [pts('a', 2), pts('b', 1)]),
    zh: '可多选，逐项计：「a」2 分；「b」1 分（满分 3）',
    en: 'choose any; each counts: “a”: 2 points; “b”: 1 point (max 3)',
  },
  {
    name: 'bonus single (rule 3) adds nothing to the max',
    item: single('honor', [pts('无', 0), pts('校级', 1), pts('市级', 3)], { bonus: true }),
    zh: '加分项：「无」0 分；「校级」1 分；「市级」3 分',
    en: 'bonus: “无”: 0 points; “校级”: 1 point; “市级”: 3 points',
  },
  {
    name: 'score in half steps',
    item: scored('hygiene', 10, { step: 0.5 }),
    zh: '打分 0–10 分，每档 0.5 分（满分 10）',
    en: 'score 0–10 in steps of 0.5 (max 10)',
  },
  {
    name: 'bonus score',
    item: scored('media', 5, { bonus: true }),
    zh: '加分：打分 0–5 分',
    en: 'bonus: score 0–5',
  },
  {
    name: 'number thresholds, best first whatever the listed order',
    item: num('rate', { unitLabel: '%', thresholds: [{ min: 80, points: 3 }, { min: 90, points: 4 }] }),
    zh: '≥90% 得 4 分；≥80% 得 3 分；低于 80% 得 0 分（满分 4）',
    en: '≥90%: 4 points; ≥80%: 3 points; below 80%: 0 (max 4)',
  },
  {
    name: 'number below a target (出勤率<90%每低10%扣1分)',
    item: num('attendance', { unitLabel: '%', max: 1, target: 90, unit: 10, deductEach: 1 }),
    zh: '低于 90% 每低 10% 扣 1 分，扣完为止（满分 1）',
    en: 'below 90%: −1 for each full 10% short, not below 0 (max 1)',
  },
  { name: 'a plain measurement has no rule', item: num('height'), zh: null, en: null },
  { name: 'text has no rule', item: text('remark'), zh: null, en: null },
]

describe('describeRule: an item’s scoring rule in one line of words', () => {
  it.each(cases)('$name', ({ item, zh, en }) => {
    expect(describeRule(item, 'zh-CN', bands)).toBe(zh)
    expect(describeRule(item, 'en', bands)).toBe(en)
  })

  it('remembers the line per item and language (rows call it on every render)', () => {
    const item = count('x', 5, 0.5, { unitLabel: '次', countPrefix: '缺' })
    const first = ruleLineOf(item, 'zh-CN', bands)
    expect(ruleLineOf(item, 'zh-CN', bands)).toBe(first)
    expect(ruleLineOf(item, 'en', bands)).toBe(describeRule(item, 'en', bands))
  })
})

describe('vetoKind', () => {
  it.each([
    { veto: true as const, kind: 'veto', band: '不合格' },
    { veto: 'fail', kind: 'veto', band: '不合格' },
    { veto: 'basic', kind: 'ceiling', band: '基本合格' },
    { veto: '基本合格', kind: 'ceiling', band: '基本合格' },
    { veto: 'unknown', kind: 'veto', band: '不合格' },
  ])('$veto → $kind', ({ veto, kind, band }) => {
    expect(vetoKind(veto, bands)).toEqual({ kind, band })
  })

  it('a veto without bands names no band', () => {
    expect(vetoKind(true, undefined)).toEqual({ kind: 'veto', band: null })
  })
})
