/** Rows of the breakdown and the ledger: template order, one per visible item, both sides. */
import type { Answer, Item, ItemResult, Section } from '@/core/format/types'
import { toRaw } from 'vue'
import { compareResults } from '@/core/scoring/compare'
import { indexTemplate } from '@/core/scoring/template-index'
import type { ResponseDetail, Side } from '@/stores/responses'

export interface ItemLine {
  index: number
  item: Exclude<Item, { type: 'info' }>
  section: Section
  self: { result: ItemResult; answer: Answer | undefined } | null
  review: { result: ItemResult; answer: Answer | undefined } | null
  /** review − self in points, exact (the core's comparison), when both sides scored the item. */
  difference: number | null
}

export interface Sides {
  self: Side | null
  review: Side | null
}

export function sidesOf(d: ResponseDetail): Sides {
  const other = d.counterpart
  return {
    self: d.row.role === 'self' ? d : other?.row.role === 'self' ? other : null,
    review: d.row.role === 'review' ? d : other?.row.role === 'review' ? other : null,
  }
}

function sideLine(side: Side | null, id: string): ItemLine['self'] {
  if (!side) return null
  const result = side.result.items.find((i) => i.id === id)
  return result && !result.hidden ? { result, answer: side.response.answers[id] } : null
}

export function itemLines(d: ResponseDetail): ItemLine[] {
  const sides = sidesOf(d)
  // Rule 12 (self vs review) is the core's: exact hundredths, not floating-point subtraction here.
  const compared = sides.self && sides.review ? compareResults(sides.self.result, sides.review.result) : null
  const differences = new Map(compared?.items.map((row) => [row.id, row.difference]) ?? [])
  const out: ItemLine[] = []
  // The core's index lists items in template order (a section's own items, then its children's).
  const index = indexTemplate(toRaw(d.template))
  for (const node of index.items) {
    const item = node.item
    const section = index.sections[node.section]?.section
    if (item.type === 'info' || section === undefined) continue
    const self = sideLine(sides.self, item.id)
    const review = sideLine(sides.review, item.id)
    if (!self && !review) continue
    const difference = self?.result.scored && review?.result.scored ? (differences.get(item.id) ?? null) : null
    out.push({ index: out.length + 1, item, section, self, review, difference })
  }
  return out
}

/** review − self in points, when both sides scored the item. */
export function difference(line: ItemLine): number | null {
  return line.difference
}
