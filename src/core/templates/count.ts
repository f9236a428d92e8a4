import type { Template } from '../format/types'
import { indexTemplate } from '../scoring/template-index'

/** Items a person answers: every type but `info`, nested sections included. */
export function countAnswerableItems(template: Pick<Template, 'sections'>): number {
  // The index reads only `sections` (and `scoring.bands`, optional) to build the item list; the
  // narrower parameter lets a caller count a bare tree. Cached per object like every index.
  const nodes = indexTemplate(template as Template).items
  let n = 0
  for (const node of nodes) if (node.kind !== 'info') n++
  return n
}
