/**
 * Pure edits of a template tree, addressed by section and item ids.
 *
 * Every edit returns a new template that shares every untouched branch with the old one
 * (structural sharing): only the edited node and its ancestors are copied. An undo history of
 * whole-template snapshots therefore costs one path per step, even at 1,000 items, and
 * `===` tells a view which sections and items changed.
 */
import type { Item, Section, Template } from '../format/types'

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

/** Calls `visit` for every section in pre-order with its path. Stops early when it returns true. */
export function walkSections(
  sections: readonly Section[],
  visit: (section: Section, path: SectionPath, parentId: string | null) => boolean | void,
  base: SectionPath = [],
  parentId: string | null = null,
): boolean {
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i] as Section
    const path = [...base, i]
    if (visit(section, path, parentId) === true) return true
    if (section.sections && walkSections(section.sections, visit, path, section.id)) return true
  }
  return false
}

export function findSection(template: Template, sectionId: string): SectionLocation | null {
  let found: SectionLocation | null = null
  walkSections(template.sections, (section, path, parentId) => {
    if (section.id !== sectionId) return false
    found = { path, section, parentId }
    return true
  })
  return found
}

export function findItem(template: Template, itemId: string): ItemLocation | null {
  let found: ItemLocation | null = null
  walkSections(template.sections, (section, path) => {
    const index = section.items.findIndex((i) => i.id === itemId)
    if (index < 0) return false
    found = { sectionPath: path, section, index, item: section.items[index] as Item }
    return true
  })
  return found
}

/** Every item in template order (nested sections after their parent's own items). */
export function allItems(template: Template): Item[] {
  const out: Item[] = []
  walkSections(template.sections, (s) => {
    out.push(...s.items)
  })
  return out
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
  return updateSection(template, sectionId, (s) => {
    const items = s.items.slice()
    const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length))
    items.splice(at, 0, item)
    return { ...s, items }
  })
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
  if (!loc || !findSection(template, toSectionId)) return template
  if (loc.section.id === toSectionId && loc.index === index) return template
  return insertItem(removeItem(template, itemId), toSectionId, loc.item, index)
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
  if (toParentId !== null) {
    const parent = findSection(template, toParentId)
    if (!parent || parent.path.length > 1 || toParentId === sectionId || (loc.section.sections?.length ?? 0) > 0) return template
  }
  return insertSection(removeSection(template, sectionId), toParentId, loc.section, index)
}

/** Moves an item one place up or down within its section, or across to the neighbouring section. */
export function nudgeItem(template: Template, itemId: string, delta: -1 | 1): Template {
  const loc = findItem(template, itemId)
  if (!loc) return template
  const target = loc.index + delta
  if (target >= 0 && target < loc.section.items.length) return moveItem(template, itemId, loc.section.id, target)
  // Past the edge: into the previous section's end or the next section's start.
  const order: Section[] = []
  walkSections(template.sections, (s) => {
    order.push(s)
  })
  const at = order.findIndex((s) => s.id === loc.section.id)
  const neighbour = order[at + delta]
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
