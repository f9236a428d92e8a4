/**
 * Merging one response present on both sides. The rules (issue #7):
 * - a submitted response is never overwritten by a draft;
 * - a submitted response replaces a draft of itself (its score was computed from its answers);
 * - two drafts merge per answer: the later clock wins (`clockOf`: the answer's `hlc`, else its
 *   `updatedAt`, the same order sync uses), the other goes to history;
 * - two different submissions of one response: the later one is kept whole, the other's
 *   differing answers go to history (mixing them would contradict both stored scores).
 * Ties are broken on the canonical text, so importing A into B and B into A end equal.
 * A distrusted incoming response (it carried times from the future, see clampFutureTimes) loses
 * every comparison by time: it never replaces a submission, an answer or a row of this device.
 */
import type { Answer } from '../../format/types'
import type { BundleResponse } from './format'
import { canonicalJson, fingerprint } from './hash'
import { clockOf } from '../../sync/hlc'
import { historyKey, type AnswerRecord, type ConflictReason, type ConflictRecord, type HistoryRecord } from './merge-types'

export type ResponseDecision = 'skipped' | 'updated' | 'keptSubmitted'

export interface ResponseMerge {
  decision: ResponseDecision
  /** The response to write when `updated`. */
  write?: BundleResponse
  answers: AnswerRecord[]
  answerDeletes: Array<[string, string]>
  history: HistoryRecord[]
  conflicts: ConflictRecord[]
  answerCounts: { new: number; updated: number; skipped: number; conflicts: number }
}

/** Row fields only (answers apart), canonical. */
const rowText = (r: BundleResponse): string => canonicalJson({ ...r, response: { ...r.response, answers: null } })

/** Which side is newer: by time, then by canonical text, so the choice never depends on import order. */
function newer(aTime: string, aText: string, bTime: string, bText: string): 'a' | 'b' {
  if (aTime !== bTime) return aTime > bTime ? 'a' : 'b'
  return aText >= bText ? 'a' : 'b'
}

export interface MergeResponseOptions {
  /** The incoming side's times cannot be believed: this device's side wins every conflict. */
  distrusted?: boolean
}

export function mergeResponse(
  local: BundleResponse,
  incoming: BundleResponse,
  history: ReadonlySet<string>,
  now: string,
  { distrusted = false }: MergeResponseOptions = {},
): ResponseMerge {
  /** Is the incoming side newer? Never when distrusted. */
  const incomingNewer = (iTime: string, iText: string, lTime: string, lText: string): boolean =>
    !distrusted && newer(iTime, iText, lTime, lText) === 'a'
  const out: ResponseMerge = {
    decision: 'skipped',
    answers: [],
    answerDeletes: [],
    history: [],
    conflicts: [],
    answerCounts: { new: 0, updated: 0, skipped: 0, conflicts: 0 },
  }
  const id = local.response.id
  const la = local.response.answers
  const ia = incoming.response.answers
  const count = Object.keys(ia).length

  /** Records the losing answer in history unless it is there already; true when it was new. */
  const keep = (itemId: string, answer: Answer, from: 'local' | 'incoming', reason: ConflictReason, kept: 'local' | 'incoming'): boolean => {
    const hash = fingerprint(answer)
    if (history.has(historyKey(id, itemId, hash))) return false
    const deviceId = (from === 'local' ? local : incoming).deviceId
    out.history.push({ responseId: id, itemId, hash, answer, from, ...(deviceId !== undefined && { deviceId }), recordedAt: now })
    out.conflicts.push({ responseId: id, itemId, kept, reason })
    return true
  }

  const ls = local.response.status
  const is = incoming.response.status
  if (ls === 'submitted' && is === 'draft') {
    out.decision = 'keptSubmitted'
    out.answerCounts.skipped = count
    return out
  }

  if (ls === 'draft' && is === 'draft') {
    let changed = false
    for (const [itemId, answer] of Object.entries(ia)) {
      const mine = Object.hasOwn(la, itemId) ? la[itemId] : undefined
      if (mine === undefined) {
        out.answers.push({ responseId: id, itemId, answer })
        out.answerCounts.new++
        changed = true
        continue
      }
      const mt = canonicalJson(mine)
      const it = canonicalJson(answer)
      if (mt === it) {
        out.answerCounts.skipped++
        continue
      }
      // By clock (sync's hybrid logical clock; legacy answers: their `updatedAt`), as sync merges.
      if (incomingNewer(clockOf(answer), it, clockOf(mine), mt)) {
        out.answers.push({ responseId: id, itemId, answer })
        keep(itemId, mine, 'local', 'newerAnswer', 'incoming')
        out.answerCounts.conflicts++
        changed = true
      } else if (keep(itemId, answer, 'incoming', 'newerAnswer', 'local')) {
        out.answerCounts.conflicts++
        changed = true
      } else {
        out.answerCounts.skipped++
      }
    }
    const rowWinner = incomingNewer(incoming.response.updatedAt, rowText(incoming), local.response.updatedAt, rowText(local)) ? 'a' : 'b'
    const rowChanged = rowWinner === 'a' && rowText(incoming) !== rowText(local)
    if (changed || rowChanged) {
      const base = rowWinner === 'a' ? incoming : local
      out.decision = 'updated'
      out.write = { ...base, response: { ...base.response, answers: { ...la, ...Object.fromEntries(out.answers.map((a) => [a.itemId, a.answer])) } } }
    }
    return out
  }

  // At least one side is submitted, and the incoming side is not a draft over a submission.
  const same = rowText(local) === rowText(incoming) && canonicalJson(la) === canonicalJson(ia)
  if (same) {
    out.answerCounts.skipped = count
    return out
  }
  const incomingWins =
    ls === 'draft' ||
    incomingNewer(incoming.response.updatedAt, canonicalJson(incoming), local.response.updatedAt, canonicalJson(local))
  const reason: ConflictReason = ls === 'draft' ? 'submittedWins' : 'newerSubmission'
  const [winner, loser, loserSide] = incomingWins ? ([ia, la, 'local'] as const) : ([la, ia, 'incoming'] as const)
  for (const [itemId, answer] of Object.entries(loser)) {
    const w = Object.hasOwn(winner, itemId) ? winner[itemId] : undefined
    if (w !== undefined && canonicalJson(w) === canonicalJson(answer)) continue
    if (keep(itemId, answer, loserSide, reason, incomingWins ? 'incoming' : 'local')) out.answerCounts.conflicts++
  }
  if (!incomingWins) {
    out.answerCounts.skipped = count - out.answerCounts.conflicts
    if (out.history.length > 0) out.decision = 'updated'
    return out
  }
  out.decision = 'updated'
  out.write = incoming
  for (const [itemId, answer] of Object.entries(ia)) {
    const mine = Object.hasOwn(la, itemId) ? la[itemId] : undefined
    if (mine !== undefined && canonicalJson(mine) === canonicalJson(answer)) {
      out.answerCounts.skipped++
      continue
    }
    out.answers.push({ responseId: id, itemId, answer })
    if (mine === undefined) out.answerCounts.new++
    else out.answerCounts.updated++
  }
  for (const itemId of Object.keys(la)) if (!Object.hasOwn(ia, itemId)) out.answerDeletes.push([id, itemId])
  return out
}
