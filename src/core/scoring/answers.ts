/**
 * Reading one answer: N/A, the effective value (rule 9: a `default` counts as an answer) and
 * whether the item counts as answered. Answers are untrusted data, so a value of the wrong shape
 * reads as no answer rather than throwing.
 */
import type { Answer, AnswerValue, Item } from '../format/types'

export interface ReadAnswer {
  /** Explicit `{ na: true }`; an option with `na` is detected when the option is read. */
  na: boolean
  /** The value that counts: the given one, else the item's default. */
  value: AnswerValue | undefined
  /** The value came from the item's `default`. */
  fromDefault: boolean
  answered: boolean
}

function defaultOf(item: Item): AnswerValue | undefined {
  switch (item.type) {
    case 'info':
    case 'photo':
    case 'file':
    case 'signature':
      return undefined
    default:
      return item.default
  }
}

const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Whether `value` is a real answer for the item's type. */
export function isAnswered(item: Item, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false
  switch (item.type) {
    case 'single':
    case 'text':
    case 'date':
      return typeof value === 'string' && value !== ''
    case 'multi':
      // An empty selection is an answer ("none of these"), e.g. no hazard found.
      return isIdList(value)
    case 'count':
    case 'score':
    case 'number':
      return isNumber(value)
    case 'photo':
    case 'file':
    case 'signature':
      return (typeof value === 'string' && value !== '') || (isIdList(value) && value.length > 0)
    case 'info':
      return false
    default: {
      const never: never = item
      return never
    }
  }
}

export function readAnswer(item: Item, answer: Answer | undefined): ReadAnswer {
  if (answer?.na === true) return { na: true, value: undefined, fromDefault: false, answered: true }
  const given = answer?.value
  if (given !== undefined) return { na: false, value: given, fromDefault: false, answered: isAnswered(item, given) }
  const fallback = defaultOf(item)
  if (fallback !== undefined && isAnswered(item, fallback)) {
    return { na: false, value: fallback, fromDefault: true, answered: true }
  }
  return { na: false, value: undefined, fromDefault: false, answered: false }
}

/** Attachment ids that count as evidence: the answer's attachments, plus the value of file-like items. */
export function evidenceCount(item: Item, answer: Answer | undefined): number {
  const ids = new Set(answer?.attachments ?? [])
  if (item.type === 'photo' || item.type === 'file' || item.type === 'signature') {
    const v = answer?.value
    if (typeof v === 'string' && v !== '') ids.add(v)
    else if (isIdList(v)) for (const id of v) ids.add(id)
  }
  return ids.size
}
