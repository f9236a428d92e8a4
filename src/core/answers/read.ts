/**
 * Reading one answer: N/A, the effective value (rule 9: a `default` counts as an answer) and
 * whether the item counts as answered. This is the one definition of "answered" that scoring,
 * the fill page and validation share. Answers are untrusted data, so a value of the wrong shape
 * reads as no answer rather than throwing.
 */
import type { Answer, AnswerValue, ItemType } from '../format/types'
import type { ItemNode } from '../scoring/nodes'

const hasOwn = Object.prototype.hasOwnProperty

/** The answer to `node` in `answers`, own properties only where the id could be inherited. */
export function answerOf(node: ItemNode, answers: Readonly<Record<string, Answer>>): Answer | undefined {
  // An item id such as "constructor" must not read Object.prototype; other ids cannot, and
  // skip the extra own-property check (this runs per item on every tap).
  return !node.inheritedName || hasOwn.call(answers, node.id) ? answers[node.id] : undefined
}

/** Some character other than white space: free text of only spaces says nothing. */
const SOMETHING = /\S/

export interface ReadAnswer {
  /** Explicit `{ na: true }`; an option with `na` is detected when the option is read. */
  na: boolean
  /** The value that counts: the given one, else the item's default. */
  value: AnswerValue | undefined
  /** The value came from the item's `default`. */
  fromDefault: boolean
  answered: boolean
}

const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** Whether `value` is a real answer for an item of type `kind`. */
export function isAnswered(kind: ItemType, value: unknown): boolean {
  if (value === undefined) return false
  switch (kind) {
    case 'single':
      return typeof value === 'string' && value !== ''
    case 'text':
    case 'date':
      // White space only is no answer: a required remark cannot be passed with a space.
      return typeof value === 'string' && SOMETHING.test(value)
    case 'multi':
      // An empty selection is an answer ("none of these"), e.g. no hazard found.
      return isIdList(value)
    case 'count':
    case 'score':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'photo':
    case 'file':
    case 'signature':
      return (typeof value === 'string' && value !== '') || (isIdList(value) && value.length > 0)
    case 'info':
      return false
    default: {
      const never: never = kind
      return never
    }
  }
}

/**
 * Reads `answer` for `node` into `into` and returns it. The scorer reads every item on every
 * live re-score, so one scratch object is reused rather than allocating one per item.
 */
export function readAnswer(node: ItemNode, answer: Answer | undefined, into: ReadAnswer): ReadAnswer {
  into.na = false
  into.fromDefault = false
  into.value = undefined
  into.answered = false
  if (answer !== undefined && answer.na === true) {
    into.na = true
    into.answered = true
    return into
  }
  const given = answer === undefined ? undefined : answer.value
  if (given !== undefined) {
    into.value = given
    into.answered = isAnswered(node.kind, given)
  } else if (node.defaultValue !== undefined && isAnswered(node.kind, node.defaultValue)) {
    into.value = node.defaultValue
    into.fromDefault = true
    into.answered = true
  }
  return into
}

export const newReadAnswer = (): ReadAnswer => ({ na: false, value: undefined, fromDefault: false, answered: false })

/** Attachment ids that count as evidence: the answer's attachments, plus the value of file-like items. */
export function evidenceCount(kind: ItemType, answer: Answer | undefined): number {
  const ids = new Set(answer?.attachments ?? [])
  if (kind === 'photo' || kind === 'file' || kind === 'signature') {
    const v = answer?.value
    if (typeof v === 'string' && v !== '') ids.add(v)
    else if (isIdList(v)) for (const id of v) ids.add(id)
  }
  return ids.size
}
