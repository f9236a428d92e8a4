/**
 * `scoreResponse`: the score of one response against one template version, as a pure function.
 * Order of work: visibility (dependency order, so a hidden item reads as null to later rules) →
 * items → sections → total → band. Each part lives in its own file; this one wires them.
 */
import { RuleBudget } from '../conditions'
import type { Response, ScoreResult, Template } from '../format/types'
import { answerOf, newReadAnswer } from '../answers/read'
import { assemble, emptyResult } from './assemble'
import { recordItem, type ItemRecord } from './item-record'
import { note } from './notes'
import { newItemOut } from './score-item'
import type { TemplateIndex } from './nodes'
import { indexTemplate } from './template-index'
import { decideVisibility, isHidden } from './visibility'

export type ScorableResponse = Pick<Response, 'templateId' | 'templateVersion' | 'answers'> & Partial<Response>

/**
 * Scores a response per the twelve rules of `shared/format.md`. Never throws on odd answers:
 * a value of the wrong shape counts as unanswered, an unknown option scores nothing (noted).
 */
export function scoreResponse(template: Template, response: ScorableResponse): ScoreResult {
  const index = indexTemplate(template)
  const answers = response.answers ?? {}
  // One step budget for every rule this scoring runs (visibleIf, requiredIf, band `when`).
  const pass = new RuleBudget()
  const vis = decideVisibility(index, answers, pass)
  const result = startResult(index, response)
  const records = new Array<ItemRecord>(index.items.length)
  const read = newReadAnswer()
  const out = newItemOut()
  for (const node of index.items) {
    const hidden = isHidden(vis, node)
    records[node.index] = recordItem(index, node, hidden, hidden ? undefined : answerOf(node, answers), read, out)
  }
  return assemble(index, records, vis, pass, result)
}

/** An empty result with the notes that concern the whole response: a template mismatch, rule cycles. */
export function startResult(index: TemplateIndex, response: ScorableResponse): ScoreResult {
  const template = index.template
  const result = emptyResult(template)
  if (response.templateId !== template.id || response.templateVersion !== template.version) {
    result.notes.push(
      note('templateMismatch', {
        responseTemplate: response.templateId,
        responseVersion: response.templateVersion,
        template: template.id,
        version: template.version,
      }),
    )
  }
  if (index.cycleIds.length > 0) result.notes.push(note('visibilityCycle', { ids: index.cycleIds.join(', ') }))
  return result
}
