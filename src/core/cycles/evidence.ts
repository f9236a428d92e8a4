/**
 * Evidence files (台账, issue #15 item 4): for each criterion, how many attachments its evidence
 * rule asks for now and how many the response holds, and one completeness figure for the
 * response, shown to a branch before it submits. What counts as "needed" is the answer model's
 * (core/answers): an item hidden by its condition or answered N/A needs none, and `onFlag`
 * evidence is needed only while the scorer flags the item.
 */
import { deriveItemStates } from '../answers'
import { answerOf, evidenceCount } from '../answers/read'
import type { Response, Template } from '../format/types'
import { divRound, fromH } from '../scoring/hundredths'
import { scoreResponse } from '../scoring/score'
import { indexTemplate } from '../scoring/template-index'

export interface EvidenceItem {
  itemId: string
  title: string
  /** The item's (innermost) section. */
  sectionId: string
  /** Attachments needed now; 0: none required (no rule, `optional`, hidden, N/A, not flagged). */
  needed: number
  present: number
  /** MIME patterns the evidence rule accepts (`image/*`, `application/pdf`). */
  accept?: string[]
  /** `present ≥ needed`. */
  complete: boolean
}

export interface EvidenceCompleteness {
  /** Items with an evidence rule or with attachments, in template order. */
  items: EvidenceItem[]
  /** Items that need evidence now. */
  required: number
  /** Of those, the items that have enough. */
  complete: number
  /** complete / required in %, two decimals rounded half-up; null when nothing is required. */
  percent: number | null
}

/** The evidence of `response` against `template` (the response's own answers, as scored now). */
export function evidenceCompleteness(template: Template, response: Response): EvidenceCompleteness {
  const index = indexTemplate(template)
  const states = deriveItemStates(template, response.answers, scoreResponse(template, response))
  const items: EvidenceItem[] = []
  let required = 0
  let complete = 0
  index.items.forEach((node, i) => {
    const present = evidenceCount(node.kind, answerOf(node, response.answers))
    if (node.evidence === undefined && present === 0) return
    const needed = states[i]?.evidenceNeeded ?? 0
    const item: EvidenceItem = { itemId: node.id, title: node.item.title, sectionId: node.sectionId, needed, present, complete: present >= needed }
    if (node.evidence?.accept !== undefined) item.accept = [...node.evidence.accept]
    items.push(item)
    if (needed === 0) return
    required++
    if (item.complete) complete++
  })
  // In hundredths of a percent: complete × 100 % × 100, divided once.
  const percent = required === 0 ? null : fromH(divRound(complete * 10000, required))
  return { items, required, complete, percent }
}
