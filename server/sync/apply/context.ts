/** What every mutation's apply step gets, and what it says back. */
import type { Issue } from '@/core/result'
import type { MutationStatus, Outcome } from '@/core/sync'
import type { Access } from '../../access/load'
import type { RequestAccount } from '../../http/account'
import type { Queryable } from '../../db/types'
import type { TemplateVersions } from '../sql'
import type { PushState } from './state'

/** What a batch did that the audit log records: conflicts (merges) and publishes. */
export interface BatchLog {
  /** Mutations that lost (`superseded`) or made another answer lose. */
  conflicts: number
  /** Answers stored in the history by this batch. */
  losers: number
  /** Responses those conflicts were about (for the audit entry). */
  responseIds: Set<string>
  published: Array<{ templateId: string; version: number }>
}

export interface ApplyContext {
  tx: Queryable
  account: RequestAccount
  /** What the account may do where, read once per batch. */
  access: Access
  /** `/mutations/<i>`: where this mutation is in the request. */
  at: string
  versions: TemplateVersions
  /** The batch's responses and answers, read up front and written at the end (state.ts). */
  state: PushState
  log: BatchLog
}

export interface Applied {
  status: Exclude<MutationStatus, 'duplicate'>
  issue?: Issue
}

export const refused = (issue: Issue): Applied => ({ status: 'refused', issue })

/** The protocol's status for a merge outcome (a conflict is refused by the caller, with its issue). */
export function statusOf(outcome: Exclude<Outcome, 'conflict'>): Applied['status'] {
  switch (outcome) {
    case 'apply':
      return 'applied'
    case 'same':
      return 'same'
    case 'stale':
    case 'locked':
      return 'superseded'
    default: {
      const never: never = outcome
      return never
    }
  }
}

export function noteConflict(log: BatchLog, responseId: string | undefined): void {
  log.conflicts++
  if (responseId !== undefined && log.responseIds.size < 100) log.responseIds.add(responseId)
}
