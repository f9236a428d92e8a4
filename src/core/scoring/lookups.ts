/**
 * Small questions about a template's tree, answered from its index (`template-index.ts`, the one
 * walk) instead of another recursion over `section.sections`: a section by id, where a node sits,
 * how many items a section holds with its child sections, and a score's sections in index order.
 * Derived tables are cached per index, so per template object, like the index itself.
 */
import type { ScoreResult, SectionResult, Template } from '../format/types'
import type { ItemNode, SectionNode, TemplateIndex } from './nodes'
import { indexTemplate } from './template-index'

const byIdCache = new WeakMap<TemplateIndex, ReadonlyMap<string, SectionNode>>()
const countsCache = new WeakMap<TemplateIndex, readonly number[]>()

/** The first section with each id, in template order (validation reports duplicates). */
export function sectionsById(index: TemplateIndex): ReadonlyMap<string, SectionNode> {
  let map = byIdCache.get(index)
  if (map === undefined) {
    const built = new Map<string, SectionNode>()
    for (const node of index.sections) if (!built.has(node.section.id)) built.set(node.section.id, node)
    map = built
    byIdCache.set(index, map)
  }
  return map
}

/** The numbers of a node's pointer, e.g. `/sections/1/sections/0/items/3` → [1, 0, 3]. */
function pointerNumbers(pointer: string): number[] {
  const parts = pointer.split('/')
  const out: number[] = []
  for (let k = 2; k < parts.length; k += 2) out.push(Number(parts[k]))
  return out
}

/** Where a section sits: its indices through `sections[]`, outermost first. */
export function sectionPath(node: SectionNode): number[] {
  return pointerNumbers(node.pointer)
}

/** An item's index in its own section's `items`. */
export function itemPosition(node: ItemNode): number {
  return pointerNumbers(node.pointer).at(-1) ?? 0
}

/** Per section (by index): its items plus those of all its descendant sections. */
export function subtreeItemCounts(index: TemplateIndex): readonly number[] {
  let counts = countsCache.get(index)
  if (counts === undefined) {
    const built = new Array<number>(index.sections.length).fill(0)
    // Children come before parents in `postOrder`, so each child's count is final when added.
    for (const s of index.postOrder) {
      const node = index.sections[s] as SectionNode
      let n = node.items.length
      for (const c of node.children) n += built[c] ?? 0
      built[s] = n
    }
    counts = built
    countsCache.set(index, counts)
  }
  return counts
}

/**
 * A score's section results in index order (`index.sections`: every depth, parents first), so
 * that `out[node.index]` is that section's result. The result must be of this template: its
 * section tree has the index's shape, being built from it (`sections.ts`).
 */
export function sectionResults(index: TemplateIndex, sections: readonly SectionResult[]): Array<SectionResult | undefined> {
  const out = new Array<SectionResult | undefined>(index.sections.length)
  index.topSections.forEach((s, k) => (out[s] = sections[k]))
  // Pre-order: a parent's result is placed before its children are read from it.
  for (const node of index.sections) {
    const parent = out[node.index]
    node.children.forEach((c, k) => (out[c] = parent?.sections[k]))
  }
  return out
}

/** Ids of the sections (any depth) that a score of `template` hides, in template order. */
export function hiddenSectionIds(template: Template, result: ScoreResult): string[] {
  const index = indexTemplate(template)
  const ids: string[] = []
  sectionResults(index, result.sections).forEach((r, s) => {
    if (r?.hidden) ids.push(index.sections[s]?.section.id ?? r.id)
  })
  return ids
}
