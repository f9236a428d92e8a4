/**
 * Does a value fit its item? Used for answers in responses and for `default` in templates, so
 * the two can never disagree. `at` is the pointer of the value.
 */
import type { Item } from '@/core/format/types'
import type { Issue } from '@/core/result'
import { makeIssue } from './issues'
import { isOnStep } from './numbers'
import { compilePattern, MAX_PATTERN_INPUT } from './safe-pattern'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max)
}

function range(min: number | string | undefined, max: number | string | undefined): { min: number | string; max: number | string } {
  return { min: min ?? '-∞', max: max ?? '∞' }
}

function checkOptions(item: Item & { options: Array<{ id: string }> }, ids: string[], at: string, indexed: boolean): Issue[] {
  const issues: Issue[] = []
  const known = new Set(item.options.map((o) => o.id))
  const seen = new Set<string>()
  ids.forEach((id, i) => {
    const where = indexed ? `${at}/${i}` : at
    if (!known.has(id)) issues.push(makeIssue('value.unknownOption', where, { id }, item.id))
    else if (seen.has(id)) issues.push(makeIssue('value.duplicateOption', where, { id }, item.id))
    seen.add(id)
  })
  return issues
}

function checkText(item: Item & { type: 'text' }, value: string, at: string): Issue[] {
  if (item.minLength !== undefined && value.length < item.minLength) return [makeIssue('value.tooShort', at, { limit: item.minLength }, item.id)]
  if (item.maxLength !== undefined && value.length > item.maxLength) return [makeIssue('value.tooLong', at, { limit: item.maxLength }, item.id)]
  if (item.pattern === undefined || value === '') return []
  if (value.length > MAX_PATTERN_INPUT) return [makeIssue('value.patternUncheckable', at, { limit: MAX_PATTERN_INPUT }, item.id)]
  const compiled = compilePattern(item.pattern)
  // A broken pattern is the template's fault and is reported there (text.pattern), not per answer.
  if (compiled.ok && !compiled.test(value)) return [makeIssue('value.pattern', at, { pattern: item.pattern }, item.id)]
  return []
}

/** Issues with `value` as an answer to `item` (info items take no answer: the caller reports that). */
export function checkValue(item: Item, value: unknown, at: string): Issue[] {
  const wrongType = (expected: string): Issue[] => [makeIssue('value.type', at, { expected }, item.id)]
  switch (item.type) {
    case 'single':
      return typeof value === 'string' ? checkOptions(item, [value], at, false) : wrongType('string')
    case 'multi':
      return isStringArray(value) ? checkOptions(item, value, at, true) : wrongType('string[]')
    case 'count':
      if (!isNumber(value)) return wrongType('number')
      if (!Number.isInteger(value)) return [makeIssue('value.notInteger', at, {}, item.id)]
      return inRange(value, 0, item.maxCount) ? [] : [makeIssue('value.outOfRange', at, range(0, item.maxCount), item.id)]
    case 'score': {
      if (!isNumber(value)) return wrongType('number')
      const min = item.min ?? 0
      if (!inRange(value, min, item.max)) return [makeIssue('value.outOfRange', at, range(min, item.max), item.id)]
      if (item.step !== undefined && !isOnStep(value, min, item.step)) return [makeIssue('value.offStep', at, { min, step: item.step }, item.id)]
      return []
    }
    case 'number':
      if (!isNumber(value)) return wrongType('number')
      if (item.integer === true && !Number.isInteger(value)) return [makeIssue('value.notInteger', at, {}, item.id)]
      return inRange(value, item.minValue, item.maxValue) ? [] : [makeIssue('value.outOfRange', at, range(item.minValue, item.maxValue), item.id)]
    case 'text':
      return typeof value === 'string' ? checkText(item, value, at) : wrongType('string')
    case 'date':
      if (typeof value !== 'string') return wrongType('string')
      if (!isValidDate(value)) return [makeIssue('value.date', at, {}, item.id)]
      // ISO dates compare correctly as strings.
      if ((item.minDate !== undefined && value < item.minDate) || (item.maxDate !== undefined && value > item.maxDate)) {
        return [makeIssue('value.dateRange', at, range(item.minDate, item.maxDate), item.id)]
      }
      return []
    case 'photo':
    case 'file':
      if (!isStringArray(value)) return wrongType('string[]')
      return inRange(value.length, item.minCount, item.maxCount) ? [] : [makeIssue('value.attachmentCount', at, range(item.minCount ?? 0, item.maxCount), item.id)]
    case 'signature':
      return typeof value === 'string' ? [] : wrongType('string')
    case 'info':
      return []
    default: {
      const never: never = item
      return never
    }
  }
}
