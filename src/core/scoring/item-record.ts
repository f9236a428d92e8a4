/**
 * What one item contributes to a result, decided from its own answer and visibility alone: its
 * `ItemResult`, its figures for the section sums, and what it adds to the result's lists. Kept
 * per item so that live scoring (live.ts) re-decides only the items an answer can affect, and
 * `assemble` builds the same result from records whether they are fresh or kept.
 */
import type { Answer, Finding, ItemResult } from '../format/types'
import { evidenceCount, readAnswer, type ReadAnswer } from '../answers/read'
import { evidenceNeeded } from '../answers/rules'
import { hiddenItem, scoreItem, type ItemOut } from './score-item'
import type { ItemNode, TemplateIndex, Trigger } from './nodes'

export interface ItemRecord {
  result: ItemResult
  scoreH: number
  maxH: number
  /** Visible and applicable: only such an item adds notes, triggers, findings or blockers. */
  counts: boolean
  unknownOption: string | undefined
  /** The item's vetoes and red lines (rule 7), as the answer set them off. */
  triggers: readonly Trigger[]
  finding: Finding | null
  /** Evidence the rule asks for is missing. */
  missingEvidence: boolean
}

const NONE: readonly Trigger[] = Object.freeze([])

/** Scores item `node` (hidden or not) from `answer`; `read` and `out` are reused scratch. */
export function recordItem(index: TemplateIndex, node: ItemNode, hidden: boolean, answer: Answer | undefined, read: ReadAnswer, out: ItemOut): ItemRecord {
  const result = hidden ? hiddenItem(node, out) : scoreItem(node, readAnswer(node, answer, read), out)
  const record: ItemRecord = {
    result,
    scoreH: out.scoreH,
    maxH: out.maxH,
    counts: out.counts,
    unknownOption: out.counts ? out.unknownOption : undefined,
    // `out` is scratch: the triggers are copied to outlive the next item.
    triggers: out.counts && out.triggers.length > 0 ? [...out.triggers] : NONE,
    finding: null,
    missingEvidence: false,
  }
  if (!out.counts) return record
  for (const t of record.triggers) {
    if (t.veto === undefined) continue
    const ceiling = index.ceilingOf(t.veto)
    // `capped`: only a grade ceiling (等次上限), so the step is not worded as a 一票否决.
    result.steps.push({ rule: 'veto', ceiling: ceiling?.label ?? null, ...(ceiling?.capped === true && { capped: true }) })
  }
  if (result.flagged) record.finding = finding(node, out, answer)
  if (node.evidence !== undefined) {
    const needed = evidenceNeeded(node, result.flagged)
    record.missingEvidence = needed > 0 && evidenceCount(node.kind, answer) < needed
  }
  return record
}

function finding(node: ItemNode, out: ItemOut, answer: Answer | undefined): Finding {
  const f: Finding = {
    itemId: node.id,
    sectionId: node.sectionId,
    rootSectionId: node.rootSectionId,
    title: node.item.title,
    optionIds: out.triggers.filter((t) => t.flag && t.optionId !== undefined).map((t) => t.optionId as string),
    attachments: [...(answer?.attachments ?? [])],
  }
  if (out.count !== undefined) f.count = out.count
  if (answer?.note !== undefined && answer.note !== '') f.note = answer.note
  return f
}
