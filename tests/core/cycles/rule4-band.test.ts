/** evaluation.md rule 4: the band is chosen from the panel figures, then capped by the veto. */
import { describe, expect, it } from 'vitest'
import type { Template } from '@/core/format/types'
import { cycle, evaluate, review, subjectOf, template } from './builders'

describe('rule 4: the band comes from the panel total, percent and sections', () => {
  it.each<[string, Array<[number, number]>, number, string]>([
    ['two 优秀-level reviews make a 优秀 panel', [[50, 40], [40, 50]], 90, '优秀'],
    ['a 合格 review and a 优秀 one can make a 优秀 panel (89.5 and 100 → 94.75)', [[50, 39.5], [50, 50]], 94.75, '优秀'],
    ['a 优秀 review and a 合格 one can make a 合格 panel (95 and 80 → 87.5)', [[50, 45], [40, 40]], 87.5, '合格'],
    ['min is inclusive on the panel total (89.99 and 90.01 → 90)', [[50, 39.99], [50, 40.01]], 90, '优秀'],
  ])('%s', (_name, xy, total, band) => {
    const responses = xy.map(([x, y], i) => review('U', `r${i}`, x, y))
    expect(subjectOf(evaluate(cycle(), responses), 'U')).toMatchObject({ total, band })
  })

  it('evaluates `when` over the panel section percents, not over each review', () => {
    // 优秀 here needs ≥ 60 and s2 ≥ 80 %. Reviews: (50, 45) = 95, s2 90 %; (50, 30) = 80, s2 60 %.
    // Each alone: 优秀, 合格. Panel: total 87.5 ≥ 60, s2 percent (90 + 60) / 2 = 75 < 80 → 合格.
    const t: Template = structuredClone(template)
    t.scoring = { bands: [
      { label: '优秀', min: 60, when: { '>=': [{ var: 'sections.1.percent' }, 80] } },
      { label: '合格', min: 60 },
      { label: '不合格', min: 0 },
    ] }
    const s = subjectOf(evaluate(cycle(), [review('U', 'a', 50, 45), review('U', 'b', 50, 30)], t), 'U')
    expect(s).toMatchObject({ total: 87.5, sectionPercents: { s2: 75 }, band: '合格' })
    // And the rule does decide: (50, 45) and (50, 40) give total 92.5, s2 (90 + 80) / 2 = 85 % → 优秀.
    const t2 = subjectOf(evaluate(cycle(), [review('U', 'a', 50, 45), review('U', 'b', 50, 40)], t), 'U')
    expect(t2).toMatchObject({ total: 92.5, sectionPercents: { s2: 85 }, band: '优秀' })
  })

  it('uses the panel percent on a percent basis', () => {
    // Reviews 45/50 = 90 % (x N/A) and 80/100 = 80 %: percent (90 + 80) / 2 = 85, total 62.5.
    const t: Template = structuredClone(template)
    t.scoring = { basis: 'percent', bands: [{ label: 'A', min: 85 }, { label: 'B', min: 0 }] }
    const na = review('U', 'a', 0, 45)
    na.answers.x = { na: true }
    expect(subjectOf(evaluate(cycle(), [na, review('U', 'b', 40, 40)], t), 'U')).toMatchObject({ total: 62.5, percent: 85, band: 'A' })
  })

  it('falls back to the lowest band with a note, as scoring does, when no band’s `when` holds', () => {
    const t: Template = structuredClone(template)
    t.scoring = { bands: [{ label: 'A', min: 0, when: { '>': [{ var: 'total' }, 1000] } }, { label: 'B', min: 0, when: { '<': [{ var: 'total' }, 0] } }] }
    const s = subjectOf(evaluate(cycle(), [review('U', 'a', 40, 40)], t), 'U')
    expect(s.band).toBe('B')
    expect(s.notes.map((n) => n.code)).toEqual(['lowestBandFallback'])
    expect(subjectOf(evaluate(cycle(), [review('U', 'a', 40, 40)]), 'U').notes).toEqual([])
  })

  it('has no band for a template without bands', () => {
    const t: Template = { ...template, scoring: {} }
    expect(subjectOf(evaluate(cycle(), [review('U', 'a', 50, 50)], t), 'U')).toMatchObject({ band: null, bandId: null })
  })
})
