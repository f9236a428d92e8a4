/** Small probes the fault tests use to time a fault and to read what the server answered. */
import type { PushResponse } from '@/core/sync'
import type { Db } from '../../../../server/db/types'
import type { Wire } from './device'

/**
 * Resolves while a push transaction on `db`'s database holds its record locks (bigint advisory
 * locks, server/sync/locks.ts) and its current (or last) statement contains `statement`: the
 * batch is partly written and not committed. Undefined
 * when `timeoutMs` passed first (the push may have committed already).
 */
export async function pushWriting(db: Db, statement: string, timeoutMs = 10_000): Promise<string | undefined> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const rows = await db.query<{ query: string }>(
      `select a.query from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.objsubid = 1 and l.granted
          and l.database = (select oid from pg_database where datname = current_database())`,
    )
    const query = rows[0]?.query
    if (query?.includes(statement)) return query
    await new Promise((r) => setTimeout(r, 2))
  }
  return undefined
}

/** Statuses of the push answers the device received, by push, as `applied×500` summaries. */
export function recordAnswers(wire: Wire): PushResponse[] {
  const answers: PushResponse[] = []
  const inner = wire.fault
  wire.fault = async (request, send) => {
    const response = await inner(request, send)
    if (request.path.endsWith('/push') && response.ok) answers.push((await response.clone().json()) as PushResponse)
    return response
  }
  return answers
}

/** `{ applied: 480, duplicate: 20 }` for one push answer. */
export function statusCounts(answer: PushResponse): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of answer.results) out[r.status] = (out[r.status] ?? 0) + 1
  return out
}
