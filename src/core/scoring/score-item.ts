/**
 * One item's points (rules 1, 2, 7, 9 of format.md), with the steps that explain them. Section,
 * total, veto ceilings and findings are decided later from what this returns. This runs once
 * per item on every live re-score, so it reads the precomputed `ItemNode` and reuses frozen
 * steps where the figures never change.
 */
import type { CountItem, ItemResult, NumberItem, Step, Veto, ZeroScope } from '../format/types'
import type { ReadAnswer } from './answers'
import { fromH, toH } from './hundredths'
import type { Choice, ItemNode } from './template-index'

const NO_TRIGGERS: readonly Trigger[] = Object.freeze([])

/** What a chosen option (or a count > 0) sets off: a finding, a veto, a red line. */
export interface Trigger {
  optionId?: string
  flag: boolean
  veto?: Veto
  zero?: ZeroScope
}

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

function newResult(node: ItemNode): ItemResult {
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
    steps: [],
  }
}

/** A hidden item (`visibleIf` false, or a hidden section): out of score and max. */
export function hiddenItem(node: ItemNode, out: ItemOut): ItemResult {
  reset(out, false, 0)
  const result = newResult(node)
  result.hidden = true
  result.steps.push(HIDDEN)
  return result
}

function notApplicable(result: ItemResult, out: ItemOut): ItemResult {
  reset(out, false, 0)
  result.na = true
  result.answered = true
  result.max = 0
  result.steps = [NA]
  return result
}

/** Adds a multi answer's points to `out.scoreH`; sets `out.na` when a chosen option says N/A. */
function multiRaw(node: ItemNode, ids: readonly string[], steps: Step[], out: ItemOut): void {
  const chosen: Choice[] = []
  for (const id of ids) {
    const c = node.choices?.get(id)
    if (c === undefined) out.unknownOption ??= id
    else if (!chosen.includes(c)) chosen.push(c)
  }
  if (chosen.some((c) => c.option.na === true)) {
    out.na = true
    return
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
  steps.push(
    node.deductive
      ? { rule: 'deduct', optionIds, labels, deducted: fromH(sumH), max: fromH(node.maxH) }
      : { rule: 'options', optionIds, labels, points: fromH(sumH) },
  )
  out.scoreH = node.deductive ? node.maxH - sumH : sumH
}

function countRaw(node: ItemNode, item: CountItem, value: number, steps: Step[], out: ItemOut): void {
  const count = Math.max(0, value)
  let rawH = node.maxH
  if (item.deductEach !== undefined) {
    const deducted = Math.round(toH(item.deductEach) * count)
    rawH -= deducted
    const step: Step = { rule: 'deductEach', count, each: item.deductEach, deducted: fromH(deducted) }
    if (item.unitLabel !== undefined) step.unitLabel = item.unitLabel
    steps.push(step)
  }
  if (count > 0 && (item.flag === true || item.veto !== undefined || item.zero !== undefined)) {
    out.triggers = [{ flag: item.flag === true, veto: item.veto, zero: item.zero }]
  }
  out.count = count
  out.scoreH = rawH
}

function numberRaw(node: ItemNode, item: NumberItem, value: number, steps: Step[], out: ItemOut): void {
  const vH = toH(value)
  if (node.thresholds !== null) {
    let reached: { min: number; points: number } | null = null
    for (const t of node.thresholds) if (vH >= toH(t.min)) reached = t
    steps.push({ rule: 'threshold', value, min: reached?.min ?? null, points: reached?.points ?? 0 })
    out.scoreH = toH(reached?.points ?? 0)
    return
  }
  const targetH = toH(item.target ?? 0)
  const unitH = toH(item.unit ?? 0)
  const eachH = toH(item.deductEach ?? 0)
  // 出勤率<90%每低10%扣1分: only full units below the target count.
  const units = vH < targetH && unitH > 0 ? Math.floor((targetH - vH) / unitH) : 0
  const deducted = units * eachH
  steps.push({
    rule: 'belowTarget', value, target: fromH(targetH), unit: fromH(unitH), units, each: fromH(eachH), deducted: fromH(deducted),
  })
  out.scoreH = node.maxH - deducted
}

/** Scores a visible item from its read answer; the figures beside the result go into `out`. */
export function scoreItem(node: ItemNode, read: ReadAnswer, out: ItemOut): ItemResult {
  const result = newResult(node)
  if (read.na) return notApplicable(result, out)
  const steps = result.steps
  if (read.fromDefault) steps.push({ rule: 'default', value: read.value ?? null })
  if (!node.scored) {
    reset(out, true, 0)
    result.answered = read.answered
    return result
  }
  const maxH = node.maxH
  reset(out, true, maxH)
  result.max = fromH(maxH)
  const value = read.value
  if (!read.answered || value === undefined) {
    steps.push(UNANSWERED)
    return result
  }

  const item = node.item
  switch (item.type) {
    case 'single': {
      const c = node.choices?.get(value as string)
      if (c === undefined) {
        // An answer naming no option of the item counts as no answer (the result notes it).
        out.unknownOption = value as string
        steps.push(UNANSWERED)
        return result
      }
      if (c.option.na === true) return notApplicable(result, out)
      steps.push(c.step)
      out.scoreH = node.deductive ? maxH - c.pointsH : c.pointsH
      if (c.trigger !== null) out.triggers = [c.trigger]
      break
    }
    case 'multi':
      multiRaw(node, value as string[], steps, out)
      if (out.na) return notApplicable(result, out)
      break
    case 'count':
      countRaw(node, item, value as number, steps, out)
      break
    case 'score':
      steps.push({ rule: 'score', value: value as number })
      out.scoreH = toH(value as number)
      break
    case 'number':
      numberRaw(node, item, value as number, steps, out)
      break
    default:
      break
  }

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
  for (const t of out.triggers) {
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
