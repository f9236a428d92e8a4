/**
 * A run of consecutive answer mutations, applied with a fixed number of queries however long it
 * is: what the run needs is read in two queries, merged in memory (core's decideAnswer, in push
 * order, each decision seeing the ones before it), and written in two. A tablet's outbox is mostly
 * such runs, and their response's lock (locks.ts) is held for the whole batch, so this is what
 * sets ingest speed.
 * The caller ends a run before any other kind of mutation, which may read these answers.
 */
import { fingerprint } from '@/core/exchange/bundle/hash'
import { decideAnswer, type Mutation, type SyncAnswer } from '@/core/sync'
import { allows, writeAction } from '../../access/check'
import { outOfScope } from '../../access/place'
import { syncIssue } from '../issues'
import { json, NEXT_CURSOR, type HeldAnswer, type HeldResponse } from '../sql'
import type { Queryable } from '../../db/types'
import { noteConflict, refused, statusOf, type Applied, type ApplyContext } from './context'
import { answerIssue } from './validate'

type AnswerMutation = Extract<Mutation, { kind: 'answer' }>

export interface RunEntry {
  mutation: AnswerMutation
  /** `/mutations/<i>` of this mutation. */
  at: string
}

interface Loser {
  responseId: string
  itemId: string
  answer: SyncAnswer
  deviceId: string | null
}

const keyOf = (responseId: string, itemId: string): string => `${responseId}\u0000${itemId}`

async function readHeld(tx: Queryable, run: readonly RunEntry[]): Promise<{ responses: Map<string, HeldResponse>; answers: Map<string, HeldAnswer> }> {
  const ids = [...new Set(run.map((e) => e.mutation.responseId))]
  const pairs = run.map((e) => ({ r: e.mutation.responseId, i: e.mutation.itemId }))
  // Both reads in one round trip: the record locks are held meanwhile, so round trips are what count.
  const [row] = await tx.query<{ responses: Array<HeldResponse & { id: string }>; answers: Array<HeldAnswer & { responseId: string; itemId: string }> }>(
    `select
       (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'header', r.header, 'status', r.status, 'deleted', r.deleted, 'scopeId', r.scope_id)), '[]'::jsonb)
          from responses r where r.id in (select value #>> '{}' from jsonb_array_elements($1::text::jsonb))) as responses,
       (select coalesce(jsonb_agg(jsonb_build_object('responseId', a.response_id, 'itemId', a.item_id, 'answer', a.answer, 'deviceId', a.device_id)), '[]'::jsonb)
          from answers a join jsonb_to_recordset($2::text::jsonb) as k(r text, i text) on a.response_id = k.r and a.item_id = k.i) as answers`,
    [json(ids), json(pairs)],
  )
  const responseRows = row!.responses
  const answerRows = row!.answers
  return {
    responses: new Map(responseRows.map((r) => [r.id, { header: r.header, status: r.status, deleted: r.deleted, scopeId: r.scopeId }])),
    answers: new Map(answerRows.map((a) => [keyOf(a.responseId, a.itemId), { answer: a.answer, deviceId: a.deviceId }])),
  }
}

async function writeAnswers(tx: Queryable, rows: Array<{ r: string; i: string; a: SyncAnswer; d: string }>): Promise<void> {
  if (rows.length === 0) return
  await tx.query(
    `insert into answers (response_id, item_id, answer, hlc, device_id, cursor)
     select u.r, u.i, u.a, u.a->>'hlc', u.d::uuid, ${NEXT_CURSOR} from jsonb_to_recordset($1::text::jsonb) as u(r text, i text, a jsonb, d text)
     on conflict (response_id, item_id) do update
       set answer = excluded.answer, hlc = excluded.hlc, device_id = excluded.device_id, cursor = excluded.cursor`,
    [json(rows)],
  )
}

/** @returns how many losers were new to the history (the same content twice is one row). */
async function keepLosers(tx: Queryable, losers: readonly Loser[]): Promise<number> {
  if (losers.length === 0) return 0
  const rows = losers.map((l) => ({ r: l.responseId, i: l.itemId, a: l.answer, h: fingerprint(l.answer), d: l.deviceId }))
  const inserted = await tx.query(
    `insert into answer_history (response_id, item_id, answer, hash, device_id)
     select u.r, u.i, u.a, u.h, u.d::uuid from jsonb_to_recordset($1::text::jsonb) as u(r text, i text, a jsonb, h text, d text)
     on conflict (response_id, item_id, hash) do nothing
     returning id`,
    [json(rows)],
  )
  return inserted.length
}

/** Applies the run; one result per entry, in order. */
export async function applyAnswerRun(run: readonly RunEntry[], ctx: Omit<ApplyContext, 'at'>): Promise<Applied[]> {
  const { tx } = ctx
  const { responses, answers } = await readHeld(tx, run)
  const writes = new Map<string, { r: string; i: string; a: SyncAnswer; d: string }>()
  const losers = new Map<string, Loser>()
  const results: Applied[] = []
  for (const { mutation: m, at } of run) {
    const response = responses.get(m.responseId)
    // The answer is checked against its response's template: without the response there is none.
    if (!response) {
      results.push(refused(syncIssue('unknownResponse', `${at}/responseId`, { responseId: m.responseId }, m.itemId)))
      continue
    }
    const action = writeAction(response.header.role)
    if (!allows(ctx.access, action, response.scopeId)) {
      results.push(refused(outOfScope(`${at}/responseId`, m.responseId, action)))
      continue
    }
    const template = await ctx.versions.get(response.header.templateId, response.header.templateVersion)
    if (!template) throw new Error(`response ${m.responseId} refers to a missing template version`)
    const issue = answerIssue(template, response.header, m.itemId, m.answer, at)
    if (issue) {
      results.push(refused(issue))
      continue
    }
    const key = keyOf(m.responseId, m.itemId)
    const held = answers.get(key)
    const decision = decideAnswer(held?.answer, m.answer, response.header)
    if (decision.outcome === 'conflict') throw new Error('answers are never immutable')
    if (decision.outcome === 'apply') {
      answers.set(key, { answer: m.answer, deviceId: ctx.account.deviceId })
      writes.set(key, { r: m.responseId, i: m.itemId, a: m.answer, d: ctx.account.deviceId })
    }
    if (decision.loser) {
      // The loser is the held answer when the incoming one won, else the incoming one.
      const deviceId = decision.outcome === 'apply' ? (held?.deviceId ?? null) : ctx.account.deviceId
      losers.set(`${key}\u0000${fingerprint(decision.loser)}`, { responseId: m.responseId, itemId: m.itemId, answer: decision.loser, deviceId })
      noteConflict(ctx.log, m.responseId)
    }
    results.push({ status: statusOf(decision.outcome) })
  }
  await writeAnswers(tx, [...writes.values()])
  ctx.log.losers += await keepLosers(tx, [...losers.values()])
  return results
}
