/** Rows of the breakdown and the ledger: template order, one per visible item, both sides. */
import type { Answer, Item, ItemResult, Section } from '@/core/format/types'
import type { ResponseDetail, Side } from './useResponseDetail'

export interface ItemLine {
  index: number
  item: Exclude<Item, { type: 'info' }>
  section: Section
  self: { result: ItemResult; answer: Answer | undefined } | null
  review: { result: ItemResult; answer: Answer | undefined } | null
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
  const out: ItemLine[] = []
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      for (const item of section.items) {
        if (item.type === 'info') continue
        const self = sideLine(sides.self, item.id)
        const review = sideLine(sides.review, item.id)
        if (!self && !review) continue
        out.push({ index: out.length + 1, item, section, self, review })
      }
      walk(section.sections ?? [])
    }
  }
  walk(d.template.sections)
  return out
}

/** review − self in points, when both sides scored the item. */
export function difference(line: ItemLine): number | null {
  if (!line.self?.result.scored || !line.review?.result.scored) return null
  return Math.round((line.review.result.score - line.self.result.score) * 100) / 100
}
