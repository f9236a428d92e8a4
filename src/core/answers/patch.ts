/** Keeping a by-id map of item states (what the UI renders from) in step with a new derivation. */
import type { Template } from '../format/types'
import { indexTemplate } from '../scoring/template-index'
import type { ItemState } from './item-state'

/**
 * Writes into `target` (item id → state) the entries of `next` that are not the very objects of
 * `previous` (`deriveItemStates` reuses an unchanged item's object), so a reactive map touches
 * only the rows a tap changed. Returns how many entries it wrote.
 */
export function patchItemStates(
  target: Map<string, ItemState>,
  template: Template,
  next: readonly ItemState[],
  previous: readonly ItemState[],
): number {
  const nodes = indexTemplate(template).items
  let changed = 0
  for (let i = 0; i < nodes.length; i++) {
    const state = next[i]
    const node = nodes[i]
    if (state === undefined || node === undefined || state === previous[i]) continue
    target.set(node.id, state)
    changed += 1
  }
  return changed
}
