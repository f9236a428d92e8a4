/**
 * The rules of a template must fit one pass's step budget (MAX_PASS_STEPS, core/conditions):
 * a scoring runs every visibleIf, requiredIf and band `when` at most once, so the sum of their
 * static bounds (rule-steps.ts) bounds a pass. Refused otherwise, at the rule that crosses it,
 * because at run time the rules past the budget would silently count as not met.
 */
import { checkRule, MAX_PASS_STEPS, MAX_RULE_STEPS } from '@/core/conditions'
import type { Issue } from '@/core/result'
import type { TemplateIndex } from '@/core/scoring'
import { makeIssue } from '../issues'
import { ruleSites } from './rule-sites'
import { ruleStepBound } from './rule-steps'

/**
 * Assumed length of an attachment list without `maxCount`; responses are not capped there, so a
 * rule iterating over a longer one may still run out of the pass budget (and say so in a note).
 */
export const UNCAPPED_ATTACHMENTS = 100

/** Longest array a valid response's answer can be: a multi item's options, an attachment list's `maxCount`. */
export function longestAnswerArray(index: TemplateIndex): number {
  let longest = 0
  for (const { item } of index.items) {
    if (item.type === 'multi') longest = Math.max(longest, item.options.length)
    // A signature's value is a string: a valid response has no other arrays.
    else if (item.type === 'photo' || item.type === 'file') longest = Math.max(longest, item.maxCount ?? UNCAPPED_ATTACHMENTS)
  }
  return longest
}

export function checkRuleBudget(index: TemplateIndex): Issue[] {
  const answers = longestAnswerArray(index)
  // A band `when` iterates at most over the top-level sections.
  const sections = index.topSections.length
  let total = 0
  let crossedAt: string | null = null
  for (const site of ruleSites(index)) {
    // A malformed or too deep rule is reported by checkRules and cannot be bounded safely.
    if (checkRule(site.rule).length > 0) continue
    // The engine stops any single rule at MAX_RULE_STEPS, so no rule costs a pass more.
    total += Math.min(MAX_RULE_STEPS, ruleStepBound(site.rule, site.reads === 'band' ? sections : answers))
    if (crossedAt === null && total > MAX_PASS_STEPS) crossedAt = site.pointer
  }
  if (crossedAt === null) return []
  return [makeIssue('rule.passBudget', crossedAt, { steps: total, limit: MAX_PASS_STEPS })]
}
