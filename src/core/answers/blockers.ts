/**
 * What stops a response from being submitted, and how far the filling has got: both read from
 * the item states of `item-state.ts`, so the fill page and `validateResponse` agree by
 * construction.
 */
import type { Role, Template } from '../format/types'
import { indexTemplate } from '../scoring/template-index'
import type { ItemState } from './item-state'

export const BLOCKER_REASONS = ['required', 'evidence'] as const
export type BlockerReason = (typeof BLOCKER_REASONS)[number]

export interface Blocker {
  itemId: string
  title: string
  reason: BlockerReason
  /** Attachments the evidence rule asks for; only on an `evidence` blocker. */
  evidenceNeeded?: number
}

/**
 * Required items unanswered and evidence missing, in template order (an item may block for
 * both reasons: required first). Hidden and N/A items never block. `states` is
 * `deriveItemStates(template, …)`.
 *
 * A review (`role: 'review'`, rule 12) is never blocked for evidence: the evidence (台账) is the
 * reviewed party's, attached to the self-assessment the reviewer reads beside the form; asking a
 * panel member to attach the branch's minutes again would block every review of the 红旗 rules.
 */
export function submitBlockers(template: Template, states: readonly ItemState[], role?: Role): Blocker[] {
  const evidenceCounts = role !== 'review'
  const out: Blocker[] = []
  const nodes = indexTemplate(template).items
  for (let i = 0; i < nodes.length; i++) {
    const s = states[i]
    const node = nodes[i]
    if (s === undefined || node === undefined || s.hidden || s.na) continue
    if (s.required && !s.answered) out.push({ itemId: node.id, title: node.item.title, reason: 'required' })
    if (evidenceCounts && s.missingEvidence) out.push({ itemId: node.id, title: node.item.title, reason: 'evidence', evidenceNeeded: s.evidenceNeeded })
  }
  return out
}

export interface Progress {
  /** Visible, applicable items that take an answer and have one. */
  answered: number
  /** Visible, applicable items that take an answer (`info` takes none). */
  applicable: number
}

export function progressOf(template: Template, states: readonly ItemState[]): Progress {
  let answered = 0
  let applicable = 0
  const nodes = indexTemplate(template).items
  for (let i = 0; i < nodes.length; i++) {
    const s = states[i]
    if (s === undefined || nodes[i]?.kind === 'info' || s.hidden || s.na) continue
    applicable += 1
    if (s.answered) answered += 1
  }
  return { answered, applicable }
}
