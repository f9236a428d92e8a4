/** A rectification task: the later clock wins (core's decideByClock). */
import { decideByClock, type Mutation, type SyncTask } from '@/core/sync'
import { json, NEXT_CURSOR } from '../sql'
import { noteConflict, statusOf, type Applied, type ApplyContext } from './context'

type TaskMutation = Extract<Mutation, { kind: 'task' }>

export async function applyTask(m: TaskMutation, ctx: ApplyContext): Promise<Applied> {
  const rows = await ctx.tx.query<{ row: SyncTask }>('select row from tasks where id = $1', [m.task.id])
  const outcome = decideByClock(rows[0]?.row, m.task)
  if (outcome === 'conflict') throw new Error('tasks are never immutable')
  if (outcome === 'apply') {
    await ctx.tx.query(
      `insert into tasks (id, row, hlc, cursor) values ($1, $2::text::jsonb, $3, ${NEXT_CURSOR})
       on conflict (id) do update set row = excluded.row, hlc = excluded.hlc, cursor = excluded.cursor`,
      [m.task.id, json(m.task), m.task.hlc],
    )
  }
  if (outcome === 'stale') noteConflict(ctx.log, m.task.responseId)
  return { status: statusOf(outcome) }
}
