/**
 * Rule 1 of evaluation.md: which responses a cycle counts, and whose subject each is. A subject
 * is named by the `subjectKey` fields, trimmed; a reviewer by the response's `inspector`.
 */
import type { Response } from '../format/types'
import { pointer, type Issue } from '../result'
import { makeIssue, type IssueParams } from '../validate/issues'
import type { IssueCode } from '../validate/messages'
import type { Cycle, SubjectKey } from './types'

/** A response the cycle counts, with its place in the caller's list (for messages). */
export interface Counted {
  response: Response
  index: number
}

export interface Review extends Counted {
  reviewer: string
}

export interface SubjectGroup {
  id: string
  key: SubjectKey
  /** One per reviewer, by reviewer in code-unit order. */
  reviews: Review[]
  self: Counted | null
}

/** An issue about the `index`-th response: the pointer is into that response. */
export function responseIssue(code: IssueCode, index: number, at: string, params: IssueParams = {}): Issue {
  return makeIssue(code, at, { ...params, response: index })
}

/** The subject's key, or the first key field without a value. */
export function keyOf(subjectKey: readonly string[], subject: Readonly<Record<string, string | number>> | undefined): SubjectKey | { missing: string } {
  const key: SubjectKey = {}
  for (const field of subjectKey) {
    const raw = subject !== undefined && Object.hasOwn(subject, field) ? subject[field] : undefined
    const value = raw === undefined ? '' : String(raw).trim()
    if (value === '') return { missing: field }
    key[field] = value
  }
  return key
}

/** One string per subject, for maps: the key's values in `subjectKey` order. */
export function keyId(subjectKey: readonly string[], key: SubjectKey): string {
  return JSON.stringify(subjectKey.map((field) => key[field]))
}

/** A subject as people read it: the key's values in `subjectKey` order, joined by a space. */
export function subjectLabel(subjectKey: readonly string[], key: SubjectKey): string {
  return subjectKey.map((field) => key[field]).filter((v) => v !== undefined && v !== '').join(' ')
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function submittedTime(response: Response): number {
  const t = response.submittedAt === undefined ? Number.NaN : Date.parse(response.submittedAt)
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t
}

/**
 * Whether `a` replaces `b` as a reviewer's (or a self-assessment's) one response: the later
 * `submittedAt` counts. Equal times fall back to the response id, then to the later place in the
 * list, so that the choice rarely depends on the order the files came in.
 */
function isLater(a: Counted, b: Counted): boolean {
  const ta = submittedTime(a.response)
  const tb = submittedTime(b.response)
  if (ta !== tb) return ta > tb
  const ids = byCodeUnits(a.response.id ?? '', b.response.id ?? '')
  return ids !== 0 ? ids > 0 : a.index > b.index
}

interface Building {
  key: SubjectKey
  reviews: Map<string, Review>
  self: Counted | null
}

/** Why a response is left out, or null when the cycle counts it. */
function leftOut(cycle: Cycle, response: Response, index: number): Issue | null {
  const { id, version } = cycle.template
  if (response.templateId !== id || response.templateVersion !== version) {
    const actual = `${response.templateId}@${response.templateVersion}`
    return responseIssue('cycle.responseOtherTemplate', index, response.templateId !== id ? '/templateId' : '/templateVersion', { expected: `${id}@${version}`, actual })
  }
  // A response filed under another cycle of the same template version is that cycle's, not this one's.
  if (response.cycleId !== undefined && response.cycleId !== cycle.id) return responseIssue('cycle.responseOtherCycle', index, '/cycleId', { expected: cycle.id, actual: response.cycleId })
  if (response.status !== 'submitted') return responseIssue('cycle.responseDraft', index, '/status')
  if (response.role !== 'review' && response.role !== 'self') return responseIssue('cycle.responseRole', index, '/role', { role: response.role ?? 'inspection' })
  if (response.role === 'review' && (response.inspector ?? '').trim() === '') return responseIssue('cycle.responseNoReviewer', index, '/inspector')
  return null
}

/**
 * Groups the counted responses by subject: the latest review per reviewer (rule 1) and the latest
 * self-assessment. Everything left out or replaced is said in `warnings`.
 */
export function groupSubjects(cycle: Cycle, responses: readonly Response[], warnings: Issue[]): Map<string, Building> {
  const groups = new Map<string, Building>()
  responses.forEach((response, index) => {
    const why = leftOut(cycle, response, index)
    if (why) {
      warnings.push(why)
      return
    }
    const key = keyOf(cycle.subjectKey, response.subject)
    if ('missing' in key) {
      warnings.push(responseIssue('cycle.responseNoSubject', index, pointer('subject', key.missing), { id: key.missing }))
      return
    }
    const id = keyId(cycle.subjectKey, key)
    let group = groups.get(id)
    if (!group) {
      group = { key, reviews: new Map(), self: null }
      groups.set(id, group)
    }
    if (response.role === 'self') {
      const counted = { response, index }
      if (group.self) warnings.push(responseIssue('cycle.selfReplaced', index, '/submittedAt'))
      if (!group.self || isLater(counted, group.self)) group.self = counted
      return
    }
    const reviewer = (response.inspector ?? '').trim()
    const review: Review = { response, index, reviewer }
    const earlier = group.reviews.get(reviewer)
    if (earlier) warnings.push(responseIssue('cycle.reviewReplaced', index, '/submittedAt', { reviewer }))
    if (!earlier || isLater(review, earlier)) group.reviews.set(reviewer, review)
  })
  return groups
}

/** The groups as a list, reviews in reviewer order; subjects the cycle lists but nobody filled are added. */
export function subjectGroups(cycle: Cycle, groups: Map<string, Building>, warnings: Issue[]): SubjectGroup[] {
  const listed = new Set<string>()
  const out: SubjectGroup[] = []
  for (const subject of cycle.subjects ?? []) {
    const key = keyOf(cycle.subjectKey, subject)
    if ('missing' in key) continue // validateCycle reports it
    const id = keyId(cycle.subjectKey, key)
    listed.add(id)
    if (!groups.has(id)) groups.set(id, { key, reviews: new Map(), self: null })
  }
  const panel = cycle.panel?.members === undefined ? null : new Set(cycle.panel.members.map((m) => m.trim()))
  for (const [id, group] of groups) {
    const reviews = [...group.reviews.values()].sort((a, b) => byCodeUnits(a.reviewer, b.reviewer))
    for (const r of reviews) {
      if (panel && !panel.has(r.reviewer)) warnings.push(responseIssue('cycle.reviewerNotOnPanel', r.index, '/inspector', { reviewer: r.reviewer }))
      if (cycle.subjects !== undefined && !listed.has(id)) warnings.push(responseIssue('cycle.subjectNotInCycle', r.index, '/subject'))
    }
    out.push({ id, key: group.key, reviews, self: group.self })
  }
  return out
}
