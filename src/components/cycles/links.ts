/** Where the cycle pages send a person: a start on the cycle's template, a response, the results. */
import type { Role } from '@/core/format/types'
import type { SyncCycle } from '@/core/sync/protocol'

/** The fill start on the cycle's template version for one branch, so the response joins the cycle. */
export function startLink(cycle: SyncCycle, subjectId: string, role: Extract<Role, 'self' | 'review'>) {
  return {
    name: 'fill-start',
    params: { templateId: cycle.template.id, version: String(cycle.template.version) },
    query: { subject: subjectId, cycle: cycle.id, role },
  }
}

export const fillLink = (responseId: string): string => `/fill/${encodeURIComponent(responseId)}`
/** The submitted response's page, where its ledger prints (打印台账). */
export const responseLink = (responseId: string): string => `/results/${encodeURIComponent(responseId)}`
/** The panel's results (league table, panel detail): another page's route, reached by its path. */
export const resultsLink = (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/results`
export const cycleLink = (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}`
