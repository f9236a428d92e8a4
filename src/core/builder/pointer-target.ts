/**
 * Maps a validation issue's JSON pointer to the node the builder should select: the deepest
 * section or item on the pointer's path, plus what is left of the path (the field at fault).
 */
import type { Section, Template } from '../format/types'

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
  let node: NodeRef = { kind: 'template' }
  let list: readonly Section[] | undefined = template.sections
  let section: Section | undefined
  let i = 0
  let consumed = 0
  while (i < segs.length) {
    const key = segs[i]
    const index = Number(segs[i + 1])
    if (key === 'sections' && list && Number.isInteger(index) && list[index]) {
      section = list[index] as Section
      node = { kind: 'section', id: section.id }
      list = section.sections
      i += 2
      consumed = i
      continue
    }
    if (key === 'items' && section && Number.isInteger(index) && section.items[index]) {
      node = { kind: 'item', id: section.items[index].id }
      consumed = i + 2
    }
    break
  }
  return { node, field: segs.slice(consumed) }
}
