/**
 * An answer: merged with the held one by core's decideAnswer against its response's header. Both
 * come from the batch's state (state.ts), read up front and updated by every decision before, so
 * a tablet's 30 answers cost no statement of their own: the state writes them with the batch.
 */
import { decideAnswer, type Mutation } from '@/core/sync'
import { allows, writeAction } from '../../access/check'
import { outOfScope } from '../../access/place'
import { syncIssue } from '../issues'
import { noteConflict, refused, statusOf, type Applied, type ApplyContext } from './context'
import { answerIssue } from './validate'

type AnswerMutation = Extract<Mutation, { kind: 'answer' }>

export async function applyAnswer(m: AnswerMutation, ctx: ApplyContext): Promise<Applied> {
  const { at, state } = ctx
  const response = await state.response(m.responseId)
  // The answer is checked against its response's template: without the response there is none.
  if (!response) return refused(syncIssue('unknownResponse', `${at}/responseId`, { responseId: m.responseId }, m.itemId))
  const action = writeAction(response.header.role)
  if (!allows(ctx.access, action, response.scopeId)) return refused(outOfScope(`${at}/responseId`, m.responseId, action))
  const template = await ctx.versions.get(response.header.templateId, response.header.templateVersion)
  if (!template) throw new Error(`response ${m.responseId} refers to a missing template version`)
  const issue = answerIssue(template, response.header, m.itemId, m.answer, at)
  if (issue) return refused(issue)
  const held = await state.answer(m.responseId, m.itemId)
  const decision = decideAnswer(held?.answer, m.answer, response.header)
  if (decision.outcome === 'conflict') throw new Error('answers are never immutable')
  if (decision.outcome === 'apply') state.setAnswer(m.responseId, m.itemId, m.answer)
  if (decision.loser) {
    // The loser is the held answer when the incoming one won, else the incoming one.
    const deviceId = decision.outcome === 'apply' ? (held?.deviceId ?? null) : ctx.account.deviceId
    state.keepLoser(m.responseId, m.itemId, decision.loser, deviceId)
    noteConflict(ctx.log, m.responseId)
  }
  return { status: statusOf(decision.outcome) }
}
