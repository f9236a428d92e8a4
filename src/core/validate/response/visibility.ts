/**
 * Which items are visible for a set of answers, honouring that a hidden item's answer counts as
 * unanswered (null) in the conditions of others. Rules are resolved in dependency order,
 * memoised, so each is evaluated once.
 */
import { collectVars, ruleHolds } from '@/core/conditions'
import type { JsonLogicRule } from '@/core/format/types'
import type { ItemEntry, SectionEntry, TemplateIndex } from '../template'

export interface Visibility {
  isVisible(entry: ItemEntry): boolean
  /** Resolves the visibility of every item a rule reads, so the rule sees hidden answers as null. */
  settle(rule: JsonLogicRule): void
}

export function visibilityOf(index: TemplateIndex, data: Record<string, unknown>): Visibility {
  const items = new Map<string, boolean | 'pending'>()
  const sections = new Map<SectionEntry, boolean>()

  const resolveVars = (rule: JsonLogicRule): void => {
    for (const id of collectVars(rule)) {
      const entry = index.itemsById.get(id)
      if (entry) itemVisible(entry)
    }
  }

  const sectionVisible = (entry: SectionEntry): boolean => {
    const known = sections.get(entry)
    if (known !== undefined) return known
    let visible = entry.parent ? sectionVisible(entry.parent) : true
    if (visible && entry.section.visibleIf !== undefined) {
      resolveVars(entry.section.visibleIf)
      visible = ruleHolds(entry.section.visibleIf, data)
    }
    sections.set(entry, visible)
    return visible
  }

  function itemVisible(entry: ItemEntry): boolean {
    const known = items.get(entry.item.id)
    // 'pending' means a cycle, which template validation rejects; treat it as hidden.
    if (known !== undefined) return known === true
    items.set(entry.item.id, 'pending')
    let visible = sectionVisible(entry.section)
    if (visible && entry.item.visibleIf !== undefined) {
      resolveVars(entry.item.visibleIf)
      visible = ruleHolds(entry.item.visibleIf, data)
    }
    items.set(entry.item.id, visible)
    if (!visible) data[entry.item.id] = null
    return visible
  }

  return { isVisible: itemVisible, settle: resolveVars }
}
