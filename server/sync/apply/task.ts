/** A rectification task: the later clock wins (core's decideByClock). */
import { decideByClock, type Mutation, type SyncTask } from '@/core/sync'
import { json, NEXT_CURSOR } from '../sql'
import { placeTask } from '../../access/place'
import { noteConflict, refused, statusOf, type Applied, type ApplyContext } from './context'

type TaskMutation = Extract<Mutation, { kind: 'task' }>

export async function applyTask(m: TaskMutation, ctx: ApplyContext): Promise<Applied> {
  const rows = await ctx.tx.query<{ row: SyncTask; scope_id: string | null }>('select row, scope_id from tasks where id = $1', [m.task.id])
  const placed = await placeTask(ctx.tx, ctx.access, m.task, rows[0] && rows[0].scope_id, ctx.at)
  if (!placed.ok) return refused(placed.issue)
  const outcome = decideByClock(rows[0]?.row, m.task)
  if (outcome === 'conflict') throw new Error('tasks are never immutable')
  if (outcome === 'apply') {
    await ctx.tx.query(
      `insert into tasks (id, row, hlc, scope_id, cursor) values ($1, $2::text::jsonb, $3, $4, ${NEXT_CURSOR})
       on conflict (id) do update set row = excluded.row, hlc = excluded.hlc, cursor = excluded.cursor,
         scope_id = coalesce(excluded.scope_id, tasks.scope_id)`,
      [m.task.id, json(m.task), m.task.hlc, placed.scopeId],
    )
  }
  if (outcome === 'stale') noteConflict(ctx.log, m.task.responseId)
  return { status: statusOf(outcome) }
}
