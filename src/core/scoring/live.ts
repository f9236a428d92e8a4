/**
 * Live scoring for a page where one answer changes at a time. `scoreResponse` reads every
 * answer and scores every item; here an answer re-scores only what it can affect: the items that
 * carry its id, and the items whose visibility it changed (a `visibleIf` reading it, directly or
 * through a hidden section). Every other item keeps its record, and the result is assembled from
 * the records as `scoreResponse` assembles it, so both give the same result
 * (tests/core/scoring/live.test.ts proves it on random templates and answer sequences).
 *
 * Visibility is decided again on each change (it reads only the items rules refer to), and the
 * blockers, section sums, total and band are re-added from the records: array walks, no answers.
 */
import { RuleBudget } from '../conditions'
import type { Answer, ScoreResult, Template } from '../format/types'
import { answerOf, newReadAnswer } from '../answers/read'
import { assemble } from './assemble'
import { recordItem, type ItemRecord } from './item-record'
import { newItemOut } from './score-item'
import type { TemplateIndex } from './nodes'
import { startResult } from './score'
import { indexTemplate } from './template-index'
import { decideVisibility, isHidden } from './visibility'

export interface LiveScore {
  /** Takes a whole set of answers (a response just opened) and scores every item. */
  reset(answers: Readonly<Record<string, Answer>>): ScoreResult
  /** One item's answer changed (undefined: cleared); returns the new result. */
  update(itemId: string, answer: Answer | undefined): ScoreResult
}

export function createLiveScore(template: Template): LiveScore {
  const index = indexTemplate(template)
  const meta = { templateId: template.id, templateVersion: template.version, answers: {} }
  const count = index.items.length
  const records = new Array<ItemRecord>(count)
  /** 1 where the item was hidden at the last score. */
  const wasHidden = new Uint8Array(count)
  const nodesById = groupById(index)
  const read = newReadAnswer()
  const out = newItemOut()
  // Own copy: the page's answer map is reactive, and reading it per item is what this avoids.
  let answers: Record<string, Answer> = Object.create(null) as Record<string, Answer>

  function score(changed: readonly number[] | null): ScoreResult {
    const pass = new RuleBudget()
    const vis = decideVisibility(index, answers, pass)
    for (const node of index.items) {
      const i = node.index
      const hidden = isHidden(vis, node)
      const flipped = (hidden ? 1 : 0) !== wasHidden[i]
      if (changed !== null && !flipped && records[i] !== undefined) continue
      wasHidden[i] = hidden ? 1 : 0
      records[i] = recordItem(index, node, hidden, hidden ? undefined : answerOf(node, answers), read, out)
    }
    for (const i of changed ?? []) {
      const node = index.items[i]
      if (node === undefined || isHidden(vis, node)) continue
      records[i] = recordItem(index, node, false, answerOf(node, answers), read, out)
    }
    return assemble(index, records, vis, pass, startResult(index, meta))
  }

  return {
    reset(next) {
      answers = Object.assign(Object.create(null) as Record<string, Answer>, next)
      return score(null)
    },
    update(itemId, answer) {
      if (answer === undefined) delete answers[itemId]
      else answers[itemId] = answer
      return score(nodesById.get(itemId) ?? [])
    },
  }
}

/** Item indexes by id: an invalid template may repeat an id, and one answer then feeds each. */
function groupById(index: TemplateIndex): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const node of index.items) {
    const list = out.get(node.id)
    if (list) list.push(node.index)
    else out.set(node.id, [node.index])
  }
  return out
}
