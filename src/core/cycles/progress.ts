/** STUB (h-cycle-ui): the agreed signature of h-cycle-core's cycleProgress; replaced at merge. */
import type { Response } from '../format/types'
import type { Cycle, SubjectKey } from './types'

export interface SubjectProgress {
  key: SubjectKey
  label: string
  self: 'none' | 'draft' | 'submitted'
  selfId?: string
  reviews: Record<string, { status: 'draft' | 'submitted'; id: string }>
  submittedReviews: number
}

export interface ReviewerProgress {
  reviewer: string
  submitted: number
  drafts: number
  of: number
}

export interface CycleProgress {
  subjects: SubjectProgress[]
  reviewers: ReviewerProgress[]
}

export function cycleProgress(_cycle: Cycle, _responses: readonly Response[]): CycleProgress {
  return { subjects: [], reviewers: [] }
}
