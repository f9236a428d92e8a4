/** A record's clock: well formed, and not ahead of the server's wall time by more than core allows. */
import type { Issue } from '@/core/result'
import { hlcTooFarAhead, isHlc } from '@/core/sync'
import { syncIssue } from '../issues'

export function clockIssue(hlc: unknown, at: string, now: number): Issue | undefined {
  if (!isHlc(hlc)) return syncIssue('badClock', at)
  // A device whose date is a year ahead would otherwise win every conflict for a year.
  if (hlcTooFarAhead(hlc, now)) return syncIssue('clockAhead', at, { hlc })
  return undefined
}
