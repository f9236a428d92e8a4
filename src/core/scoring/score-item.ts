/**
 * One item's points (rules 1, 2, 7, 9 of format.md), with the steps that explain them. Section,
 * total, veto ceilings and findings are decided later from what this returns. This runs once
 * per item on every live re-score, so it reads the precomputed `ItemNode` and reuses frozen
 * steps where the figures never change.
 */
import type { CountItem, ItemResult, NumberItem, Step } from '../format/types'
import type { ReadAnswer } from '../answers/read'
import { fromH, toH } from './hundredths'
import { choiceOf, type Choice, type ItemNode, type Trigger } from './nodes'

const NO_TRIGGERS: readonly Trigger[] = Object.freeze([])

/**
 * The figures of one item beside its `ItemResult`, written into a scratch object the caller
 * reuses from item to item (scoring runs on every tap; this saves allocations per item).
 */
export interface ItemOut {
  scoreH: number
  /** 0 when hidden or not applicable: such an item leaves the max. */
  maxH: number
  /** Visible and applicable. */
  counts: boolean
  triggers: readonly Trigger[]
  /** The occurrences found, for count items. */
  count: number | undefined
  /** An option id in the answer that the item does not have. */
  unknownOption: string | undefined
  /** An option of a multi answer marks the item not applicable. */
  na: boolean
}

export const newItemOut = (): ItemOut => ({
  scoreH: 0, maxH: 0, counts: false, triggers: NO_TRIGGERS, count: undefined, unknownOption: undefined, na: false,
})

function reset(out: ItemOut, counts: boolean, maxH: number): void {
  out.scoreH = 0
  out.maxH = maxH
  out.counts = counts
  out.triggers = NO_TRIGGERS
  out.count = undefined
  out.unknownOption = undefined
  out.na = false
}

const HIDDEN: Step = Object.freeze({ rule: 'hidden' })
const NA: Step = Object.freeze({ rule: 'na' })
const UNANSWERED: Step = Object.freeze({ rule: 'unanswered' })
const BONUS: Step = Object.freeze({ rule: 'bonus' })

/**
 * `steps` comes in built: an array literal of its final length costs one small allocation,
 * where `[]` followed by a push allocates a 17-slot backing store per item.
 */
function newResult(node: ItemNode, steps: Step[]): ItemResult {
  return {
    id: node.id,
    sectionId: node.sectionId,
    score: 0,
    max: 0,
    na: false,
    hidden: false,
    answered: false,
    flagged: false,
    bonus: node.bonus,
    scored: node.scored,
    steps,
  }
}

/** A hidden item (`visibleIf` false, or a hidden section): out of score and max. */
export function hiddenItem(node: ItemNode, out: ItemOut): ItemResult {
  reset(out, false, 0)
  const result = newResult(node, [HIDDEN])
  result.hidden = true
  return result
}

function notApplicable(node: ItemNode, out: ItemOut): ItemResult {
  reset(out, false, 0)
  const result = newResult(node, [NA])
  result.na = true
  result.answered = true
  return result
}

/** The steps so far: the default's (rule 9) when the value came from it, then `step`. */
const withDefault = (defaultStep: Step | null, step: Step): Step[] => (defaultStep === null ? [step] : [defaultStep, step])

/** Adds a multi answer's points to `out.scoreH`; sets `out.na` when a chosen option says N/A. */
function multiRaw(node: ItemNode, ids: readonly string[], out: ItemOut): Step | null {
  const chosen: Choice[] = []
  for (const id of ids) {
    const c = choiceOf(node, id)
    if (c === undefined) out.unknownOption ??= id
    else if (!chosen.includes(c)) chosen.push(c)
  }
  if (chosen.some((c) => c.na)) {
    out.na = true
    return null
  }
  let sumH = 0
  const triggers: Trigger[] = []
  for (const c of chosen) {
    sumH += c.pointsH
    if (c.trigger !== null) triggers.push(c.trigger)
  }
  if (triggers.length > 0) out.triggers = triggers
  const optionIds = chosen.map((c) => c.option.id)
  const labels = chosen.map((c) => c.option.label)
  out.scoreH = node.deductive ? node.maxH - sumH : sumH
  return node.deductive
    ? { rule: 'deduct', optionIds, labels, deducted: fromH(sumH), max: fromH(node.maxH) }
    : { rule: 'options', optionIds, labels, points: fromH(sumH) }
}

/** Sets the count's points in `out`; returns its step, or null when nothing is deducted per count. */
function countRaw(node: ItemNode, item: CountItem, value: number, out: ItemOut): Step | null {
  const count = Math.max(0, value)
  let rawH = node.maxH
  let step: Step | null = null
  if (item.deductEach !== undefined) {
    const deducted = Math.round(toH(item.deductEach) * count)
    rawH -= deducted
    step = { rule: 'deductEach', count, each: item.deductEach, deducted: fromH(deducted) }
    if (item.unitLabel !== undefined) step.unitLabel = item.unitLabel
  }
  if (count > 0 && (item.flag === true || item.veto !== undefined || item.zero !== undefined)) {
    out.triggers = [{ flag: item.flag === true, veto: item.veto, zero: item.zero }]
  }
  out.count = count
  out.scoreH = rawH
  return step
}

function numberRaw(node: ItemNode, item: NumberItem, value: number, out: ItemOut): Step {
  const vH = toH(value)
  if (node.thresholds !== null) {
    let reached: { min: number; points: number } | null = null
    for (const t of node.thresholds) if (vH >= toH(t.min)) reached = t
    out.scoreH = toH(reached?.points ?? 0)
    return { rule: 'threshold', value, min: reached?.min ?? null, points: reached?.points ?? 0 }
  }
  const targetH = toH(item.target ?? 0)
  const unitH = toH(item.unit ?? 0)
  const eachH = toH(item.deductEach ?? 0)
  // 出勤率<90%每低10%扣1分: only full units below the target count.
  const units = vH < targetH && unitH > 0 ? Math.floor((targetH - vH) / unitH) : 0
  const deducted = units * eachH
  out.scoreH = node.maxH - deducted
  return {
    rule: 'belowTarget', value, target: fromH(targetH), unit: fromH(unitH), units, each: fromH(eachH), deducted: fromH(deducted),
  }
}

/** Scores a visible item from its read answer; the figures beside the result go into `out`. */
export function scoreItem(node: ItemNode, read: ReadAnswer, out: ItemOut): ItemResult {
  if (read.na) return notApplicable(node, out)
  const defaultStep = read.fromDefault ? node.defaultStep : null
  if (!node.scored) {
    reset(out, true, 0)
    const result = newResult(node, defaultStep === null ? [] : [defaultStep])
    result.answered = read.answered
    return result
  }
  const maxH = node.maxH
  reset(out, true, maxH)
  const value = read.value
  if (!read.answered || value === undefined) return unanswered(node, defaultStep)

  const item = node.item
  let steps: Step[]
  switch (item.type) {
    case 'single': {
      const c = choiceOf(node, value as string)
      if (c === undefined) {
        // An answer naming no option of the item counts as no answer (the result notes it).
        out.unknownOption = value as string
        return unanswered(node, defaultStep)
      }
      if (c.na) return notApplicable(node, out)
      steps = withDefault(defaultStep, c.step)
      out.scoreH = node.deductive ? maxH - c.pointsH : c.pointsH
      if (c.trigger !== null) out.triggers = [c.trigger]
      break
    }
    case 'multi': {
      const step = multiRaw(node, value as string[], out)
      if (step === null) return notApplicable(node, out)
      steps = withDefault(defaultStep, step)
      break
    }
    case 'count': {
      const step = countRaw(node, item, value as number, out)
      steps = step === null ? (defaultStep === null ? [] : [defaultStep]) : withDefault(defaultStep, step)
      break
    }
    case 'score':
      steps = withDefault(defaultStep, { rule: 'score', value: value as number })
      out.scoreH = toH(value as number)
      break
    case 'number':
      steps = withDefault(defaultStep, numberRaw(node, item, value as number, out))
      break
    default:
      steps = defaultStep === null ? [] : [defaultStep]
      break
  }

  const result = newResult(node, steps)
  result.max = node.max
  result.answered = true
  let scoreH = out.scoreH
  if (node.bonus) steps.push(BONUS)
  if (scoreH > maxH) {
    steps.push({ rule: 'itemCap', from: fromH(scoreH), to: fromH(maxH) })
    scoreH = maxH
  }
  if (scoreH < 0 && !node.allowNegative) {
    steps.push({ rule: 'floor', from: fromH(scoreH), to: 0 })
    scoreH = 0
  }
  // An index loop: `for…of` over the shared frozen empty list and fresh lists alike is slower.
  const triggers = out.triggers
  for (let k = 0; k < triggers.length; k++) {
    const t = triggers[k] as Trigger
    if (t.flag) result.flagged = true
    if (t.zero !== undefined) {
      const step: Step = { rule: 'zero', scope: t.zero }
      if (t.optionId !== undefined) step.optionId = t.optionId
      steps.push(step)
      if (t.zero === 'item') scoreH = 0
    }
  }
  out.scoreH = scoreH
  result.score = fromH(scoreH)
  return result
}

/** A scored item without a usable answer: it keeps its max and scores nothing (rule 9). */
function unanswered(node: ItemNode, defaultStep: Step | null): ItemResult {
  const result = newResult(node, defaultStep === null ? [UNANSWERED] : [defaultStep, UNANSWERED])
  result.max = node.max
  return result
}
