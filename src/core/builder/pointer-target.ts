/**
 * Maps a validation issue's JSON pointer to the node the builder should select: the deepest
 * section or item on the pointer's path, plus what is left of the path (the field at fault).
 */
import type { Template } from '../format/types'
import type { SectionNode } from '../scoring/nodes'
import { indexTemplate } from '../scoring/template-index'

export type NodeRef = { kind: 'template' } | { kind: 'section'; id: string } | { kind: 'item'; id: string }

export interface PointerTarget {
  node: NodeRef
  /** Remaining pointer segments after the node, e.g. ['options', '2', 'points']. */
  field: string[]
}

export function parsePointer(ptr: string): string[] {
  if (ptr === '') return []
  return ptr
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

export function pointerTarget(template: Template, ptr: string): PointerTarget {
  const segs = parsePointer(ptr)
  const index = indexTemplate(template)
  let node: NodeRef = { kind: 'template' }
  // Children of the section reached so far, as indices into `index.sections`.
  let list: readonly number[] = index.topSections
  let section: SectionNode | undefined
  let i = 0
  let consumed = 0
  while (i < segs.length) {
    const key = segs[i]
    const at = Number(segs[i + 1])
    if (!Number.isInteger(at)) break
    const child = key === 'sections' ? index.sections[list[at] ?? -1] : undefined
    if (child !== undefined) {
      section = child
      node = { kind: 'section', id: child.section.id }
      list = child.children
      i += 2
      consumed = i
      continue
    }
    const item = key === 'items' && section ? index.items[section.items[at] ?? -1] : undefined
    if (item !== undefined) {
      node = { kind: 'item', id: item.id }
      consumed = i + 2
    }
    break
  }
  return { node, field: segs.slice(consumed) }
}
