import { describe, expect, it } from 'vitest'
import { describeTemplate } from '@/core/scoring/describe-template'
import { sample } from '../../fixtures/load'

describe('describeTemplate: the 评分规则 panel in words', () => {
  it('the 红旗 sample: bands with the every-indicator condition, ceilings named as ceilings, red line, bonus cap', () => {
    const rules = describeTemplate(sample('red-flag-party-branch'), 'zh-CN')
    expect(rules.bands[0]).toEqual({ label: '红旗党支部', color: '#c62828', text: '≥ 95 分，且每个一级指标得分率 ≥ 80%' })
    expect(rules.bands.map((b) => b.label)).toEqual(['红旗党支部', '优秀', '良好', '合格', '不合格'])
    // "veto": "excellent" caps the grade at 优秀: a ceiling, not a 一票否决.
    expect(rules.effects.filter((e) => e.kind === 'veto')).toEqual([])
    expect(rules.effects.find((e) => e.kind === 'ceiling')?.text).toContain('等次上限：优秀')
    expect(rules.effects.find((e) => e.kind === 'zero')?.text).toBe('「召开组织生活会，开展民主评议党员、谈心谈话」选「未召开」：红线：本项不得分')
    expect(rules.bonus).toBe('加分封顶 5 分。')
  })

  it('the conduct list: 情节较轻 is a ceiling, 情节较重 a 一票否决, vetoes listed first', () => {
    const rules = describeTemplate(sample('teacher-conduct-negative-list'), 'zh-CN')
    expect(rules.effects[0]?.kind).toBe('veto')
    expect(rules.effects[0]?.text).toMatch(/选「情节较重及以上」：一票否决（不合格）$/)
    expect(rules.effects.some((e) => e.kind === 'ceiling' && e.text.endsWith('选「情节较轻」：等次上限：基本合格'))).toBe(true)
  })

  it('speaks English too, with percent bands', () => {
    const rules = describeTemplate(
      { id: 't', version: 1, title: 't', sections: [{ id: 's', title: 's', items: [{ id: 'c', type: 'count', title: 'Fire', zero: 'total' }] }], scoring: { basis: 'percent', bands: [{ label: 'Good', min: 80 }, { label: 'Poor', min: 0 }] } },
      'en',
    )
    expect(rules.bands.map((b) => b.text)).toEqual(['≥ 80%', '≥ 0%'])
    expect(rules.effects).toEqual([{ kind: 'zero', text: '“Fire” (any at all) → red line: the total is 0' }])
    expect(rules.bonus).toBeNull()
  })
})
