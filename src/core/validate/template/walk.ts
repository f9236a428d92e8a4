/**
 * One pass over a schema-valid template that lists every section and item with its JSON
 * pointer, so that every semantic check is a plain loop over these lists (linear in the size).
 */
import type { Item, Section, Template } from '@/core/format/types'
import { pointer } from '@/core/result'

export interface SectionEntry {
  section: Section
  pointer: string
  /** 0 for a top-level section, 1 for a child section, 2+ for nesting the format forbids. */
  depth: number
  parent: SectionEntry | null
  /** Some ancestor (not the section itself) is a bonus section. */
  insideBonus: boolean
}

export interface ItemEntry {
  item: Item
  pointer: string
  section: SectionEntry
}

export interface TemplateIndex {
  template: Template
  sections: SectionEntry[]
  items: ItemEntry[]
  /** First item with each id (duplicates are reported by the id check). */
  itemsById: Map<string, ItemEntry>
}

export function indexTemplate(template: Template): TemplateIndex {
  const index: TemplateIndex = { template, sections: [], items: [], itemsById: new Map() }
  const visit = (section: Section, at: string, depth: number, parent: SectionEntry | null): void => {
    const entry: SectionEntry = {
      section,
      pointer: at,
      depth,
      parent,
      insideBonus: parent !== null && (parent.insideBonus || parent.section.bonus === true),
    }
    index.sections.push(entry)
    section.items.forEach((item, i) => {
      const itemEntry: ItemEntry = { item, pointer: `${at}/items/${i}`, section: entry }
      index.items.push(itemEntry)
      if (!index.itemsById.has(item.id)) index.itemsById.set(item.id, itemEntry)
    })
    section.sections?.forEach((child, i) => visit(child, `${at}/sections/${i}`, depth + 1, entry))
  }
  template.sections.forEach((section, i) => visit(section, pointer('sections', i), 0, null))
  return index
}
