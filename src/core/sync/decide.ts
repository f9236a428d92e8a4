/**
 * The merge rules of sync, decided once for the server and every device. Each function compares
 * what a side holds with what arrives and says what to keep; the caller writes it. Because every
 * rule is a join (the result does not depend on the order things arrive in), devices and the
 * server that have seen the same edits hold the same data, whatever order they synced in.
 *
 * - An answer: the later clock wins (device id breaks ties, inside the clock); the loser goes to
 *   the answer history. An answer to a submitted or deleted response changes nothing: it goes to
 *   history (a submitted response is never reopened by a draft).
 * - A response header: by rank (draft < deleted draft < submitted < deleted submitted), then by
 *   clock. A submission therefore beats every draft, a discard beats every draft edit (so a deleted
 *   draft never comes back), and of two submissions the later one is kept whole.
 * - A submission replaces the response's answers with the ones it was scored on; the answers it
 *   replaces go to history. A submission that loses puts its own differing answers in history.
 * - Template versions and attachment metadata are immutable: the same id with other content is a
 *   conflict, refused. An attachment may only be deleted: its tombstone beats the live metadata
 *   and the live metadata never brings it back.
 * - Template rows and tasks: the later clock wins.
 */
import { canonicalJson } from '../exchange/bundle/hash'
import type { Answer } from '../format/types'
import { compareHlc } from './hlc'
import type { ResponseHeader, SyncAnswer, SyncAttachment } from './records'

export type Outcome =
  /** Write the incoming record. */
  | 'apply'
  /** Equal content: nothing to do. */
  | 'same'
  /** The held record is newer: keep it; the incoming one is a loser. */
  | 'stale'
  /** The response is submitted or deleted: the incoming answer is a loser. */
  | 'locked'
  /** Immutable record with other content under the same id: refused. */
  | 'conflict'

export const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b)

/** The answer's content without its clock or time: two devices giving the same answer agree. */
const answerContent = (a: Answer): unknown => ({ ...a, hlc: undefined, updatedAt: undefined })

export interface AnswerDecision {
  outcome: Outcome
  /** The answer that lost, for the history (absent when nothing was lost). */
  loser?: SyncAnswer
}

/**
 * One answer slot. `status` is the held response's state: an answer to a submitted or deleted
 * response (or to one this side does not hold) is `locked`.
 */
export function decideAnswer(held: SyncAnswer | undefined, incoming: SyncAnswer, response: Pick<ResponseHeader, 'status' | 'deleted'> | undefined): AnswerDecision {
  if (held !== undefined && same(held, incoming)) return { outcome: 'same' }
  if (!response || response.status === 'submitted' || response.deleted) {
    return held !== undefined && same(answerContent(held), answerContent(incoming)) ? { outcome: 'same' } : { outcome: 'locked', loser: incoming }
  }
  if (held === undefined) return { outcome: 'apply' }
  // A loser with the same content as the winner (the same answer given twice) is no loss.
  const lost = (a: SyncAnswer): AnswerDecision['loser'] => (same(answerContent(held), answerContent(incoming)) ? undefined : a)
  return compareHlc(incoming.hlc, held.hlc) > 0 ? { outcome: 'apply', loser: lost(held) } : { outcome: 'stale', loser: lost(incoming) }
}

/** draft 0 < deleted draft 1 < submitted 2 < deleted submitted 3. */
export function headerRank(h: Pick<ResponseHeader, 'status' | 'deleted'>): number {
  return (h.status === 'submitted' ? 2 : 0) + (h.deleted ? 1 : 0)
}

/** True when `a` wins over `b`: higher rank, then later clock. */
export function headerWins(a: Pick<ResponseHeader, 'status' | 'deleted' | 'hlc'>, b: Pick<ResponseHeader, 'status' | 'deleted' | 'hlc'>): boolean {
  const ra = headerRank(a)
  const rb = headerRank(b)
  return ra !== rb ? ra > rb : compareHlc(a.hlc, b.hlc) > 0
}

/**
 * A header without answers (a draft created or edited, a tombstone). A submitted header comes
 * with its answers through `decideSubmission`; one arriving here over a draft is `apply` all the same
 * (only tombstones of submitted responses travel this way).
 */
export function decideHeader(held: ResponseHeader | undefined, incoming: ResponseHeader): Outcome {
  if (held === undefined) return 'apply'
  if (same(held, incoming)) return 'same'
  if (headerWins(incoming, held)) return 'apply'
  return held.status === 'submitted' && incoming.status === 'draft' ? 'locked' : 'stale'
}

export interface SubmissionDecision {
  outcome: Outcome
  /** Answers that lose: the held ones replaced (apply), or the incoming ones refused (stale). */
  losers: Array<{ itemId: string; answer: SyncAnswer }>
  /** Held answers the submission removes (`apply` only): item ids with no answer in it. */
  removed: string[]
}

/** A submission, answers inside, against what a side holds of the response. */
export function decideSubmission(
  held: { header: ResponseHeader; answers: Readonly<Record<string, SyncAnswer>> } | undefined,
  incoming: { header: ResponseHeader; answers: Readonly<Record<string, SyncAnswer>> },
): SubmissionDecision {
  if (held === undefined) return { outcome: 'apply', losers: [], removed: [] }
  if (same(held.header, incoming.header) && same(held.answers, incoming.answers)) return { outcome: 'same', losers: [], removed: [] }
  const differing = (from: Readonly<Record<string, SyncAnswer>>, to: Readonly<Record<string, SyncAnswer>>): SubmissionDecision['losers'] =>
    Object.entries(from)
      .filter(([itemId, a]) => !Object.hasOwn(to, itemId) || !same(answerContent(a), answerContent(to[itemId]!)))
      .map(([itemId, answer]) => ({ itemId, answer }))
  if (headerWins(incoming.header, held.header)) {
    return {
      outcome: 'apply',
      losers: differing(held.answers, incoming.answers),
      removed: Object.keys(held.answers).filter((id) => !Object.hasOwn(incoming.answers, id)),
    }
  }
  return { outcome: 'stale', losers: held.header.deleted ? [] : differing(incoming.answers, held.answers), removed: [] }
}

/** Template rows and tasks: the later clock wins. */
export function decideByClock<T extends { hlc: string }>(held: T | undefined, incoming: T): Outcome {
  if (held === undefined) return 'apply'
  if (same(held, incoming)) return 'same'
  return compareHlc(incoming.hlc, held.hlc) > 0 ? 'apply' : 'stale'
}

/** Template versions and attachment metadata: written once, never changed. */
export function decideImmutable<T>(held: T | undefined, incoming: T, content: (t: T) => unknown = (t) => t): Outcome {
  if (held === undefined) return 'apply'
  return same(content(held), content(incoming)) ? 'same' : 'conflict'
}

/** Attachment metadata without its tombstone flag: what must never change under an id. */
const attachmentContent = (a: SyncAttachment): unknown => ({ ...a, deleted: undefined })

/**
 * Attachment metadata, live or deleted (`deleted: true`, the same metadata otherwise). Immutable
 * but for deletion, which is final: a tombstone beats the live metadata whatever order they
 * arrive in, and live metadata arriving over a tombstone is `stale`. Other content is a conflict.
 */
export function decideAttachment(held: SyncAttachment | undefined, incoming: SyncAttachment): Outcome {
  if (held === undefined) return 'apply'
  if (!same(attachmentContent(held), attachmentContent(incoming))) return 'conflict'
  if (held.deleted === incoming.deleted) return 'same'
  return incoming.deleted ? 'apply' : 'stale'
}
