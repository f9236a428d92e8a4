/**
 * The two per-item rules besides visibility that decide whether a response may be submitted:
 * whether an item is required now, and how many attachments its evidence rule asks for now.
 * Scoring (its `unanswered` and `missingEvidence` lists) and the answer model both call these.
 */
import type { RuleBudget } from '../conditions'
import type { ItemNode } from '../scoring/nodes'
import { holdsWithMemo } from '../scoring/rule-memo'

/**
 * Whether a visible item is required: `required`, or its `requiredIf` holds over the rule data
 * (item id → value, hidden and N/A items as null), on the pass's rule budget. The rule's memo
 * makes a second decision over the same data (scoring, then the answer model) a lookup.
 */
export function isRequired(node: ItemNode, data: Record<string, unknown>, pass: RuleBudget): boolean {
  return node.required || (node.requiredIf !== undefined && holdsWithMemo(node.requiredIf, node.requiredMemo, data, pass))
}

/** Attachments a visible, applicable item's evidence rule asks for now (0: none). */
export function evidenceNeeded(node: ItemNode, flagged: boolean): number {
  const evidence = node.evidence
  if (evidence === undefined) return 0
  const needed = evidence.required === 'always' || (evidence.required === 'onFlag' && flagged)
  return needed ? (evidence.min ?? 1) : 0
}
