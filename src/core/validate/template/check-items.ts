/** Per item type: everything a rubric author can get wrong inside one item. */
import type { Item, MultiItem, NumberItem, SingleItem } from '@/core/format/types'
import type { Issue } from '@/core/result'
import { makeIssue } from '../issues'
import { MAX_PATTERN_TOTAL, PatternBudget } from '../pattern-budget'
import { MAX_PATTERN_PROGRAM, type CompiledPattern } from '../safe-pattern'
import { checkValue } from '../values'
import type { TemplateIndex } from '@/core/scoring'

function checkChoice(item: SingleItem | MultiItem, at: string): Issue[] {
  if (item.options.length === 0) return [makeIssue('options.empty', `${at}/options`, {}, item.id)]
  const issues: Issue[] = []
  const additive = item.options.findIndex((o) => o.points !== undefined)
  const deductive = item.options.findIndex((o) => o.deduct !== undefined)
  if (additive >= 0 && deductive >= 0) {
    // Point at whichever comes second: the option that breaks the item's pattern.
    const at2 = additive > deductive ? `${at}/options/${additive}/points` : `${at}/options/${deductive}/deduct`
    issues.push(makeIssue('options.mixedScoring', at2, {}, item.id))
  }
  if (deductive >= 0 && item.max === undefined) issues.push(makeIssue('item.maxRequired', at, {}, item.id))
  return issues
}

function checkNumber(item: NumberItem, at: string): Issue[] {
  const issues: Issue[] = []
  if (item.minValue !== undefined && item.maxValue !== undefined && item.minValue > item.maxValue) {
    issues.push(makeIssue('number.range', `${at}/minValue`, { min: item.minValue, max: item.maxValue }, item.id))
  }
  if (item.thresholds !== undefined && item.target !== undefined) {
    issues.push(makeIssue('number.thresholdsAndTarget', `${at}/target`, {}, item.id))
  }
  if (item.target !== undefined) {
    const missing = (['unit', 'deductEach', 'max'] as const).filter((key) => item[key] === undefined)
    if (missing.length > 0) issues.push(makeIssue('number.targetIncomplete', `${at}/target`, { missing: missing.join(', ') }, item.id))
  }
  if (item.unit !== undefined && item.unit <= 0) issues.push(makeIssue('number.unit', `${at}/unit`, {}, item.id))
  // Any order is fine (real rubrics list the best step first: 90→4, 80→3…); scoring takes the
  // highest min reached. Only a repeated min is refused: two steps at one value are ambiguous.
  const seen = new Set<number>()
  item.thresholds?.forEach((threshold, i) => {
    if (seen.has(threshold.min)) issues.push(makeIssue('number.thresholdDuplicate', `${at}/thresholds/${i}/min`, { min: threshold.min }, item.id))
    seen.add(threshold.min)
  })
  return issues
}

function patternIssue(refused: Extract<CompiledPattern, { ok: false }>, at: string, itemId: string): Issue {
  switch (refused.problem) {
    case 'syntax':
      return makeIssue('text.pattern', at, { reason: refused.reason }, itemId)
    case 'unsupported':
      return makeIssue('text.patternUnsupported', at, { reason: refused.reason }, itemId)
    case 'tooComplex':
      return makeIssue('text.patternTooComplex', at, { size: refused.reason, limit: MAX_PATTERN_PROGRAM }, itemId)
    default: {
      const never: never = refused.problem
      return never
    }
  }
}

function checkItem(item: Item, at: string, patterns: PatternBudget): Issue[] {
  switch (item.type) {
    case 'single':
    case 'multi':
      return checkChoice(item, at)
    case 'count':
      return item.deductEach !== undefined && item.max === undefined ? [makeIssue('item.maxRequired', at, {}, item.id)] : []
    case 'score': {
      const issues: Issue[] = []
      if (item.min !== undefined && item.min > item.max) issues.push(makeIssue('score.range', `${at}/min`, { min: item.min, max: item.max }, item.id))
      if (item.step !== undefined && item.step <= 0) issues.push(makeIssue('score.step', `${at}/step`, {}, item.id))
      return issues
    }
    case 'number':
      return checkNumber(item, at)
    case 'text': {
      const issues: Issue[] = []
      if (item.minLength !== undefined && item.maxLength !== undefined && item.minLength > item.maxLength) {
        issues.push(makeIssue('text.lengthRange', `${at}/minLength`, { min: item.minLength, max: item.maxLength }, item.id))
      }
      if (item.pattern === undefined) return issues
      const compiled = patterns.compile(item.pattern)
      if (compiled === null) issues.push(makeIssue('text.patternBudget', `${at}/pattern`, { limit: MAX_PATTERN_TOTAL }, item.id))
      else if (!compiled.ok) issues.push(patternIssue(compiled, `${at}/pattern`, item.id))
      return issues
    }
    case 'date':
      return item.minDate !== undefined && item.maxDate !== undefined && item.minDate > item.maxDate
        ? [makeIssue('date.range', `${at}/minDate`, { min: item.minDate, max: item.maxDate }, item.id)]
        : []
    case 'photo':
    case 'file':
      return item.minCount !== undefined && item.maxCount !== undefined && item.minCount > item.maxCount
        ? [makeIssue('attachment.countRange', `${at}/minCount`, { min: item.minCount, max: item.maxCount }, item.id)]
        : []
    case 'signature':
    case 'info':
      return []
    default: {
      const never: never = item
      return never
    }
  }
}

export function checkItems(index: TemplateIndex): Issue[] {
  const issues: Issue[] = []
  const patterns = new PatternBudget()
  let overBudget = false
  for (const { item, pointer } of index.items) {
    const found = checkItem(item, pointer, patterns)
    // Once the patterns' budget is spent, one issue says so; the patterns after it go unchecked.
    const unchecked = found.some((i) => i.code === 'text.patternBudget')
    issues.push(...(overBudget ? found.filter((i) => i.code !== 'text.patternBudget') : found))
    if (unchecked) overBudget = true
    if (item.type === 'info') continue
    if (item.evidence?.min !== undefined && item.evidence.min < 1) {
      issues.push(makeIssue('evidence.min', `${pointer}/evidence/min`, {}, item.id))
    }
    // An unchecked pattern stays uncompiled: its default is not matched against it either.
    if ('default' in item && item.default !== undefined && !unchecked) issues.push(...checkValue(item, item.default, `${pointer}/default`))
  }
  return issues
}
