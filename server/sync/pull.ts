/**
 * Pull: the changes after a cursor, oldest first, in pages. One SQL statement reads a page, so it
 * sees one snapshot: a submitted response and the answers inside it are read together. Cursors
 * are made from the writing transaction's xid (NEXT_CURSOR in sql.ts), so they do not follow commit
 * order: the page stops below cursor_horizon() (migration 005), under which every writer has
 * finished, so `cursor > after` never steps over a row that commits late.
 */
import { SYNC_LIMITS, type Change, type PullResponse, type ResponseHeader, type SyncAnswer, type SyncAttachment, type SyncPlan, type SyncSubject, type SyncCycle, type SyncTask, type SyncTemplate, type SyncTemplateVersion } from '@/core/sync'
import type { Db } from '../db/types'
import type { RequestAccount } from '../http/account'
import { fingerprint } from '@/core/exchange/bundle/hash'
import { SUBJECT_JSON } from '../register/sql'
import { visibleScopes } from './scope'

interface ChangeRow {
  kind: Change['kind']
  cursor: number
  body: unknown
  /** response: `{ answers, releasedAt? }` when submitted; answer: { responseId, itemId }. */
  extra: unknown
}

/*
 * One statement, one snapshot. The page is chosen first (`page`), and only then are the answers
 * of its submitted responses gathered, so a page costs its own size, not the size of everything
 * after the cursor. Answers of a submitted response travel inside it, and answers of a deleted
 * response are moot (its tombstone wins on every device): both are left out of the page.
 * Scopes: `$3` true lets every row through; otherwise responses and tasks must lie in `$4`, and
 * answers and attachments go with their response's scope. Templates: `$5` true lets every one
 * through; otherwise one published to no scope, or to a scope in `$6` (templateFilter).
 * Plans: in `$4`, or ever assigned to the account (`$7`, so one taken off a plan learns it).
 * Register entries: in `$4`. Cycles: where templates reach (`$5`/`$6`: a grant on the cycle's
 * scope, above or below it), or to anyone ever on the panel (`$10`, the lower-case username).
 */
/**
 * A review (and its draft answers and photos) reaches those who may review its scope (`$8` all,
 * or its scope in `$9`), and everyone who reads the scope once released (server/reviews).
 */
const REVIEW_VISIBLE = `(r.header->>'role' is distinct from 'review' or r.released_at is not null or $8 or r.scope_id = any($9::text[]))`

const PAGE_SQL = `
with page as (
  select * from (
  select 'template' as kind, cursor, row as body, null::jsonb as extra, null::text as whole from templates t
   where cursor > $1 and ($5 or not exists (select 1 from template_scopes s where s.template_id = t.id)
                          or exists (select 1 from template_scopes s where s.template_id = t.id and s.scope_id = any($6::text[])))
  union all
  select 'templateVersion', cursor,
         jsonb_build_object('templateId', template_id, 'version', version, 'template', content, 'publishedAt', published_at), null, null
    from template_versions v
   where cursor > $1 and ($5 or not exists (select 1 from template_scopes s where s.template_id = v.template_id)
                          or exists (select 1 from template_scopes s where s.template_id = v.template_id and s.scope_id = any($6::text[])))
  union all
  select 'response', cursor, header, case when r.released_at is not null then jsonb_build_object('releasedAt', r.released_at) end,
         case when status = 'submitted' and not deleted then id end
    from responses r where cursor > $1 and ($3 or scope_id = any($4::text[])) and ${REVIEW_VISIBLE}
  union all
  select 'answer', a.cursor, a.answer, jsonb_build_object('responseId', a.response_id, 'itemId', a.item_id), null
    from answers a join responses r on r.id = a.response_id
   where a.cursor > $1 and r.status = 'draft' and not r.deleted and ($3 or r.scope_id = any($4::text[])) and ${REVIEW_VISIBLE}
  union all
  select 'task', cursor, row, null, null from tasks where cursor > $1 and ($3 or scope_id = any($4::text[]))
  union all
  select 'attachment', t.cursor, t.meta, null, null from attachments t
   where t.cursor > $1 and ($3 or exists (select 1 from responses r where r.id = t.response_id and r.scope_id = any($4::text[]) and ${REVIEW_VISIBLE}))
  union all
  select 'plan', cursor, body, null, null from plans where cursor > $1 and ($3 or scope_id = any($4::text[]) or $7 = any(reached_ids))
  union all
  select 'subject', s.cursor, ${SUBJECT_JSON}, null, null from subjects s where s.cursor > $1 and ($3 or s.scope_id = any($4::text[]))
  union all
  select 'cycle', cursor, body, null, null from cycles where cursor > $1 and ($5 or scope_id = any($6::text[]) or $10 = any(reached_names))
  ) as changes
  -- The commit horizon, once for the whole page and from this statement's snapshot (pull.ts).
  where cursor < (select cursor_horizon())
  order by cursor
  limit $2
)
select kind, cursor, body,
       case when whole is null then extra
            else jsonb_build_object('answers', (select coalesce(jsonb_object_agg(a.item_id, a.answer), '{}'::jsonb) from answers a where a.response_id = page.whole))
                 || coalesce(extra, '{}'::jsonb)
       end as extra
  from page
 order by cursor`

function toChange(row: ChangeRow): Change {
  const cursor = Number(row.cursor)
  switch (row.kind) {
    case 'template':
      return { cursor, kind: 'template', template: row.body as SyncTemplate }
    case 'templateVersion':
      return { cursor, kind: 'templateVersion', version: row.body as SyncTemplateVersion }
    case 'response': {
      // A submitted response: its answers, and when a review was released, the time (ISO).
      const whole = row.extra as { answers: Record<string, SyncAnswer>; releasedAt?: string } | null
      return {
        cursor,
        kind: 'response',
        response: row.body as ResponseHeader,
        ...(whole !== null && { answers: whole.answers }),
        ...(whole?.releasedAt !== undefined && { releasedAt: new Date(whole.releasedAt).toISOString() }),
      }
    }
    case 'answer': {
      const where = row.extra as { responseId: string; itemId: string }
      return { cursor, kind: 'answer', responseId: where.responseId, itemId: where.itemId, answer: row.body as SyncAnswer }
    }
    case 'task':
      return { cursor, kind: 'task', task: row.body as SyncTask }
    case 'attachment':
      return { cursor, kind: 'attachment', attachment: row.body as SyncAttachment }
    case 'plan':
      return { cursor, kind: 'plan', plan: row.body as SyncPlan }
    case 'subject':
      return { cursor, kind: 'subject', subject: row.body as SyncSubject }
    case 'cycle':
      return { cursor, kind: 'cycle', cycle: row.body as SyncCycle }
    default: {
      const never: never = row.kind
      return never
    }
  }
}

/** A page size the server will serve: the default when absent, never above the maximum. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isSafeInteger(limit) || limit < 1) return SYNC_LIMITS.pullPage
  return Math.min(limit, SYNC_LIMITS.maxPullPage)
}

export async function pullChanges(db: Db, account: RequestAccount, after: number, limit: number): Promise<PullResponse> {
  const size = pageSize(limit)
  const from = Number.isSafeInteger(after) && after > 0 ? after : 0
  // One row past the page says whether more wait.
  const { records: visible, templates, reviews } = await visibleScopes(db, account)
  const rows = await db.query<ChangeRow>(PAGE_SQL, [from, size + 1, visible.all, visible.scopes, templates.all, templates.scopes, account.userId, reviews.all, reviews.scopes, account.username.toLowerCase()])
  const page = rows.slice(0, size)
  const changes = page.map(toChange)
  await db.query(
    `insert into device_sync (device_id, last_pull_at) values ($1, $2)
     on conflict (device_id) do update set last_pull_at = excluded.last_pull_at`,
    [account.deviceId, new Date()],
  )
  return {
    changes,
    // The last row read: rows outside the account's scopes are never read at all.
    cursor: page.length > 0 ? Number(page.at(-1)!.cursor) : from,
    more: rows.length > size,
    view: visible.all ? 'all' : fingerprint({ records: [...visible.scopes].sort(), templates: [...templates.scopes].sort() }),
    serverTime: Date.now(),
  }
}
