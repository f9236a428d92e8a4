import { describe, expect, it } from 'vitest'
import type { Step } from '@/core/format/types'
import { LANGS } from '@/core/result'
import { STEP_RULES, describeStep, scoreResponse } from '@/core/scoring'
import { NA, count, ded, multi, num, pts, resp, scored, section, single, tpl, yesNo } from './builders'

describe('describeStep', () => {
  it.each<[Step, string, string]>([
    [{ rule: 'deductEach', count: 2, each: 0.5, deducted: 1 }, '缺2次 × 0.5 = 扣1分', '2 × 0.5 = −1'],
    [{ rule: 'deductEach', count: 2, each: 2, deducted: 4, unitLabel: '处' }, '2处 × 2 = 扣4分', '2 × 2 = −4'],
    [{ rule: 'floor', from: -1, to: 0 }, '扣完为止：−1 → 0', 'not below 0: −1 → 0'],
    [{ rule: 'option', optionId: 'a', label: '好', points: 3 }, '选「好」得3分', '“好”: 3 points'],
    [{ rule: 'deduct', optionIds: ['n'], labels: ['不符合'], deducted: 2, max: 5 }, '「不符合」扣2分（5 − 2 = 3）', '“不符合”: −2 (5 − 2 = 3)'],
    [{ rule: 'veto', ceiling: '合格' }, '一票否决：等级最高为「合格」', 'veto: the grade is at most “合格”'],
    [{ rule: 'veto', ceiling: '基本合格', capped: true }, '等次上限：最高为「基本合格」', 'grade capped: at most “基本合格”'],
    [{ rule: 'option', optionId: 'a', label: '好', points: 1 }, '选「好」得1分', '“好”: 1 point'],
    [{ rule: 'default', value: 'no', labels: ['不符合'] }, '按默认答案「不符合」计', 'default answer “不符合” used'],
    [{ rule: 'default', value: 0 }, '按默认答案「0」计', 'default answer “0” used'],
    [{ rule: 'normalize', raw: 14, applicableMax: 15, scale: 100, value: 93.33 }, '折算：14 / 15 × 100 = 93.33', 'normalized: 14 / 15 × 100 = 93.33'],
  ])('renders %j', (step, zh, en) => {
    expect(describeStep(step, 'zh-CN')).toBe(zh)
    expect(describeStep(step, 'en')).toBe(en)
  })

  it('renders every step a varied template produces, in both languages, without gaps', () => {
    const t = tpl(
      [
        section('a', [
          yesNo('y', 5, { default: 'yes' }),
          single('s', [pts('x', 3), pts('z', 1, { zero: 'item' })], { max: 2 }),
          multi('m', [ded('p', 1, { veto: true }), ded('q', 9, { zero: 'section' })], { max: 5 }),
          count('c', 2, 0.5, { zero: 'total' }),
          num('n', { thresholds: [{ min: 60, points: 2 }] }),
          num('r', { target: 90, unit: 10, deductEach: 1, max: 3 }),
          scored('k', 4, { visibleIf: false }),
          yesNo('na', 1, { na: true }),
          yesNo('un', 1),
        ], { weight: 60, max: 3, bonusMax: 0.5 }),
        section('b', [yesNo('nb', 1, { na: true })], { weight: 40 }),
        section('plus', [single('bb', [pts('w', 9)])], { bonus: true }),
      ],
      { method: 'weighted', max: 100, normalize: true, bonusMax: 1, bands: [{ label: 'A', min: 0 }] },
    )
    const r = scoreResponse(t, resp({ s: 'x', m: ['p', 'q'], c: 1, n: 70, r: 75, k: 1, na: NA, nb: NA, bb: 'w' }))
    // The rest: a sum template with an additive multi, a score item and a bonus over the max.
    const t2 = tpl([section('a', [multi('m', [pts('p', 1)]), scored('k', 1)]), section('plus', [single('bb', [pts('w', 1)])], { bonus: true })])
    const r2 = scoreResponse(t2, resp({ m: ['p'], k: 1, bb: 'w' }))
    const steps = [r, r2].flatMap((x) => [...x.items.flatMap((i) => i.steps), ...x.sections.flatMap((s) => s.steps), ...x.steps])
    expect(new Set(steps.map((s) => s.rule))).toEqual(new Set(STEP_RULES))
    for (const step of steps) {
      expect(STEP_RULES).toContain(step.rule)
      for (const lang of LANGS) {
        const text = describeStep(step, lang)
        expect(text).not.toMatch(/undefined|NaN|\[object/)
        expect(text.length).toBeGreaterThan(1)
      }
    }
  })

  it('falls back to the figures for a rule it does not know', () => {
    expect(describeStep({ rule: 'future', a: 1 }, 'en')).toBe('future: a=1')
  })
})
