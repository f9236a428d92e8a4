/**
 * A cycle's progress for the committee (issue #15 item 2): per subject, whether its
 * self-assessment and each reviewer's review are drafts or submitted; per reviewer, how many of
 * the subjects they have done. Unlike `evaluateCycle`, drafts count here: they are work begun.
 */
import type { Response } from '../format/types'
import { byCodeUnits, keyId, keyOf, subjectLabel } from './subjects'
import type { Cycle, SubjectKey } from './types'

export type ProgressStatus = 'draft' | 'submitted'

export interface SubjectProgress {
  key: SubjectKey
  /** The key values joined by a space. */
  label: string
  self: 'none' | ProgressStatus
  selfId?: string
  /** By reviewer: the review that counts (a submitted one before a draft). */
  reviews: Record<string, { status: ProgressStatus; id: string }>
  submittedReviews: number
}

export interface ReviewerProgress {
  reviewer: string
  /** Subjects this reviewer has submitted a review of. */
  submitted: number
  /** Subjects with only a draft by this reviewer. */
  drafts: number
  /** Subjects in the cycle (listed, or seen in its responses). */
  of: number
}

export interface CycleProgress {
  subjects: SubjectProgress[]
  reviewers: ReviewerProgress[]
}

interface Seen {
  response: Response
  index: number
}

function statusOf(response: Response): ProgressStatus {
  return response.status === 'submitted' ? 'submitted' : 'draft'
}

function timeOf(response: Response): number {
  const t = Date.parse(response.submittedAt ?? response.updatedAt ?? response.startedAt ?? '')
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t
}

/**
 * Whether `a` shows instead of `b`: a submitted response before a draft (the submitted one is
 * what the cycle counts), then the later one, the larger id, the later place in the list.
 */
function shows(a: Seen, b: Seen): boolean {
  const sa = statusOf(a.response)
  if (sa !== statusOf(b.response)) return sa === 'submitted'
  const ta = timeOf(a.response)
  const tb = timeOf(b.response)
  if (ta !== tb) return ta > tb
  const ids = byCodeUnits(a.response.id ?? '', b.response.id ?? '')
  return ids !== 0 ? ids > 0 : a.index > b.index
}

/** Whether the response is one of the cycle's: its template version, its cycle (or none), self or review. */
function isCycles(cycle: Cycle, r: Response): boolean {
  if (r.templateId !== cycle.template.id || r.templateVersion !== cycle.template.version) return false
  if (r.cycleId !== undefined && r.cycleId !== cycle.id) return false
  if (r.role === 'self') return true
  return r.role === 'review' && (r.inspector ?? '').trim() !== ''
}

interface Building {
  key: SubjectKey
  self: Seen | null
  reviews: Map<string, Seen>
}

function building(groups: Map<string, Building>, cycle: Cycle, key: SubjectKey): Building {
  const id = keyId(cycle.subjectKey, key)
  let group = groups.get(id)
  if (group === undefined) {
    group = { key, self: null, reviews: new Map() }
    groups.set(id, group)
  }
  return group
}

function subjectProgress(cycle: Cycle, group: Building): SubjectProgress {
  const out: SubjectProgress = { key: group.key, label: subjectLabel(cycle.subjectKey, group.key), self: 'none', reviews: {}, submittedReviews: 0 }
  if (group.self !== null) {
    out.self = statusOf(group.self.response)
    if (group.self.response.id !== undefined) out.selfId = group.self.response.id
  }
  const entries = [...group.reviews].sort((a, b) => byCodeUnits(a[0], b[0]))
  // fromEntries defines own properties: a reviewer named "__proto__" stays a plain entry.
  out.reviews = Object.fromEntries(entries.map(([reviewer, seen]) => [reviewer, { status: statusOf(seen.response), id: seen.response.id ?? '' }]))
  out.submittedReviews = entries.filter(([, seen]) => statusOf(seen.response) === 'submitted').length
  return out
}

/** Panel members in their order (trimmed, once each), then other reviewers seen, in code-unit order. */
export function reviewerOrder(members: readonly string[] | undefined, seen: Iterable<string>): string[] {
  const out = [...new Set((members ?? []).map((m) => m.trim()).filter((m) => m !== ''))]
  const listed = new Set(out)
  const others = [...new Set(seen)].filter((r) => !listed.has(r)).sort(byCodeUnits)
  return [...out, ...others]
}

/**
 * The progress of `cycle` from its responses (drafts included, deleted ones already left out by
 * the caller). Subjects: `cycle.subjects` in their order, then any other subject the cycle's
 * responses name, in the order first seen. Responses of another template version or cycle, and
 * inspections, are not the cycle's and are skipped.
 */
export function cycleProgress(cycle: Cycle, responses: readonly Response[]): CycleProgress {
  const groups = new Map<string, Building>()
  for (const subject of cycle.subjects ?? []) {
    const key = keyOf(cycle.subjectKey, subject)
    if (!('missing' in key)) building(groups, cycle, key)
  }
  responses.forEach((response, index) => {
    if (!isCycles(cycle, response)) return
    const key = keyOf(cycle.subjectKey, response.subject)
    if ('missing' in key) return
    const group = building(groups, cycle, key)
    const seen = { response, index }
    if (response.role === 'self') {
      if (group.self === null || shows(seen, group.self)) group.self = seen
      return
    }
    const reviewer = (response.inspector ?? '').trim()
    const earlier = group.reviews.get(reviewer)
    if (earlier === undefined || shows(seen, earlier)) group.reviews.set(reviewer, seen)
  })
  const subjects = [...groups.values()].map((g) => subjectProgress(cycle, g))
  const reviewers = reviewerOrder(cycle.panel?.members, subjects.flatMap((s) => Object.keys(s.reviews))).map((reviewer) => {
    const row: ReviewerProgress = { reviewer, submitted: 0, drafts: 0, of: subjects.length }
    for (const s of subjects) {
      const status = Object.hasOwn(s.reviews, reviewer) ? s.reviews[reviewer]?.status : undefined
      if (status === 'submitted') row.submitted++
      else if (status === 'draft') row.drafts++
    }
    return row
  })
  return { subjects, reviewers }
}
