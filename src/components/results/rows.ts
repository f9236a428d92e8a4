/** Rows of the breakdown and the ledger: template order, one per visible item, both sides. */
import type { Answer, Item, ItemResult, Section } from '@/core/format/types'
import { toRaw } from 'vue'
import { compareResults } from '@/core/scoring/compare'
import { indexTemplate } from '@/core/scoring/template-index'
import type { Comparison } from '@/core/scoring/compare'
import type { AttachmentMeta, ResponseDetail, Side } from '@/stores/responses'

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
  /** The self-assessment; for an inspection (检查, never paired) the inspection itself. */
  self: Side | null
  review: Side | null
}

export function sidesOf(d: ResponseDetail): Sides {
  const other = d.counterpart
  return {
    self: d.row.role !== 'review' ? d : other?.row.role === 'self' ? other : null,
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

/**
 * A side's evidence for one item: the answer's attachments and, for a photo or file item, the
 * files that are its answer; only those stored (the detail's map), in the order given.
 */
export function evidenceOf(line: ItemLine, side: ItemLine['self'], attachments: ReadonlyMap<string, AttachmentMeta>): AttachmentMeta[] {
  const answer = side?.answer
  if (!answer) return []
  const ids = [...(answer.attachments ?? [])]
  if ((line.item.type === 'photo' || line.item.type === 'file') && Array.isArray(answer.value)) ids.push(...answer.value)
  return [...new Set(ids)].map((id) => attachments.get(id)).filter((a): a is AttachmentMeta => a !== undefined)
}

/** The core's comparison (sections and total with each side's bonus), when the record is paired. */
export function comparisonOf(d: ResponseDetail): Comparison | null {
  const sides = sidesOf(d)
  return sides.self && sides.review ? compareResults(sides.self.result, sides.review.result) : null
}
