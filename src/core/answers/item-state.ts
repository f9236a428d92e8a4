/**
 * The answer model: what each item of a response is right now — visible, required, answered,
 * its effective value, N/A, and its evidence — decided once, here, for the fill page, the
 * builder preview and validation alike.
 *
 * Visibility, N/A, "answered", flags and points come from the score result, which already
 * decided them; only `requiredIf` is decided here, over the rule data of the same scoring (kept
 * in the index's scratch) and through the rule's memo, so no rule runs twice for one tap.
 * This runs on every tap of a 1,000-item checklist: an item whose state did not change keeps
 * its previous state object (no allocation, and the UI can compare by identity).
 */
import { RuleBudget } from '../conditions'
import type { Answer, AnswerValue, ItemResult, ScoreResult, Step, Template } from '../format/types'
import type { ItemNode, TemplateIndex } from '../scoring/nodes'
import { indexTemplate } from '../scoring/template-index'
import { decideVisibility } from '../scoring/visibility'
import { answerOf, evidenceCount, newReadAnswer, readAnswer } from './read'
import { evidenceNeeded, isRequired } from './rules'
import { stepsEqual } from './steps-equal'

export interface ItemState {
  /** `visibleIf` (the item's or a section's) is false: out of score, max and submit checks. */
  hidden: boolean
  /** Required now: visible, and `required` or its `requiredIf` holds. */
  required: boolean
  /** Has an answer that counts (a default counts; N/A counts; white space only does not). */
  answered: boolean
  /** Not applicable: `{ na: true }`, or a chosen option with `na`. */
  na: boolean
  /** The value the item shows and scores: the answer's, else the item's default. */
  value: AnswerValue | undefined
  scored: boolean
  score: number
  max: number
  flagged: boolean
  bonus: boolean
  steps: Step[]
  /** Attachments the evidence rule asks for right now (0: none required). */
  evidenceNeeded: number
  missingEvidence: boolean
}

const NO_STEPS: Step[] = []

/** The result of `node`: by position (results list items in index order), else by id. */
function resultOf(result: ScoreResult, node: ItemNode): ItemResult | undefined {
  const r = result.items[node.index]
  if (r !== undefined && r.id === node.id) return r
  // A result scored against another shape of the template (a stored one): look it up.
  return result.items.find((x) => x.id === node.id)
}

/** The rule data `requiredIf` reads: the scoring's own when `result` is the last one scored. */
function ruleData(
  index: TemplateIndex,
  answers: Readonly<Record<string, Answer>>,
  result: ScoreResult,
  pass: RuleBudget,
): Record<string, unknown> {
  const { lastResult, lastData } = index.scratch
  if (lastResult === result && lastData !== null) return lastData
  return decideVisibility(index, answers, pass).data
}

/**
 * Every item's state, in template order (`indexTemplate(template).items` order), from the
 * answers and their score `result` (`scoreResponse(template, { answers })`, or a stored one).
 * Pass the previous call's states as `previous`: entries that did not change are reused.
 */
export function deriveItemStates(
  template: Template,
  answers: Readonly<Record<string, Answer>>,
  result: ScoreResult,
  previous?: readonly ItemState[],
): ItemState[] {
  const index = indexTemplate(template)
  const nodes = index.items
  const out = new Array<ItemState>(nodes.length)
  const read = newReadAnswer()
  // Decided only if some visible item has a requiredIf (most templates: none).
  let data: Record<string, unknown> | undefined
  // One step budget for this pass's rules, as in scoring (a spent budget makes rules broken).
  const pass = new RuleBudget()
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as ItemNode
    const r = resultOf(result, node)
    const answer = answerOf(node, answers)
    const hidden = r === undefined ? false : r.hidden
    const na = r === undefined ? answer?.na === true : r.na
    readAnswer(node, answer, read)
    let required = false
    if (!hidden && node.kind !== 'info') {
      if (node.required) required = true
      else if (node.requiredIf !== undefined) required = isRequired(node, (data ??= ruleData(index, answers, result, pass)), pass)
    }
    const flagged = r === undefined ? false : r.flagged
    const needed = hidden || na ? 0 : evidenceNeeded(node, flagged)
    const missing = needed > 0 && evidenceCount(node.kind, answer) < needed
    const answered = r === undefined ? read.answered : r.answered
    const value = read.value
    const scored = r === undefined ? false : r.scored
    const score = r === undefined ? 0 : r.score
    const max = r === undefined ? 0 : r.max
    const bonus = r === undefined ? false : r.bonus
    const steps = r === undefined ? NO_STEPS : r.steps
    const prev = previous?.[i]
    if (
      prev !== undefined &&
      prev.hidden === hidden &&
      prev.required === required &&
      prev.answered === answered &&
      prev.na === na &&
      prev.value === value &&
      prev.scored === scored &&
      prev.score === score &&
      prev.max === max &&
      prev.flagged === flagged &&
      prev.bonus === bonus &&
      prev.evidenceNeeded === needed &&
      prev.missingEvidence === missing &&
      stepsEqual(prev.steps, steps)
    ) {
      out[i] = prev
      continue
    }
    out[i] = { hidden, required, answered, na, value, scored, score, max, flagged, bonus, steps, evidenceNeeded: needed, missingEvidence: missing }
  }
  return out
}
