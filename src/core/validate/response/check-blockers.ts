/**
 * On a submitted response, nothing the fill page would block on: every visible, applicable item
 * that is required now has an answer (a default counts, format.md rule 9), and every evidence
 * rule that asks for attachments has them. Decided by the answer model (`core/answers`), the
 * same one the fill page asks, so a response the app lets through passes here and vice versa.
 * Drafts may be incomplete.
 */
import { deriveItemStates, submitBlockers } from '@/core/answers'
import type { Response, Template } from '@/core/format/types'
import { pointer, type Issue } from '@/core/result'
import { scoreResponse } from '@/core/scoring'
import { makeIssue } from '../issues'

export function checkBlockers(template: Template, response: Response): Issue[] {
  if (response.status !== 'submitted') return []
  const states = deriveItemStates(template, response.answers, scoreResponse(template, response))
  return submitBlockers(template, states, response.role).map(({ itemId, reason, evidenceNeeded }) => {
    const at = pointer('answers', itemId)
    switch (reason) {
      case 'required':
        return makeIssue('answer.required', at, { id: itemId }, itemId)
      case 'evidence':
        return makeIssue('answer.evidenceMissing', at, { id: itemId, min: evidenceNeeded ?? 1 }, itemId)
      default: {
        const never: never = reason
        return never
      }
    }
  })
}
