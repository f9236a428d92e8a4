/**
 * Answers and headers checked by core against the template version they were filled on, with
 * core's issues moved to where the problem is in the push (`/answers/q1/value` of the checked
 * response becomes `/mutations/3/answer/value`).
 */
import type { Answer, Response, Template } from '@/core/format/types'
import type { Issue } from '@/core/result'
import type { ResponseHeader, SyncAnswer } from '@/core/sync'
import { validateResponse } from '@/core/validate'
import { segment } from '../check/fields'

/** An answer as the format has it: without its clock. */
export function formatAnswer(answer: SyncAnswer): Answer {
  const { hlc: _hlc, ...rest } = answer
  return rest
}

/** The format-level response of a header and its answers (what core validates and scores). */
export function formatResponse(header: ResponseHeader, answers: Readonly<Record<string, SyncAnswer>>, status = header.status): Response {
  const out: Response = {
    id: header.id,
    templateId: header.templateId,
    templateVersion: header.templateVersion,
    role: header.role,
    subject: header.subject,
    status,
    startedAt: header.startedAt,
    updatedAt: header.updatedAt,
    inspector: header.inspector,
    answers: Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, formatAnswer(a)])),
  }
  if (header.reviewOf !== undefined) out.reviewOf = header.reviewOf
  if (header.corrects !== undefined) out.corrects = header.corrects
  if (header.submittedAt !== undefined) out.submittedAt = header.submittedAt
  if (header.signature !== undefined) out.signature = header.signature
  return out
}

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~')

/** The first error core finds, moved by `move` (a core pointer → a pointer into the push). */
function firstError(template: Template, response: Response, move: (pointer: string) => string): Issue | undefined {
  const result = validateResponse(template, response)
  if (result.ok) return undefined
  const issue = result.issues.find((i) => i.severity === 'error') ?? result.issues[0]
  if (!issue) return undefined
  const item = /^\/answers\/([^/]+)/.exec(issue.pointer)
  return { ...issue, pointer: move(issue.pointer), ...(issue.itemId === undefined && item && { itemId: unescape(item[1]!) }) }
}

/** One answer to one item, as a draft holds it. */
export function answerIssue(template: Template, header: ResponseHeader, itemId: string, answer: SyncAnswer, at: string): Issue | undefined {
  const prefix = `/answers${segment(itemId)}`
  const response: Response = { templateId: header.templateId, templateVersion: header.templateVersion, status: 'draft', answers: { [itemId]: formatAnswer(answer) } }
  const issue = firstError(template, response, (p) => (p.startsWith(prefix) ? `${at}/answer${p.slice(prefix.length)}` : `${at}${p}`))
  return issue && { ...issue, itemId }
}

/** A header without answers (a draft created or edited, a tombstone): its subject and fields. */
export function headerIssue(template: Template, header: ResponseHeader, at: string): Issue | undefined {
  return firstError(template, formatResponse(header, {}, 'draft'), (p) => `${at}/response${p}`)
}

/** A submission: everything a submitted response must satisfy (answers fit, nothing blocks it). */
export function submissionIssue(template: Template, header: ResponseHeader, answers: Readonly<Record<string, SyncAnswer>>, at: string): Issue | undefined {
  return firstError(template, formatResponse(header, answers), (p) => (p.startsWith('/answers') ? `${at}${p}` : `${at}/response${p}`))
}
