/**
 * "Re-score under the new version": the answers of a response filled on an older version, scored
 * with a newer one, for the items whose ids carry over. Read-only: nothing is stored, the
 * response keeps its version and its own score.
 */
import type { Answer, Response, Template } from '../format/types'
import { indexTemplate, scoreResponse } from '../scoring'

export interface Rescore {
  responseId: string | undefined
  oldTotal: number
  oldMax: number
  newTotal: number
  newMax: number
  /** Items of the new version that had an answer in the old response. */
  carried: number
  /** Answers dropped because the new version has no item of that id. */
  dropped: number
  oldBand: string | null
  newBand: string | null
}

export function rescore(response: Response, oldTemplate: Template, newTemplate: Template): Rescore {
  const ids = indexTemplate(newTemplate).itemsById
  const answers: Record<string, Answer> = {}
  let dropped = 0
  for (const [id, answer] of Object.entries(response.answers)) {
    if (ids.has(id)) answers[id] = answer
    else dropped += 1
  }
  const before = scoreResponse(oldTemplate, response)
  const after = scoreResponse(newTemplate, { ...response, templateVersion: newTemplate.version, answers })
  return {
    responseId: response.id,
    oldTotal: before.total,
    oldMax: before.max,
    newTotal: after.total,
    newMax: after.max,
    carried: Object.keys(answers).length,
    dropped,
    oldBand: before.band?.label ?? null,
    newBand: after.band?.label ?? null,
  }
}
