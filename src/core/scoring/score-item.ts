/**
 * One item's points (rules 1, 2, 7, 9 of format.md), with the steps that explain them. Section,
 * total, veto ceilings and findings are decided later from what this returns.
 */
import type { AnswerValue, CountItem, Item, ItemResult, NumberItem, Option, Step, Veto, ZeroScope } from '../format/types'
import type { ReadAnswer } from './answers'
import { fromH, toH } from './hundredths'
import type { ItemNode } from './template-index'

/** What a chosen option (or a count > 0) sets off: a finding, a veto, a red line. */
export interface Trigger {
  optionId?: string
  flag: boolean
  veto?: Veto
  zero?: ZeroScope
}

export interface ItemScore {
  result: ItemResult
  scoreH: number
  /** 0 when hidden or not applicable: such an item leaves the max. */
  maxH: number
  /** Applicable and visible. */
  counts: boolean
  triggers: Trigger[]
  /** The occurrences found, for count items. */
  count?: number
  /** An option id in the answer that the item does not have. */
  unknownOption?: string
}

/** Raw points before cap/floor, and the triggers, of an answered, applicable item. */
interface Points {
  rawH: number
  steps: Step[]
  triggers: Trigger[]
  count?: number
  /** Set when an option marks the item not applicable. */
  na?: boolean
  unknownOption?: string
}

function base(node: ItemNode, sectionId: string): ItemResult {
  return {
    id: node.item.id,
    sectionId,
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

const triggerOf = (o: Option): Trigger => ({ optionId: o.id, flag: o.flag === true, veto: o.veto, zero: o.zero })

function choicePoints(node: ItemNode, chosenIds: readonly string[]): Points {
  const options = node.options ?? new Map<string, Option>()
  const chosen: Option[] = []
  let unknownOption: string | undefined
  for (const id of chosenIds) {
    const o = options.get(id)
    if (o === undefined) unknownOption ??= id
    else chosen.push(o)
  }
  if (chosen.some((o) => o.na === true)) return { rawH: 0, steps: [], triggers: [], na: true, unknownOption }
  const optionIds = chosen.map((o) => o.id)
  const labels = chosen.map((o) => o.label)
  const triggers = chosen.filter((o) => o.flag || o.veto !== undefined || o.zero !== undefined).map(triggerOf)
  if (node.deductive) {
    let deducted = 0
    for (const o of chosen) deducted += toH(o.deduct ?? 0)
    const step: Step = { rule: 'deduct', optionIds, labels, deducted: fromH(deducted), max: fromH(node.maxH) }
    return { rawH: node.maxH - deducted, steps: [step], triggers, unknownOption }
  }
  let points = 0
  for (const o of chosen) points += toH(o.points ?? 0)
  const step: Step =
    node.item.type === 'single' && chosen.length === 1
      ? { rule: 'option', optionId: optionIds[0] ?? '', label: labels[0] ?? '', points: fromH(points) }
      : { rule: 'options', optionIds, labels, points: fromH(points) }
  return { rawH: points, steps: [step], triggers, unknownOption }
}

function countPoints(node: ItemNode, item: CountItem, value: number): Points {
  const count = Math.max(0, value)
  const steps: Step[] = []
  let rawH = node.maxH
  if (item.deductEach !== undefined) {
    const deducted = Math.round(toH(item.deductEach) * count)
    rawH -= deducted
    const step: Step = { rule: 'deductEach', count, each: item.deductEach, deducted: fromH(deducted) }
    if (item.unitLabel !== undefined) step.unitLabel = item.unitLabel
    steps.push(step)
  }
  const triggers: Trigger[] = []
  if (count > 0 && (item.flag === true || item.veto !== undefined || item.zero !== undefined)) {
    triggers.push({ flag: item.flag === true, veto: item.veto, zero: item.zero })
  }
  return { rawH, steps, triggers, count }
}

function numberPoints(node: ItemNode, item: NumberItem, value: number): Points {
  const vH = toH(value)
  if (node.thresholds !== null) {
    let reached: { min: number; points: number } | null = null
    for (const t of node.thresholds) if (vH >= toH(t.min)) reached = t
    const step: Step = { rule: 'threshold', value, min: reached?.min ?? null, points: reached?.points ?? 0 }
    return { rawH: toH(reached?.points ?? 0), steps: [step], triggers: [] }
  }
  const targetH = toH(item.target ?? 0)
  const unitH = toH(item.unit ?? 0)
  const eachH = toH(item.deductEach ?? 0)
  // 出勤率<90%每低10%扣1分: only full units below the target count.
  const units = vH < targetH && unitH > 0 ? Math.floor((targetH - vH) / unitH) : 0
  const deducted = units * eachH
  const step: Step = {
    rule: 'belowTarget',
    value,
    target: fromH(targetH),
    unit: fromH(unitH),
    units,
    each: fromH(eachH),
    deducted: fromH(deducted),
  }
  return { rawH: node.maxH - deducted, steps: [step], triggers: [] }
}

function pointsOf(node: ItemNode, value: AnswerValue): Points {
  const item = node.item
  switch (item.type) {
    case 'single':
      return choicePoints(node, [value as string])
    case 'multi':
      return choicePoints(node, value as string[])
    case 'count':
      return countPoints(node, item, value as number)
    case 'score':
      return { rawH: toH(value as number), steps: [{ rule: 'score', value: value as number }], triggers: [] }
    case 'number':
      return numberPoints(node, item, value as number)
    default:
      return { rawH: 0, steps: [], triggers: [] }
  }
}

function allowsNegative(item: Item): boolean {
  switch (item.type) {
    case 'single':
    case 'multi':
    case 'count':
    case 'score':
    case 'number':
      return item.allowNegative === true
    default:
      return false
  }
}

/** A hidden item (`visibleIf` false, or a hidden section): out of score and max. */
export function hiddenItem(node: ItemNode, sectionId: string): ItemScore {
  const result = base(node, sectionId)
  result.hidden = true
  result.steps.push({ rule: 'hidden' })
  return { result, scoreH: 0, maxH: 0, counts: false, triggers: [] }
}

function notApplicable(result: ItemResult): ItemScore {
  result.na = true
  result.answered = true
  result.steps.push({ rule: 'na' })
  return { result, scoreH: 0, maxH: 0, counts: false, triggers: [] }
}

/** Scores a visible item from its read answer. */
export function scoreItem(node: ItemNode, sectionId: string, read: ReadAnswer): ItemScore {
  const result = base(node, sectionId)
  if (read.na) return notApplicable(result)
  if (read.fromDefault) result.steps.push({ rule: 'default', value: read.value ?? null })
  const item = node.item
  if (!node.scored) {
    result.answered = read.answered
    return { result, scoreH: 0, maxH: 0, counts: true, triggers: [] }
  }
  const maxH = node.maxH
  result.max = fromH(maxH)
  if (!read.answered || read.value === undefined) {
    result.steps.push({ rule: 'unanswered' })
    return { result, scoreH: 0, maxH, counts: true, triggers: [] }
  }
  if (item.type === 'single' && !(node.options?.has(read.value as string) ?? false)) {
    // A single answer naming no option of the item counts as no answer (and the result notes it).
    result.steps.push({ rule: 'unanswered' })
    return { result, scoreH: 0, maxH, counts: true, triggers: [], unknownOption: read.value as string }
  }
  const points = pointsOf(node, read.value)
  if (points.na) {
    result.steps = []
    return notApplicable(result)
  }
  result.answered = true
  result.steps.push(...points.steps)
  let scoreH = points.rawH
  if (node.bonus) result.steps.push({ rule: 'bonus' })
  if (scoreH > maxH) {
    result.steps.push({ rule: 'itemCap', from: fromH(scoreH), to: fromH(maxH) })
    scoreH = maxH
  }
  if (scoreH < 0 && !allowsNegative(item)) {
    result.steps.push({ rule: 'floor', from: fromH(scoreH), to: 0 })
    scoreH = 0
  }
  for (const t of points.triggers) {
    if (t.flag) result.flagged = true
    if (t.zero !== undefined) {
      const step: Step = { rule: 'zero', scope: t.zero }
      if (t.optionId !== undefined) step.optionId = t.optionId
      result.steps.push(step)
      if (t.zero === 'item') scoreH = 0
    }
  }
  result.score = fromH(scoreH)
  const out: ItemScore = { result, scoreH, maxH, counts: true, triggers: points.triggers }
  if (points.count !== undefined) out.count = points.count
  if (points.unknownOption !== undefined) out.unknownOption = points.unknownOption
  return out
}
