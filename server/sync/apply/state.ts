/**
 * What a push batch reads and writes of responses and answers, with a fixed number of statements
 * however many mutations it has (issue #13, docs/design/push-lock.md): everything the batch will
 * decide on is read in ONE statement after the record locks (with the device's applied seq), the
 * decisions (core's decide functions, in the apply rules) read and update this state in memory,
 * and what they decided is written in ONE statement of writable CTEs at the end. A tablet's push
 * is a header and its answers, so this is what sets ingest speed: round trips and statements, not
 * the rows, are what a push costs on a busy server.
 *
 * Only headers and answers are buffered. Every other rule reads the tables itself, so the batch
 * writes what is pending before one runs (apply/index.ts), and forgets what it may have changed.
 */
import { fingerprint } from '@/core/exchange/bundle/hash'
import type { Mutation, ResponseHeader, SyncAnswer } from '@/core/sync'
import type { Queryable, SqlValue } from '../../db/types'
import { json, NEXT_CURSOR, type HeldAnswer, type HeldResponse } from '../sql'

interface AnswerRow {
  /** When it was decided: its cursor's rank in the batch's next write. */
  o: number
  r: string
  i: string
  a: SyncAnswer
  d: string
}

interface LoserRow {
  r: string
  i: string
  a: SyncAnswer
  h: string
  d: string | null
}

const keyOf = (responseId: string, itemId: string): string => `${responseId}\u0000${itemId}`

/** The responses and answers a mutation decides on, to read them up front. */
function wanted(m: Mutation): { response?: string; answer?: { r: string; i: string } } {
  if (m.kind === 'answer') return { response: m.responseId, answer: { r: m.responseId, i: m.itemId } }
  if (m.kind === 'response') return { response: m.response.id }
  return {}
}

/*
 * The pending writes, in one statement. `cur` takes the batch's cursors in the order the rows were
 * decided (each row carries its rank `c`), so cursors follow push order as when each mutation was
 * written on its own: a response reaches a device no later than the answers decided after it. A
 * response new to the server and its answers go in together: the foreign key is checked at the end
 * of the statement.
 */
const CURSORS_CTE = `cur as materialized (select g as c, ${NEXT_CURSOR} as cursor from generate_series(1, $N::int) as g order by g)`
const HEADERS_CTE = `h as (
  insert into responses (id, template_id, template_version, header, status, deleted, hlc, scope_id, cursor)
  select x.id, x.t, x.v, x.header, x.status, x.deleted, x.hlc, x.s, cur.cursor
    from jsonb_to_recordset($H::text::jsonb) as x(c int, id text, t text, v int, header jsonb, status text, deleted boolean, hlc text, s text) join cur using (c)
  on conflict (id) do update set
    header = excluded.header, status = excluded.status, deleted = excluded.deleted, hlc = excluded.hlc, cursor = excluded.cursor,
    scope_id = coalesce(excluded.scope_id, responses.scope_id)
  returning 1)`
const ANSWERS_CTE = `a as (
  insert into answers (response_id, item_id, answer, hlc, device_id, cursor)
  select u.r, u.i, u.a, u.a->>'hlc', u.d::uuid, cur.cursor from jsonb_to_recordset($A::text::jsonb) as u(c int, r text, i text, a jsonb, d text) join cur using (c)
  on conflict (response_id, item_id) do update
    set answer = excluded.answer, hlc = excluded.hlc, device_id = excluded.device_id, cursor = excluded.cursor
  returning 1)`
// The same content twice is one history row (unique on response, item and fingerprint).
const LOSERS_CTE = `l as (
  insert into answer_history (response_id, item_id, answer, hash, device_id)
  select u.r, u.i, u.a, u.h, u.d::uuid from jsonb_to_recordset($L::text::jsonb) as u(r text, i text, a jsonb, h text, d text)
  on conflict (response_id, item_id, hash) do nothing
  returning 1)`
const DEVICE_CTE = `d as (
  insert into device_sync (device_id, applied_seq, last_push_at) values ($D, $S, $T)
  on conflict (device_id) do update set applied_seq = excluded.applied_seq, last_push_at = excluded.last_push_at
  returning 1)`

export class PushState {
  /** Held rows as the batch has decided them so far; null: known absent. */
  private readonly responses = new Map<string, HeldResponse | null>()
  private readonly answers = new Map<string, HeldAnswer | null>()
  private headers = new Map<string, { o: number; header: ResponseHeader; scopeId: string | null }>()
  private answerWrites = new Map<string, AnswerRow>()
  private losers = new Map<string, LoserRow>()
  /** Counts decisions to write, to give the written rows their cursors in that order. */
  private decided = 0

  constructor(
    private readonly tx: Queryable,
    private readonly deviceId: string,
  ) {}

  /**
   * After the record locks: the device's applied seq and everything `mutations` decide on, in
   * one statement (one snapshot, which sees what every earlier holder of the locks committed).
   */
  async read(mutations: readonly Mutation[]): Promise<number> {
    const seq = await this.load(mutations.map(wanted), true)
    return seq ?? 0
  }

  async response(id: string): Promise<HeldResponse | undefined> {
    if (!this.responses.has(id)) await this.load([{ response: id }], false)
    return this.responses.get(id) ?? undefined
  }

  async answer(responseId: string, itemId: string): Promise<HeldAnswer | undefined> {
    const key = keyOf(responseId, itemId)
    if (!this.answers.has(key)) await this.load([{ answer: { r: responseId, i: itemId } }], false)
    return this.answers.get(key) ?? undefined
  }

  /** A header decided to be written; `scopeId` null keeps the stored one. */
  setHeader(header: ResponseHeader, scopeId: string | null): void {
    const held = this.responses.get(header.id)
    this.headers.set(header.id, { o: ++this.decided, header, scopeId })
    this.responses.set(header.id, { header, status: header.status, deleted: header.deleted === true, scopeId: scopeId ?? held?.scopeId ?? null })
  }

  setAnswer(responseId: string, itemId: string, answer: SyncAnswer): void {
    const key = keyOf(responseId, itemId)
    this.answers.set(key, { answer, deviceId: this.deviceId })
    this.answerWrites.set(key, { o: ++this.decided, r: responseId, i: itemId, a: answer, d: this.deviceId })
  }

  /** An answer that lost a merge, for the history; the same content twice is kept once. */
  keepLoser(responseId: string, itemId: string, answer: SyncAnswer, deviceId: string | null): void {
    const h = fingerprint(answer)
    this.losers.set(`${keyOf(responseId, itemId)}\u0000${h}`, { r: responseId, i: itemId, a: answer, h, d: deviceId })
  }

  /** A rule that wrote the tables itself (a submission) changed this response and its answers. */
  forget(responseId: string): void {
    this.responses.delete(responseId)
    const prefix = keyOf(responseId, '')
    for (const key of this.answers.keys()) if (key.startsWith(prefix)) this.answers.delete(key)
  }

  /**
   * Writes what is pending in one statement, and with `device` the device's row too (the batch's
   * last statement before its audit entries). Returns how many losers were new to the history.
   */
  async flush(device?: { seq: number; at: Date }): Promise<number> {
    const ctes: string[] = []
    const params: SqlValue[] = []
    const param = (value: SqlValue): string => `$${params.push(value)}`
    const headers = [...this.headers.values()]
    const answers = [...this.answerWrites.values()]
    if (headers.length + answers.length > 0) {
      // Each row's rank among the rows written now, in the order they were decided.
      const rank = new Map([...headers, ...answers].map((r) => r.o).sort((x, y) => x - y).map((o, i) => [o, i + 1]))
      ctes.push(CURSORS_CTE.replace('$N', () => param(rank.size)))
      if (headers.length > 0) {
        const rows = headers.map(({ o, header: x, scopeId }) => ({ c: rank.get(o), id: x.id, t: x.templateId, v: x.templateVersion, header: x, status: x.status, deleted: x.deleted === true, hlc: x.hlc, s: scopeId }))
        ctes.push(HEADERS_CTE.replace('$H', () => param(json(rows))))
      }
      if (answers.length > 0) ctes.push(ANSWERS_CTE.replace('$A', () => param(json(answers.map(({ o, ...row }) => ({ ...row, c: rank.get(o) }))))))
    }
    const losers = this.losers.size > 0
    if (losers) ctes.push(LOSERS_CTE.replace('$L', () => param(json([...this.losers.values()]))))
    if (device) ctes.push(DEVICE_CTE.replace('$D', () => param(this.deviceId)).replace('$S', () => param(device.seq)).replace('$T', () => param(device.at)))
    this.headers = new Map()
    this.answerWrites = new Map()
    this.losers = new Map()
    if (ctes.length === 0) return 0
    const rows = await this.tx.query<{ n: number }>(`with ${ctes.join(',\n')}\nselect ${losers ? '(select count(*) from l)' : '0'} as n`, params)
    return Number(rows[0]!.n)
  }

  /** Reads the rows not yet known (and with `seq`, the device's applied seq) in one statement. */
  private async load(wants: ReadonlyArray<ReturnType<typeof wanted>>, seq: boolean): Promise<number | undefined> {
    const ids = [...new Set(wants.flatMap((w) => (w.response !== undefined && !this.responses.has(w.response) ? [w.response] : [])))]
    const pairs = [...new Map(wants.flatMap((w) => (w.answer && !this.answers.has(keyOf(w.answer.r, w.answer.i)) ? [[keyOf(w.answer.r, w.answer.i), w.answer] as const] : []))).values()]
    if (!seq && ids.length === 0 && pairs.length === 0) return undefined
    const [row] = await this.tx.query<{ seq: number | null; responses: Array<HeldResponse & { id: string }>; answers: Array<HeldAnswer & { r: string; i: string }> }>(
      `select
         ${seq ? '(select applied_seq from device_sync where device_id = $3)' : 'null::bigint'} as seq,
         (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'header', r.header, 'status', r.status, 'deleted', r.deleted, 'scopeId', r.scope_id)), '[]'::jsonb)
            from responses r where r.id = any($1::text[])) as responses,
         (select coalesce(jsonb_agg(jsonb_build_object('r', a.response_id, 'i', a.item_id, 'answer', a.answer, 'deviceId', a.device_id)), '[]'::jsonb)
            from answers a join jsonb_to_recordset($2::text::jsonb) as k(r text, i text) on a.response_id = k.r and a.item_id = k.i) as answers`,
      seq ? [ids, json(pairs), this.deviceId] : [ids, json(pairs)],
    )
    for (const id of ids) this.responses.set(id, null)
    for (const p of pairs) this.answers.set(keyOf(p.r, p.i), null)
    for (const r of row!.responses) this.responses.set(r.id, { header: r.header, status: r.status, deleted: r.deleted, scopeId: r.scopeId })
    for (const a of row!.answers) this.answers.set(keyOf(a.r, a.i), { answer: a.answer, deviceId: a.deviceId })
    return row!.seq === null ? undefined : Number(row!.seq)
  }
}
