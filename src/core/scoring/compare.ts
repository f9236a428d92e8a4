/**
 * Rule 12 of format.md: self-assessment (自查分) against review (考核分), per item, per section
 * and for the total, with the difference review − self, exact in hundredths.
 */
import type { BandResult, ScoreResult, SectionResult } from '../format/types'
import { fromH, toH } from './hundredths'

/** One row of the two columns. A side is null when the item or section is absent, hidden or N/A there. */
export interface ComparisonRow {
  id: string
  self: number | null
  review: number | null
  /** review − self; null when either side is null. */
  difference: number | null
  selfMax: number | null
  reviewMax: number | null
}

/**
 * A section or the total. `self` / `review` are the points it contributes, bonus included (a
 * 加分项 section has base 0 and max 0: its points are all bonus); `selfBonus` / `reviewBonus` say
 * how much of that is bonus, so a view can show "+2" rather than the base alone.
 */
export interface ScoreComparison extends ComparisonRow {
  selfBonus: number | null
  reviewBonus: number | null
}

export interface SectionComparison extends ScoreComparison {
  sections: SectionComparison[]
}

export interface Comparison {
  templateId: string
  templateVersion: number
  total: ScoreComparison
  /** Items in template order (review's order, then any only the self-assessment has). */
  items: ComparisonRow[]
  /** Nested like the template. */
  sections: SectionComparison[]
  selfBand: BandResult | null
  reviewBand: BandResult | null
}

interface Side {
  score: number
  max: number
  bonus?: number
}

function row(id: string, self: Side | null, review: Side | null): ComparisonRow {
  return {
    id,
    self: self?.score ?? null,
    review: review?.score ?? null,
    difference: self !== null && review !== null ? fromH(toH(review.score) - toH(self.score)) : null,
    selfMax: self?.max ?? null,
    reviewMax: review?.max ?? null,
  }
}

/** Ids of both lists, first list's order, then ids only the second has. */
function unionIds<T extends { id: string }>(first: readonly T[], second: readonly T[]): string[] {
  const ids = first.map((x) => x.id)
  const seen = new Set(ids)
  for (const x of second) if (!seen.has(x.id)) ids.push(x.id)
  return ids
}

function scoreRow(id: string, self: Side | null, review: Side | null): ScoreComparison {
  return { ...row(id, self, review), selfBonus: self?.bonus ?? null, reviewBonus: review?.bonus ?? null }
}

/** A section's points with its bonus: `SectionResult.score` leaves the bonus out. */
function sectionSide(s: SectionResult | undefined): Side | null {
  return s === undefined || s.hidden ? null : { score: fromH(toH(s.score) + toH(s.bonus)), max: s.max, bonus: s.bonus }
}

function compareSections(self: readonly SectionResult[], review: readonly SectionResult[]): SectionComparison[] {
  const bySelf = new Map(self.map((s) => [s.id, s]))
  const byReview = new Map(review.map((s) => [s.id, s]))
  return unionIds(review, self).map((id) => {
    const a = bySelf.get(id)
    const b = byReview.get(id)
    return { ...scoreRow(id, sectionSide(a), sectionSide(b)), sections: compareSections(a?.sections ?? [], b?.sections ?? []) }
  })
}

/**
 * Compares a self-assessment with its review (both scored against the same template version):
 * every item, every section (bonus included) and the total, review − self in exact hundredths.
 */
export function compareResults(self: ScoreResult, review: ScoreResult): Comparison {
  const selfItems = new Map(self.items.map((i) => [i.id, i]))
  const reviewItems = new Map(review.items.map((i) => [i.id, i]))
  const itemSide = (i: ScoreResult['items'][number] | undefined): Side | null =>
    i === undefined || i.hidden || i.na ? null : { score: i.score, max: i.max }
  return {
    templateId: review.templateId,
    templateVersion: review.templateVersion,
    total: scoreRow('total', { score: self.total, max: self.max, bonus: self.bonus }, { score: review.total, max: review.max, bonus: review.bonus }),
    items: unionIds(review.items, self.items).map((id) => row(id, itemSide(selfItems.get(id)), itemSide(reviewItems.get(id)))),
    sections: compareSections(self.sections, review.sections),
    selfBand: self.band,
    reviewBand: review.band,
  }
}
