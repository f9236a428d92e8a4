/**
 * One checked mutation, applied inside the batch's transaction by the rule of its kind. Headers
 * and answers decide on the batch's state and leave their writes pending there (state.ts); every
 * other rule reads and writes the tables itself, so what is pending is written before it runs,
 * and a submission's response is read afresh afterwards.
 */
import type { Mutation } from '@/core/sync'
import { applyAnswer } from './answer'
import { applyAttachment } from './attachment'
import type { Applied, ApplyContext } from './context'
import { applyResponse } from './response'
import { applySubmit } from './submit'
import { applyTask } from './task'
import { applyTemplate, applyTemplateVersion } from './template'

export type { Applied, ApplyContext, BatchLog } from './context'
export { PushState } from './state'

export async function applyMutation(m: Mutation, ctx: ApplyContext): Promise<Applied> {
  if (m.kind === 'answer') return applyAnswer(m, ctx)
  if (m.kind === 'response') return applyResponse(m, ctx)
  ctx.log.losers += await ctx.state.flush()
  switch (m.kind) {
    case 'submit': {
      const applied = await applySubmit(m, ctx)
      ctx.state.forget(m.response.id)
      return applied
    }
    case 'template':
      return applyTemplate(m, ctx)
    case 'templateVersion':
      return applyTemplateVersion(m, ctx)
    case 'task':
      return applyTask(m, ctx)
    case 'attachment':
      return applyAttachment(m, ctx)
    default: {
      const never: never = m
      return never
    }
  }
}
