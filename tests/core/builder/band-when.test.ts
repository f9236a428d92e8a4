import { describe, expect, it } from 'vitest'
import { joinBandWhen, sectionFloorRule, splitBandWhen } from '@/core/builder'
import type { JsonLogicRule } from '@/core/format/types'

const totalAtLeast = (n: number): JsonLogicRule => ({ '>=': [{ var: 'total' }, n] })

describe('a band condition split for the builder', () => {
  it.each<[string, JsonLogicRule | undefined, number | null, JsonLogicRule | undefined]>([
    ['no rule', undefined, null, undefined],
    ['only the indicator floor (the red-flag sample)', sectionFloorRule(80), 80, undefined],
    ['only an editor rule', totalAtLeast(95), null, totalAtLeast(95)],
    ['an editor rule and the floor', { and: [totalAtLeast(95), sectionFloorRule(80)] }, 80, totalAtLeast(95)],
    ['an editor group and the floor', { and: [totalAtLeast(95), totalAtLeast(1), sectionFloorRule(60)] }, 60, { and: [totalAtLeast(95), totalAtLeast(1)] }],
    ['a look-alike over another list stays in the editor', { all: [{ var: 'items' }, { '>=': [{ var: 'percent' }, 80] }] }, null, { all: [{ var: 'items' }, { '>=': [{ var: 'percent' }, 80] }] }],
  ])('reads %s', (_name, rule, floor, rest) => {
    expect(splitBandWhen(rule)).toEqual({ sectionFloor: floor, rest })
  })

  it.each<[string, JsonLogicRule | undefined]>([
    ['no rule', undefined],
    ['the floor alone', sectionFloorRule(80)],
    ['a rule and the floor', { and: [totalAtLeast(95), sectionFloorRule(80)] }],
    ['a group and the floor', { and: [totalAtLeast(95), totalAtLeast(1), sectionFloorRule(60)] }],
    ['an editor rule alone', totalAtLeast(95)],
  ])('writes back %s unchanged', (_name, rule) => {
    expect(joinBandWhen(splitBandWhen(rule))).toEqual(rule)
  })

  it('drops the floor when it is cleared, keeping the rest', () => {
    const parts = splitBandWhen({ and: [totalAtLeast(95), sectionFloorRule(80)] })
    expect(joinBandWhen({ ...parts, sectionFloor: null })).toEqual(totalAtLeast(95))
  })
})
