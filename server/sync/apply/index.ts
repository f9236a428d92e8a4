/** One checked mutation, applied inside the batch's transaction by the rule of its kind. */
import type { Mutation } from '@/core/sync'
import { applyAnswerRun } from './answer-run'
import { applyAttachment } from './attachment'
import type { Applied, ApplyContext } from './context'
import { applyResponse } from './response'
import { applySubmit } from './submit'
import { applyTask } from './task'
import { applyTemplate, applyTemplateVersion } from './template'

export type { Applied, ApplyContext, BatchLog } from './context'

export function applyMutation(m: Mutation, ctx: ApplyContext): Promise<Applied> {
  switch (m.kind) {
    case 'answer':
      // push.ts batches runs of answers; one alone is a run of one.
      return applyAnswerRun([{ mutation: m, at: ctx.at }], ctx).then((applied) => applied[0]!)
    case 'response':
      return applyResponse(m, ctx)
    case 'submit':
      return applySubmit(m, ctx)
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
