/**
 * Rule 7 of evaluation.md: where the panel disagrees. An item is flagged when the spread
 * (max − min) of its points across the reviews reaches `itemSpreadPercent` % of the item's max; a
 * review when its total is `totalDeviation` points or more from the panel total. Compared in
 * integer hundredths, so a threshold met exactly is met. The panel view (detail.ts) reads the
 * same ranges and tests, so what it shows is what the result flagged.
 */
import { toH } from '../scoring/hundredths'
import type { ItemResult, ScoreResult } from '../format/types'
import type { DisagreementSpec, SubjectDisagreements } from './types'

/**
 * Whether a review's item takes part in the spread: visible, applicable and scored. An N/A
 * answer has no points to disagree about.
 */
export function countsForSpread(item: ItemResult | undefined): item is ItemResult {
  return item !== undefined && item.scored && !item.na && !item.hidden
}

/** One item's points across the reviews where it counts, in hundredths. */
export interface ItemRange {
  id: string
  lowH: number
  highH: number
  /** The largest max any of those reviews gives the item. */
  maxH: number
  /** How many reviews it counts in. */
  counted: number
}

/** Every item's range, in the order of the first review's items (template order). */
export function itemRanges(scores: readonly ScoreResult[]): ItemRange[] {
  const first = scores[0]
  if (first === undefined) return []
  const out: ItemRange[] = []
  for (let i = 0; i < first.items.length; i++) {
    const range: ItemRange = { id: first.items[i]?.id ?? '', lowH: Number.POSITIVE_INFINITY, highH: Number.NEGATIVE_INFINITY, maxH: 0, counted: 0 }
    for (const r of scores) {
      const item = r.items[i]
      if (!countsForSpread(item)) continue
      const h = toH(item.score)
      range.lowH = Math.min(range.lowH, h)
      range.highH = Math.max(range.highH, h)
      range.maxH = Math.max(range.maxH, toH(item.max))
      range.counted++
    }
    out.push(range)
  }
  return out
}

/** Whether an item's range is flagged at `percent` % of its max (undefined: never). */
export function spreadFlagged(range: ItemRange, percent: number | undefined): boolean {
  if (percent === undefined || range.counted < 2 || range.maxH <= 0) return false
  // spread / max ≥ percent / 100, with percent in hundredths: spread × 10000 ≥ percentH × max.
  return (range.highH - range.lowH) * 10000 >= toH(percent) * range.maxH
}

/** Whether a total (points) is `totalDeviation` or more from the panel total (undefined: never). */
export function deviates(total: number, panelTotalH: number, spec: DisagreementSpec | undefined): boolean {
  return spec?.totalDeviation !== undefined && Math.abs(toH(total) - panelTotalH) >= toH(spec.totalDeviation)
}

/** The disagreement flags of one subject; `reviewers[i]` filled `scores[i]`. */
export function disagreementsOf(
  scores: readonly ScoreResult[],
  reviewers: readonly string[],
  panelTotalH: number,
  spec: DisagreementSpec | undefined,
): SubjectDisagreements {
  const percent = spec?.itemSpreadPercent
  const items = percent === undefined || scores.length < 2 ? [] : itemRanges(scores).filter((r) => spreadFlagged(r, percent)).map((r) => r.id)
  const out: SubjectDisagreements = { items, reviewers: [] }
  scores.forEach((r, i) => {
    if (deviates(r.total, panelTotalH, spec)) out.reviewers.push(reviewers[i] ?? '')
  })
  return out
}
