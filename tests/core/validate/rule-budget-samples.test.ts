/**
 * The per-pass rule budget leaves real templates plenty of room: every shipped sample and
 * bench-generated 1,000-item templates (a rule on a tenth, or on every item) validate, their
 * rules' bound far below MAX_PASS_STEPS.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateTemplate } from '../../../bench/generate'
import { MAX_PASS_STEPS, MAX_RULE_STEPS } from '@/core/conditions'
import type { Template } from '@/core/format/types'
import { indexTemplate } from '@/core/scoring'
import { validateTemplate } from '@/core/validate'
import { longestAnswerArray } from '@/core/validate/template/check-rule-budget'
import { ruleSites } from '@/core/validate/template/rule-sites'
import { ruleStepBound } from '@/core/validate/template/rule-steps'

const SAMPLES = new URL('../../../schemas/samples/', import.meta.url)

/** The sum that check-rule-budget compares with MAX_PASS_STEPS. */
function passBound(template: Template): number {
  const index = indexTemplate(template)
  const answers = longestAnswerArray(index)
  return ruleSites(index).reduce(
    (sum, site) => sum + Math.min(MAX_RULE_STEPS, ruleStepBound(site.rule, site.reads === 'band' ? index.topSections.length : answers)),
    0,
  )
}

const samples = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(readFileSync(new URL(name, SAMPLES), 'utf8')) as Template] as const)

describe('real templates fit the per-pass rule budget', () => {
  it('there are samples to check', () => {
    expect(samples.length).toBeGreaterThan(0)
  })

  it.each(samples)('%s validates, its rules within a hundredth of the budget', (_name, template) => {
    const result = validateTemplate(template)
    expect(result.ok ? [] : result.issues).toEqual([])
    expect(passBound(template)).toBeLessThan(MAX_PASS_STEPS / 100)
  })

  it.each([0.1, 1])('a bench-generated 1,000-item template (visibleIf ratio %s) validates, within a tenth', (ratio) => {
    const template = generateTemplate(1000, { visibleIfRatio: ratio })
    const result = validateTemplate(template)
    expect(result.ok ? [] : result.issues).toEqual([])
    expect(passBound(template)).toBeLessThan(MAX_PASS_STEPS / 10)
  })
})
