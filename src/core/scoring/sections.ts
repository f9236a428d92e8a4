/**
 * Rules 3 and 4 of format.md: a section's score, max and bonus, rolled up from its items and
 * child sections (children first). Bonus points travel in `bonus`, apart from score and max.
 */
import type { SectionResult, Step } from '../format/types'
import { fromH, percentOf, toH } from './hundredths'
import type { TemplateIndex } from './nodes'

export interface SectionScore {
  result: SectionResult
  scoreH: number
  maxH: number
  bonusH: number
}

/** Per item (by index): points and max in hundredths, and whether it is visible and applicable. */
export interface ItemFigures {
  scoreH: Float64Array
  maxH: Float64Array
  counts: Uint8Array
}

/**
 * `hidden[i] === 1`: section i is hidden (its own `visibleIf` or an ancestor's); `zeroedBy[i]`: the id
 * of an item whose red line (`zero: 'section'`) sends section i to 0.
 */
export function rollUpSections(
  index: TemplateIndex,
  items: ItemFigures,
  hidden: Uint8Array,
  zeroedBy: ReadonlyArray<string | undefined>,
): SectionScore[] {
  const out: SectionScore[] = new Array<SectionScore>(index.sections.length)
  const itemNodes = index.items
  for (const s of index.postOrder) {
    const node = index.sections[s]
    if (node === undefined) continue
    const section = node.section
    const steps: Step[] = []
    let scoreH = 0
    let maxH = 0
    let bonusH = 0
    const own = node.items
    for (let k = 0; k < own.length; k++) {
      const i = own[k] as number
      if (items.counts[i] !== 1) continue
      const itemScoreH = items.scoreH[i] ?? 0
      if (itemNodes[i]?.bonus) bonusH += itemScoreH
      else {
        scoreH += itemScoreH
        maxH += items.maxH[i] ?? 0
      }
    }
    const children: SectionResult[] = []
    for (const c of node.children) {
      const child = out[c]
      if (child === undefined) continue
      children.push(child.result)
      bonusH += child.bonusH
      if (index.sections[c]?.bonus) continue
      scoreH += child.scoreH
      maxH += child.maxH
    }
    const isHidden = hidden[s] === 1
    if (isHidden) steps.push({ rule: 'hidden' })
    if (section.max !== undefined && !node.bonus && maxH > toH(section.max)) {
      steps.push({ rule: 'sectionMax', from: fromH(maxH), to: section.max })
      maxH = toH(section.max)
    }
    if (scoreH > maxH) {
      steps.push({ rule: 'sectionCap', from: fromH(scoreH), to: fromH(maxH) })
      scoreH = maxH
    }
    if (scoreH < 0) {
      steps.push({ rule: 'floor', from: fromH(scoreH), to: 0 })
      scoreH = 0
    }
    if (section.bonusMax !== undefined && bonusH > toH(section.bonusMax)) {
      steps.push({ rule: 'bonusCap', from: fromH(bonusH), to: section.bonusMax, cap: section.bonusMax })
      bonusH = toH(section.bonusMax)
    }
    const zeroItem = isHidden ? undefined : zeroedBy[s]
    if (zeroItem !== undefined) {
      steps.push({ rule: 'zero', scope: 'section', itemId: zeroItem })
      scoreH = 0
      bonusH = 0
    }
    const result: SectionResult = {
      id: section.id,
      score: fromH(scoreH),
      max: fromH(maxH),
      percent: node.bonus ? null : percentOf(scoreH, maxH),
      bonus: fromH(bonusH),
      isBonus: node.bonus,
      hidden: isHidden,
      zeroed: zeroItem !== undefined,
      sections: children,
      steps,
    }
    out[s] = { result, scoreH, maxH, bonusH }
  }
  return out
}
