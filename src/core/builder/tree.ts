/**
 * Pure edits of a template tree, addressed by section and item ids.
 *
 * Every edit returns a new template that shares every untouched branch with the old one
 * (structural sharing): only the edited node and its ancestors are copied. An undo history of
 * whole-template snapshots therefore costs one path per step, even at 1,000 items, and
 * `===` tells a view which sections and items changed.
 */
import type { Item, Section, Template } from '../format/types'
import { itemPosition, sectionPath, sectionsById } from '../scoring/lookups'
import { indexTemplate } from '../scoring/template-index'

/** Where a section sits: indices through `sections[]`, outermost first (length 1 or 2). */
export type SectionPath = readonly number[]

export interface ItemLocation {
  sectionPath: SectionPath
  section: Section
  index: number
  item: Item
}

export interface SectionLocation {
  path: SectionPath
  section: Section
  /** The parent section's id, or null at the top level. */
  parentId: string | null
}

/*
 * Lookups read the scoring index (`indexTemplate`, cached per template object), not a walk of
 * their own. That is safe here because every edit below returns a new object and never changes
 * one in place; and cheap because the builder indexes each snapshot anyway (validation and the
 * live preview score it), so a lookup on the present snapshot is a map read. Edits composed of
 * two steps (moves) address the second step by path from the first snapshot, so the throwaway
 * snapshot in between is never indexed.
 */

export function findSection(template: Template, sectionId: string): SectionLocation | null {
  const index = indexTemplate(template)
  const node = sectionsById(index).get(sectionId)
  if (node === undefined) return null
  const parent = node.parent === null ? null : index.sections[node.parent]
  return { path: sectionPath(node), section: node.section, parentId: parent?.section.id ?? null }
}

export function findItem(template: Template, itemId: string): ItemLocation | null {
  const index = indexTemplate(template)
  const node = index.itemsById.get(itemId)
  const section = node && index.sections[node.section]
  if (node === undefined || section === undefined) return null
  return { sectionPath: sectionPath(section), section: section.section, index: itemPosition(node), item: node.item }
}

/** Every item in template order (nested sections after their parent's own items). */
export function allItems(template: Template): Item[] {
  return indexTemplate(template).items.map((n) => n.item)
}

/** Replaces the section at `path`, copying only its ancestors. */
export function replaceSectionAt(template: Template, path: SectionPath, update: (s: Section) => Section): Template {
  const rec = (sections: readonly Section[], depth: number): Section[] => {
    const i = path[depth] as number
    const current = sections[i]
    if (current === undefined) throw new RangeError(`No section at ${path.join('/')}`)
    const next = depth === path.length - 1 ? update(current) : { ...current, sections: rec(current.sections ?? [], depth + 1) }
    const copy = sections.slice()
    copy[i] = next
    return copy
  }
  return { ...template, sections: rec(template.sections, 0) }
}

/** Replaces the children list at a parent path ([] = the template's top level). */
function replaceChildren(template: Template, parentPath: SectionPath, update: (list: Section[]) => Section[]): Template {
  if (parentPath.length === 0) return { ...template, sections: update(template.sections.slice()) }
  return replaceSectionAt(template, parentPath, (s) => {
    const children = update((s.sections ?? []).slice())
    const { sections: _old, ...rest } = s
    return children.length === 0 ? rest : { ...rest, sections: children }
  })
}

export function updateSection(template: Template, sectionId: string, update: (s: Section) => Section): Template {
  const loc = findSection(template, sectionId)
  if (!loc) return template
  return replaceSectionAt(template, loc.path, update)
}

export function updateItem(template: Template, itemId: string, update: (item: Item) => Item): Template {
  const loc = findItem(template, itemId)
  if (!loc) return template
  return replaceSectionAt(template, loc.sectionPath, (s) => {
    const items = s.items.slice()
    items[loc.index] = update(loc.item)
    return { ...s, items }
  })
}

/** Inserts an item into a section at `index` (clamped; omitted = at the end). */
export function insertItem(template: Template, sectionId: string, item: Item, index?: number): Template {
  return updateSection(template, sectionId, (s) => withItemAt(s, item, index))
}

function withItemAt(s: Section, item: Item, index?: number): Section {
  const items = s.items.slice()
  const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length))
  items.splice(at, 0, item)
  return { ...s, items }
}

export function removeItem(template: Template, itemId: string): Template {
  const loc = findItem(template, itemId)
  if (!loc) return template
  return replaceSectionAt(template, loc.sectionPath, (s) => ({ ...s, items: s.items.filter((_, i) => i !== loc.index) }))
}

/**
 * Moves an item to `index` in section `toSectionId` (its index in the list after removal from
 * where it was, which is what a drop target reports).
 */
export function moveItem(template: Template, itemId: string, toSectionId: string, index: number): Template {
  const loc = findItem(template, itemId)
  const to = findSection(template, toSectionId)
  if (!loc || !to) return template
  if (loc.section.id === toSectionId && loc.index === index) return template
  // Removing an item moves no section, so `to.path` still addresses the target afterwards.
  const removed = replaceSectionAt(template, loc.sectionPath, (s) => ({ ...s, items: s.items.filter((_, i) => i !== loc.index) }))
  return replaceSectionAt(removed, to.path, (s) => withItemAt(s, loc.item, index))
}

/** Adds a section under `parentId` (null: top level) at `index` (omitted: at the end). */
export function insertSection(template: Template, parentId: string | null, section: Section, index?: number): Template {
  const parentPath = parentId === null ? [] : findSection(template, parentId)?.path
  if (parentPath === undefined) return template
  return replaceChildren(template, parentPath, (list) => {
    const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length))
    list.splice(at, 0, section)
    return list
  })
}

export function removeSection(template: Template, sectionId: string): Template {
  const loc = findSection(template, sectionId)
  if (!loc) return template
  return replaceChildren(template, loc.path.slice(0, -1), (list) => list.filter((s) => s.id !== sectionId))
}

/**
 * Moves a section among its siblings or to another parent. Nesting is one level deep
 * (format.md), so a section that has children cannot move under another section.
 */
export function moveSection(template: Template, sectionId: string, toParentId: string | null, index: number): Template {
  const loc = findSection(template, sectionId)
  if (!loc) return template
  let parentPath: SectionPath = []
  if (toParentId !== null) {
    const parent = findSection(template, toParentId)
    if (!parent || parent.path.length > 1 || toParentId === sectionId || (loc.section.sections?.length ?? 0) > 0) return template
    parentPath = parent.path
  }
  const at = loc.path[loc.path.length - 1] as number
  const removed = replaceChildren(template, loc.path.slice(0, -1), (list) => list.filter((_, i) => i !== at))
  // The new parent is a top-level section (one level of nesting); it moves up one place when a
  // top-level section before it was the one removed.
  const parentAt = parentPath[0]
  if (loc.path.length === 1 && parentAt !== undefined && parentAt > at) parentPath = [parentAt - 1]
  return replaceChildren(removed, parentPath, (list) => {
    list.splice(Math.max(0, Math.min(index, list.length)), 0, loc.section)
    return list
  })
}

/** Moves an item one place up or down within its section, or across to the neighbouring section. */
export function nudgeItem(template: Template, itemId: string, delta: -1 | 1): Template {
  const loc = findItem(template, itemId)
  if (!loc) return template
  const target = loc.index + delta
  if (target >= 0 && target < loc.section.items.length) return moveItem(template, itemId, loc.section.id, target)
  // Past the edge: into the previous section's end or the next section's start.
  const order = indexTemplate(template).sections
  const at = order.findIndex((s) => s.section.id === loc.section.id)
  const neighbour = order[at + delta]?.section
  if (!neighbour) return template
  return moveItem(template, itemId, neighbour.id, delta < 0 ? neighbour.items.length : 0)
}

export function nudgeSection(template: Template, sectionId: string, delta: -1 | 1): Template {
  const loc = findSection(template, sectionId)
  if (!loc) return template
  const index = (loc.path[loc.path.length - 1] as number) + delta
  const siblings = loc.parentId === null ? template.sections : (findSection(template, loc.parentId)?.section.sections ?? [])
  if (index < 0 || index >= siblings.length) return template
  return moveSection(template, sectionId, loc.parentId, index)
}
