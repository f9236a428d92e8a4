/**
 * Rule 7 of evaluation.md: where the panel disagrees. An item is flagged when the spread
 * (max − min) of its points across the reviews reaches `itemSpreadPercent` % of the item's max; a
 * review when its total is `totalDeviation` points or more from the panel total. Compared in
 * integer hundredths, so a threshold met exactly is met.
 */
import { toH } from '../scoring/hundredths'
import type { ScoreResult } from '../format/types'
import type { DisagreementSpec, SubjectDisagreements } from './types'

/**
 * Items in template order. Only reviews where the item counts (visible, applicable, scored) are
 * compared: an N/A answer has no points to disagree about. The item's max is the largest any of
 * those reviews gives it.
 */
function flaggedItems(scores: readonly ScoreResult[], percent: number): string[] {
  const first = scores[0]
  if (first === undefined || scores.length < 2) return []
  const thresholdH = toH(percent)
  const out: string[] = []
  for (let i = 0; i < first.items.length; i++) {
    let low = Number.POSITIVE_INFINITY
    let high = Number.NEGATIVE_INFINITY
    let maxH = 0
    let seen = 0
    for (const r of scores) {
      const item = r.items[i]
      if (item === undefined || !item.scored || item.na || item.hidden) continue
      const h = toH(item.score)
      low = Math.min(low, h)
      high = Math.max(high, h)
      maxH = Math.max(maxH, toH(item.max))
      seen++
    }
    // spread / max ≥ percent / 100, with percent in hundredths: spread × 10000 ≥ percentH × max.
    if (seen >= 2 && maxH > 0 && (high - low) * 10000 >= thresholdH * maxH) out.push(first.items[i]?.id ?? '')
  }
  return out
}

/** The disagreement flags of one subject; `reviewers[i]` filled `scores[i]`. */
export function disagreementsOf(
  scores: readonly ScoreResult[],
  reviewers: readonly string[],
  panelTotalH: number,
  spec: DisagreementSpec | undefined,
): SubjectDisagreements {
  const items = spec?.itemSpreadPercent === undefined ? [] : flaggedItems(scores, spec.itemSpreadPercent)
  const out: SubjectDisagreements = { items, reviewers: [] }
  if (spec?.totalDeviation === undefined) return out
  const limitH = toH(spec.totalDeviation)
  scores.forEach((r, i) => {
    if (Math.abs(toH(r.total) - panelTotalH) >= limitH) out.reviewers.push(reviewers[i] ?? '')
  })
  return out
}
