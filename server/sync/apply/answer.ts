/** An answer edit: merged per answer by clock (core's decideAnswer); the loser goes to the history. */
import { decideAnswer } from '@/core/sync'
import { syncIssue } from '../issues'
import { heldAnswerOf, keepLoser, writeAnswer } from '../sql'
import { noteConflict, refused, statusOf, type Applied, type ApplyContext } from './context'
import { answerIssue } from './validate'
import type { Mutation } from '@/core/sync'

type AnswerMutation = Extract<Mutation, { kind: 'answer' }>

export async function applyAnswer(m: AnswerMutation, ctx: ApplyContext): Promise<Applied> {
  const { tx, at } = ctx
  // The answer is checked against its response's template: without the response there is none.
  const found = await heldAnswerOf(tx, m.responseId, m.itemId)
  if (!found) return refused(syncIssue('unknownResponse', `${at}/responseId`, { responseId: m.responseId }, m.itemId))
  const { response, held } = found
  const template = await ctx.versions.get(response.header.templateId, response.header.templateVersion)
  if (!template) throw new Error(`response ${m.responseId} refers to a missing template version`)
  const issue = answerIssue(template, response.header, m.itemId, m.answer, at)
  if (issue) return refused(issue)

  const decision = decideAnswer(held?.answer, m.answer, response.header)
  if (decision.outcome === 'conflict') throw new Error('answers are never immutable')
  if (decision.outcome === 'apply') await writeAnswer(tx, m.responseId, m.itemId, m.answer, ctx.account.deviceId)
  if (decision.loser) {
    // The loser is the held answer when the incoming one won, else the incoming one.
    const fromHeld = decision.outcome === 'apply'
    const deviceId = fromHeld ? (held?.deviceId ?? null) : ctx.account.deviceId
    if (await keepLoser(tx, { responseId: m.responseId, itemId: m.itemId, answer: decision.loser, deviceId })) ctx.log.losers++
    noteConflict(ctx.log, m.responseId)
  }
  return { status: statusOf(decision.outcome) }
}
