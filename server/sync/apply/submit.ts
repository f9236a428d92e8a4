/**
 * A submission: the header with the answers it was scored on. Core's decideSubmission decides; when
 * it wins, its answers replace the response's (the replaced ones go to the history) and the server
 * scores the response itself with core's scoreResponse: a score sent by a device is never stored.
 */
import { scoreResponse } from '@/core/scoring'
import { decideSubmission, type Mutation, type SyncAnswer } from '@/core/sync'
import { same } from '@/core/sync'
import { placeResponse } from '../../access/place'
import { heldAnswers, heldResponse, keepLoser, writeAnswer } from '../sql'
import { noteConflict, refused, statusOf, type Applied, type ApplyContext } from './context'
import { templateMoved, unknownVersion, writeHeader } from './response'
import { formatResponse, submissionIssue } from './validate'

type SubmitMutation = Extract<Mutation, { kind: 'submit' }>

export async function applySubmit(m: SubmitMutation, ctx: ApplyContext): Promise<Applied> {
  const { tx, at } = ctx
  const header = m.response
  const template = await ctx.versions.get(header.templateId, header.templateVersion)
  if (!template) return refused(unknownVersion(header, at))
  const issue = submissionIssue(template, header, m.answers, at)
  if (issue) return refused(issue)
  const held = await heldResponse(tx, header.id)
  const moved = templateMoved(held, header, at)
  if (moved) return refused(moved)
  const placed = await placeResponse(tx, ctx.access, header, held, at)
  if (!placed.ok) return refused(placed.issue)

  const stored = held ? await heldAnswers(tx, header.id) : new Map<string, { answer: SyncAnswer; deviceId: string | null }>()
  const heldSide = held && { header: held.header, answers: Object.fromEntries([...stored].map(([id, a]) => [id, a.answer])) }
  const decision = decideSubmission(heldSide, { header, answers: m.answers })
  if (decision.outcome === 'conflict') throw new Error('submissions are never immutable')

  if (decision.outcome === 'apply') {
    for (const { itemId, answer } of decision.losers) {
      if (await keepLoser(tx, { responseId: header.id, itemId, answer, deviceId: stored.get(itemId)?.deviceId ?? null })) ctx.log.losers++
    }
    // The header first: a response seen for the first time must exist before its answers.
    const result = scoreResponse(template, formatResponse(header, m.answers))
    await writeHeader(tx, header, placed.scopeId, { total: result.total, percent: result.percent, band: result.band?.label ?? null, result })
    if (decision.removed.length > 0) await tx.query('delete from answers where response_id = $1 and item_id = any($2::text[])', [header.id, decision.removed])
    for (const [itemId, answer] of Object.entries(m.answers)) {
      const mine = stored.get(itemId)
      // An answer held exactly as submitted keeps its row and cursor: nothing about it changed.
      if (!mine || !same(mine.answer, answer)) await writeAnswer(tx, header.id, itemId, answer, ctx.account.deviceId)
    }
    if (decision.losers.length > 0) noteConflict(ctx.log, header.id)
  } else if (decision.outcome === 'stale') {
    for (const { itemId, answer } of decision.losers) {
      if (await keepLoser(tx, { responseId: header.id, itemId, answer, deviceId: ctx.account.deviceId })) ctx.log.losers++
    }
    noteConflict(ctx.log, header.id)
  }
  return { status: statusOf(decision.outcome) }
}
