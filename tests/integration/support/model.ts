/**
 * The reference model of sync: what every side must hold once everyone has synced, computed from
 * the set of committed mutations alone, with no regard to the order they arrived in. It restates
 * the merge rules of src/core/sync/decide.ts (its top comment) in their simplest form instead of
 * calling them, so a slip in those functions shows up here as a difference:
 *
 * - a response's header is the greatest of all its headers by rank (draft < deleted draft <
 *   submitted < deleted submitted), then by clock;
 * - a live submitted response holds exactly the answers of the submission whose header won;
 * - a live draft holds, per item, the answer with the greatest clock;
 * - a deleted response holds nothing anyone can see.
 *
 * "No answer lost": every committed answer (an edit, or one inside a submission) of a response that
 * is not deleted in the end is, by content, the response's current answer or in its history.
 * Content leaves out the clock and `updatedAt` (decide.ts: the same answer given twice, or given
 * again later, is no loss).
 */
import { canonicalJson } from '@/core/exchange/bundle/hash'
import type { ResponseHeader, SyncAnswer } from '@/core/sync'
import type { CommitLog } from './wire'

export type Answers = Record<string, SyncAnswer>

export interface Expected {
  headers: Map<string, ResponseHeader>
  /** Live (not deleted) responses only. */
  answers: Map<string, Answers>
}

const rank = (h: ResponseHeader): number => (h.status === 'submitted' ? 2 : 0) + (h.deleted ? 1 : 0)
/** Clocks are fixed-width text: their order is the string order (hlc.ts). */
const beats = (a: ResponseHeader, b: ResponseHeader): boolean => (rank(a) !== rank(b) ? rank(a) > rank(b) : a.hlc > b.hlc)

export function expectedState(log: CommitLog): Expected {
  const headers = new Map<string, ResponseHeader>()
  const submissions = new Map<string, Answers>()
  const drafts = new Map<string, Answers>()
  const offer = (h: ResponseHeader): void => {
    const held = headers.get(h.id)
    if (!held || beats(h, held)) headers.set(h.id, h)
  }
  for (const { mutation: m } of log) {
    switch (m.kind) {
      case 'response':
        offer(m.response)
        break
      case 'submit':
        offer(m.response)
        submissions.set(`${m.response.id} ${m.response.hlc}`, m.answers)
        break
      case 'answer': {
        const slot = drafts.get(m.responseId) ?? {}
        const held = slot[m.itemId]
        if (!held || m.answer.hlc > held.hlc) slot[m.itemId] = m.answer
        drafts.set(m.responseId, slot)
        break
      }
      default:
        throw new Error(`this test makes no ${m.kind} mutations`)
    }
  }
  const answers = new Map<string, Answers>()
  for (const h of headers.values()) {
    if (h.deleted) continue
    const held = h.status === 'submitted' ? submissions.get(`${h.id} ${h.hlc}`) : (drafts.get(h.id) ?? {})
    if (!held) throw new Error(`the winning submission of ${h.id} was never committed`)
    answers.set(h.id, held)
  }
  return { headers, answers }
}

const content = (a: SyncAnswer): string => canonicalJson({ ...a, hlc: undefined, updatedAt: undefined })

export interface HistoryRow {
  responseId: string
  itemId: string
  answer: SyncAnswer
}

/** Committed answers of live responses that are neither current nor in the history (by content). */
export function lostAnswers(log: CommitLog, expected: Expected, current: Map<string, Answers>, history: readonly HistoryRow[]): HistoryRow[] {
  const kept = new Set<string>()
  for (const [responseId, answers] of current) for (const [itemId, a] of Object.entries(answers)) kept.add(`${responseId} ${itemId} ${content(a)}`)
  for (const h of history) kept.add(`${h.responseId} ${h.itemId} ${content(h.answer)}`)
  const given: HistoryRow[] = log.flatMap(({ mutation: m }) =>
    m.kind === 'answer'
      ? [{ responseId: m.responseId, itemId: m.itemId, answer: m.answer }]
      : m.kind === 'submit'
        ? Object.entries(m.answers).map(([itemId, answer]) => ({ responseId: m.response.id, itemId, answer }))
        : [],
  )
  return given.filter((g) => expected.headers.get(g.responseId)?.deleted !== true && !kept.has(`${g.responseId} ${g.itemId} ${content(g.answer)}`))
}
