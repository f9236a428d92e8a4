/**
 * The two kinds of side in a convergence run, read the same way: a tablet (a fake-indexeddb
 * database, as the app opens it) and the server (its PostgreSQL tables). Each reads as its
 * response headers (tombstones included), the answers of its live responses and their scores.
 */
import type { Template } from '@/core/format/types'
import { headerOf, type ResponseHeader } from '@/core/sync'
import { DEVICE_ID_KEY, installSamples, type QingdanDatabase } from '@/db'
import type { Db } from '../../../server/db/types'
import { freshDb } from '../../db/helpers'
import type { Answers, HistoryRow } from './model'

export interface Score {
  total: number
  percent: number | null
  band: string | null
}

export interface SideState {
  headers: Map<string, ResponseHeader>
  /** Live responses only. */
  answers: Map<string, Answers>
  /** Live submitted responses only. */
  scores: Map<string, Score>
}

/** A tablet signed in as `deviceId`, holding the sample as every installed app does. */
export async function openTablet(deviceId: string, sample: Template): Promise<QingdanDatabase> {
  const db = freshDb()
  await db.meta.put({ key: DEVICE_ID_KEY, value: deviceId })
  await installSamples(db, [sample])
  return db
}

export async function tabletState(db: QingdanDatabase): Promise<SideState> {
  const state: SideState = { headers: new Map(), answers: new Map(), scores: new Map() }
  for (const t of await db.tombstones.toArray()) state.headers.set(t.id, t)
  for (const row of await db.responses.toArray()) {
    if (state.headers.has(row.id)) throw new Error(`${row.id} is both live and deleted on a tablet`)
    state.headers.set(row.id, headerOf(row))
    const answers: Answers = {}
    for (const a of await db.answers.where('responseId').equals(row.id).toArray()) answers[a.itemId] = a.answer as Answers[string]
    state.answers.set(row.id, answers)
    if (row.status === 'submitted') state.scores.set(row.id, { total: row.total ?? NaN, percent: row.percent ?? null, band: row.band ?? null })
  }
  // Answers of a response this tablet does not hold would be invisible, and wrong.
  const stray = (await db.answers.toArray()).filter((a) => !state.answers.has(a.responseId))
  if (stray.length > 0) throw new Error(`a tablet holds answers of responses it does not hold: ${stray.map((a) => a.responseId).join(', ')}`)
  return state
}

interface ServerRow {
  id: string
  header: ResponseHeader
  deleted: boolean
  status: string
  total: string | number | null
  percent: string | number | null
  band: string | null
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v))

export async function serverState(db: Db): Promise<SideState & { history: HistoryRow[] }> {
  const state: SideState = { headers: new Map(), answers: new Map(), scores: new Map() }
  for (const r of await db.query<ServerRow>('select id, header, deleted, status, total, percent, band from responses')) {
    state.headers.set(r.id, r.header)
    if (r.deleted) continue
    state.answers.set(r.id, {})
    if (r.status === 'submitted') state.scores.set(r.id, { total: num(r.total) ?? NaN, percent: num(r.percent), band: r.band })
  }
  // Answers of deleted responses stay in the table, unseen by anyone (pull leaves them out).
  for (const a of await db.query<HistoryRow & { answer: Answers[string] }>('select response_id as "responseId", item_id as "itemId", answer from answers')) {
    const live = state.answers.get(a.responseId)
    if (live) live[a.itemId] = a.answer
  }
  const history = await db.query<HistoryRow>('select response_id as "responseId", item_id as "itemId", answer from answer_history')
  return { ...state, history }
}

/** The clock of every answer of the tablet's drafts, by `responseId itemId`, and which responses are drafts. */
export interface DraftClocks {
  drafts: Set<string>
  clocks: Map<string, string>
}

export async function draftClocks(db: QingdanDatabase): Promise<DraftClocks> {
  const drafts = new Set((await db.responses.where('status').equals('draft').toArray()).map((r) => r.id))
  const clocks = new Map<string, string>()
  for (const a of await db.answers.toArray()) if (drafts.has(a.responseId)) clocks.set(`${a.responseId} ${a.itemId}`, a.answer.hlc ?? '')
  return { drafts, clocks }
}

/** Per answer, the later of two readings (clocks are fixed-width text: string order is clock order). */
export function latest(a: DraftClocks, b: DraftClocks): DraftClocks {
  const clocks = new Map(a.clocks)
  for (const [key, hlc] of b.clocks) if (!clocks.has(key) || hlc > clocks.get(key)!) clocks.set(key, hlc)
  return { drafts: new Set([...a.drafts, ...b.drafts]), clocks }
}

/**
 * Answers of responses that are drafts before and after, older after or gone: what a person would
 * see go back on the screen. (A submission replacing a draft's answers, or a deletion, is not this.)
 */
export function wentBack(before: DraftClocks, after: DraftClocks): string[] {
  return [...before.clocks]
    .filter(([key, hlc]) => after.drafts.has(key.split(' ')[0]!) && !((after.clocks.get(key) ?? '') >= hlc))
    .map(([key, hlc]) => `${key}: ${hlc} → ${after.clocks.get(key) ?? '(gone)'}`)
}
