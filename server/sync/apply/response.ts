/**
 * A response header without answers: a draft created or edited, or a tombstone. Merged by core's
 * decideHeader (rank, then clock): a discard beats every draft edit, a submission every draft.
 */
import { decideHeader, type Mutation, type ResponseHeader } from '@/core/sync'
import { syncIssue } from '../issues'
import { json, NEXT_CURSOR, type HeldResponse } from '../sql'
import type { Queryable } from '../../db/types'
import { noteConflict, refused, statusOf, type Applied, type ApplyContext } from './context'
import { headerIssue } from './validate'
import type { Issue } from '@/core/result'
import { placeResponse } from '../../access/place'

type ResponseMutation = Extract<Mutation, { kind: 'response' }>

/** A response keeps its template version for life: answers and scores are tied to it. */
export function templateMoved(held: HeldResponse | undefined, incoming: ResponseHeader, at: string): Issue | undefined {
  if (!held || (held.header.templateId === incoming.templateId && held.header.templateVersion === incoming.templateVersion)) return undefined
  return syncIssue('templateChanged', `${at}/response/templateVersion`, { responseId: incoming.id })
}

export function unknownVersion(header: ResponseHeader, at: string): Issue {
  return syncIssue('unknownTemplateVersion', `${at}/response/templateVersion`, { templateId: header.templateId, version: header.templateVersion })
}

/** Writes the header (score columns untouched unless given) with a new cursor: a submission's, at once. */
export async function writeHeader(tx: Queryable, header: ResponseHeader, scopeId: string | null, score?: { total: number; percent: number | null; band: string | null; result: unknown }): Promise<void> {
  await tx.query(
    `insert into responses (id, template_id, template_version, header, status, deleted, hlc, total, percent, band, result, scope_id, cursor)
     values ($1, $2, $3, $4::text::jsonb, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $13, ${NEXT_CURSOR})
     on conflict (id) do update set
       header = excluded.header, status = excluded.status, deleted = excluded.deleted, hlc = excluded.hlc, cursor = excluded.cursor,
       scope_id = coalesce(excluded.scope_id, responses.scope_id),
       total = case when $12 then excluded.total else responses.total end,
       percent = case when $12 then excluded.percent else responses.percent end,
       band = case when $12 then excluded.band else responses.band end,
       result = case when $12 then excluded.result else responses.result end`,
    [
      header.id,
      header.templateId,
      header.templateVersion,
      json(header),
      header.status,
      header.deleted === true,
      header.hlc,
      score?.total ?? null,
      score?.percent ?? null,
      score?.band ?? null,
      score ? json(score.result) : null,
      score !== undefined,
      scopeId,
    ],
  )
}

export async function applyResponse(m: ResponseMutation, ctx: ApplyContext): Promise<Applied> {
  const { tx, at } = ctx
  const incoming = m.response
  // A live submitted header travels with its answers (a `submit`); alone, only its tombstone may.
  if (incoming.status === 'submitted' && incoming.deleted !== true) return refused(syncIssue('submitWithAnswers', `${at}/response/status`))
  const template = await ctx.versions.get(incoming.templateId, incoming.templateVersion)
  if (!template) return refused(unknownVersion(incoming, at))
  const issue = headerIssue(template, incoming, at)
  if (issue) return refused(issue)
  const held = await ctx.state.response(incoming.id)
  const moved = templateMoved(held, incoming, at)
  if (moved) return refused(moved)
  const placed = await placeResponse(tx, ctx.access, incoming, held, at)
  if (!placed.ok) return refused(placed.issue)

  const outcome = decideHeader(held?.header, incoming)
  if (outcome === 'conflict') throw new Error('headers are never immutable')
  // Written with the batch (state.ts); later mutations of the batch decide on it meanwhile.
  if (outcome === 'apply') ctx.state.setHeader(incoming, placed.scopeId)
  if (outcome === 'stale' || outcome === 'locked') noteConflict(ctx.log, incoming.id)
  return { status: statusOf(outcome) }
}
