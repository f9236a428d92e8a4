/**
 * Which sections and items a response shows (`visibleIf`), decided in dependency order so that a
 * hidden item reads as null to the rules after it, and the rule data (item id → value) that
 * `visibleIf` and `requiredIf` read. Runs on every live re-score, hence the flat plan.
 */
import type { Answer } from '../format/types'
import { answerOf, newReadAnswer, readAnswer } from '../answers/read'
import type { RuleBudget } from '../conditions'
import { holdsWithMemo } from './rule-memo'
import type { ItemNode, TemplateIndex } from './nodes'

/** Valid until the next scoring of the same template: the arrays are the index's scratch. */
export interface Visibility {
  /** 1 where the section is hidden (its own `visibleIf` or an ancestor's). */
  sectionHidden: Uint8Array
  /**
   * 1 where the item's own `visibleIf` (or its section) hid it, for the items the plan decides;
   * an item is hidden when this or its section says so (see `isHidden`).
   */
  itemHidden: Uint8Array
  /** Item id → value, for visibleIf/requiredIf; hidden or N/A items read as null. */
  data: Record<string, unknown>
}

export function decideVisibility(index: TemplateIndex, answers: Record<string, Answer>, pass: RuleBudget): Visibility {
  const { nodes, rules, memos, sectionParent } = index.visibility
  const items = index.items
  // Reused between scorings (see `ScoringScratch`), so cleared first.
  const { sectionHidden, itemHidden } = index.scratch
  sectionHidden.fill(0)
  itemHidden.fill(0)
  const data = Object.create(null) as Record<string, unknown>
  const read = newReadAnswer()
  for (let k = 0; k < nodes.length; k++) {
    const code = nodes[k] as number
    const rule = rules[k]
    if (code < 0) {
      const s = ~code
      const parent = sectionParent[s] as number
      const hidden =
        (parent >= 0 && sectionHidden[parent] === 1) || (rule !== undefined && !holdsWithMemo(rule, memos[k] ?? null, data, pass))
      if (hidden) sectionHidden[s] = 1
      continue
    }
    const node = items[code]
    if (node === undefined) continue
    const hidden = sectionHidden[node.section] === 1 || (rule !== undefined && !holdsWithMemo(rule, memos[k] ?? null, data, pass))
    if (hidden) itemHidden[code] = 1
    if (node.referenced) {
      readAnswer(node, answerOf(node, answers), read)
      data[node.id] = hidden || read.na || read.value === undefined ? null : read.value
    }
  }
  return { sectionHidden, itemHidden, data }
}

/** Whether item `node` is hidden, by its own rule or its section's. */
export const isHidden = (vis: Visibility, node: ItemNode): boolean =>
  vis.itemHidden[node.index] === 1 || vis.sectionHidden[node.section] === 1
