/**
 * Rule 6 of format.md: the total, in this order — (a) base (sum or weighted), (b) normalize,
 * (c) bonus with its cap, (d) cap at the max, (e) floor at 0, (f) red lines on the total.
 * Every step that changes or forms the number is recorded.
 */
import type { ResultNote, Step, TemplateScoring } from '../format/types'
import { divRound, fromH, toH } from './hundredths'
import { note } from './notes'

export interface TopSection {
  id: string
  scoreH: number
  maxH: number
  bonusH: number
  isBonus: boolean
  weight: number | undefined
}

export interface Total {
  totalH: number
  maxH: number
  baseH: number
  bonusH: number
  steps: Step[]
  notes: ResultNote[]
}

interface Base {
  rawH: number
  applicableMaxH: number
}

function sumBase(top: readonly TopSection[], steps: Step[]): Base {
  let rawH = 0
  let applicableMaxH = 0
  for (const s of top) {
    if (s.isBonus) continue
    rawH += s.scoreH
    applicableMaxH += s.maxH
  }
  steps.push({ rule: 'sum', score: fromH(rawH), max: fromH(applicableMaxH) })
  return { rawH, applicableMaxH }
}

/**
 * Σ section score / max × weight, each product rounded half-up to hundredths. The exact ratio is
 * used, not the already rounded percentage, so each product is rounded once. A section with
 * nothing applicable (max 0) has no percentage: it adds 0 and its weight leaves the max.
 */
function weightedBase(scoring: TemplateScoring, top: readonly TopSection[], steps: Step[], notes: ResultNote[]): Base {
  let rawH = 0
  let weightsH = 0
  let droppedH = 0
  for (const s of top) {
    if (s.isBonus) continue
    const weightH = toH(s.weight ?? 0)
    weightsH += weightH
    if (s.maxH <= 0) {
      droppedH += weightH
      steps.push({ rule: 'weightDropped', sectionId: s.id, weight: fromH(weightH) })
      notes.push(note('weightDropped', { sectionId: s.id, weight: fromH(weightH) }))
      continue
    }
    const valueH = divRound(s.scoreH * weightH, s.maxH)
    rawH += valueH
    steps.push({ rule: 'weighted', sectionId: s.id, score: fromH(s.scoreH), max: fromH(s.maxH), weight: fromH(weightH), value: fromH(valueH) })
  }
  const scaleH = scoring.max !== undefined ? toH(scoring.max) : weightsH
  return { rawH, applicableMaxH: Math.max(0, scaleH - droppedH) }
}

export function computeTotal(scoring: TemplateScoring | undefined, top: readonly TopSection[], zeroTotalBy: readonly string[]): Total {
  const steps: Step[] = []
  const notes: ResultNote[] = []
  // (a) base
  const { rawH, applicableMaxH } =
    scoring?.method === 'weighted' ? weightedBase(scoring, top, steps, notes) : sumBase(top, steps)
  // (b) normalize to scoring.max
  let baseH = rawH
  let maxH = applicableMaxH
  if (scoring?.normalize === true && scoring.max !== undefined) {
    const scaleH = toH(scoring.max)
    if (applicableMaxH <= 0) {
      baseH = 0
      notes.push(note('applicableMaxZero', {}))
    } else {
      baseH = divRound(rawH * scaleH, applicableMaxH)
    }
    steps.push({ rule: 'normalize', raw: fromH(rawH), applicableMax: fromH(applicableMaxH), scale: scoring.max, value: fromH(baseH) })
    maxH = scaleH
  }
  // (c) bonus, capped over the whole template
  let bonusH = 0
  for (const s of top) bonusH += s.bonusH
  if (scoring?.bonusMax !== undefined && bonusH > toH(scoring.bonusMax)) {
    steps.push({ rule: 'bonusCap', from: fromH(bonusH), to: scoring.bonusMax, cap: scoring.bonusMax })
    bonusH = toH(scoring.bonusMax)
  }
  if (bonusH !== 0) steps.push({ rule: 'addBonus', base: fromH(baseH), bonus: fromH(bonusH), value: fromH(baseH + bonusH) })
  let totalH = baseH + bonusH
  // (d) cap at the max
  if (scoring?.allowOverMax !== true && totalH > maxH) {
    steps.push({ rule: 'maxCap', from: fromH(totalH), to: fromH(maxH) })
    totalH = maxH
  }
  // (e) floor at 0
  if (totalH < 0) {
    steps.push({ rule: 'floor', from: fromH(totalH), to: 0 })
    totalH = 0
  }
  // (f) red lines (红线) on the total
  for (const itemId of zeroTotalBy) {
    steps.push({ rule: 'zeroTotal', itemId, from: fromH(totalH) })
    totalH = 0
  }
  return { totalH, maxH, baseH, bonusH, steps, notes }
}
