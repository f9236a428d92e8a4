/**
 * Per-record locks for merge decisions (docs/design/push-lock.md). A push decides on what it reads
 * (held answers, the header, the device's applied seq): two pushes deciding on the same record at
 * once would both decide on the same stale read. Each writer therefore locks every record its
 * batch may read or write before reading any of it, in one statement, in sorted order so two
 * batches can never wait for each other in a cycle. Pushes on different responses run in parallel.
 *
 * Transaction-level advisory locks on `hashtextextended(key, 0)`: released at COMMIT, after the
 * rows are visible, so a reader that waited sees them with its next statement (READ COMMITTED).
 * Two keys sharing a hash only serialise more than needed.
 */
import type { Mutation } from '@/core/sync'
import type { Queryable } from '../db/types'

/** Lock keys; the prefixes keep an id of one kind from meeting an equal id of another. */
export const lockKey = {
  device: (id: string): string => `device:${id}`,
  response: (id: string): string => `response:${id}`,
  template: (id: string): string => `template:${id}`,
  version: (templateId: string, version: number): string => `templateVersion:${templateId}@${version}`,
  task: (id: string): string => `task:${id}`,
  attachment: (id: string): string => `attachment:${id}`,
  plan: (id: string): string => `plan:${id}`,
  cycle: (id: string): string => `cycle:${id}`,
}

/** The records a mutation's rule reads to decide, or writes. */
export function mutationLocks(m: Mutation): string[] {
  switch (m.kind) {
    case 'answer':
      return [lockKey.response(m.responseId)]
    case 'response':
    case 'submit':
      return [lockKey.response(m.response.id)]
    case 'template':
      return [lockKey.template(m.template.id)]
    case 'templateVersion':
      return [lockKey.version(m.version.templateId, m.version.version)]
    // A task takes its response's scope; an attachment is refused on a submitted response.
    case 'task':
      return [lockKey.task(m.task.id), lockKey.response(m.task.responseId)]
    case 'attachment':
      return [lockKey.attachment(m.attachment.id), lockKey.response(m.attachment.responseId)]
    default: {
      const never: never = m
      return never
    }
  }
}

/**
 * Waits for, then holds until COMMIT, the locks on `keys`. Sorted by hash in SQL, and the planner
 * evaluates a volatile select list after the sort, so locks are taken in that order.
 */
export async function lockRecords(tx: Queryable, keys: Iterable<string>): Promise<void> {
  const unique = [...new Set(keys)]
  if (unique.length === 0) return
  await tx.query(`select ${LOCK_SQL('$1')}`, [unique])
}

/**
 * A scalar expression that takes the locks on the keys in the `text[]` parameter `keys` (and is
 * their number), for a statement that reads more in the same round trip (the push, push.ts). The
 * subquery keeps its own sort (a sorted subquery is never flattened), so the order holds there too.
 * Whatever else the statement reads comes from its snapshot, taken before the locks.
 */
export const LOCK_SQL = (keys: string): string =>
  `(select count(*) from (select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 0) as h from unnest(${keys}::text[]) as k) as keys order by h) as locked)`
