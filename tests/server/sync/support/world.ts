/**
 * A migrated database with two signed-in devices (two users), and the counts that prove a refused
 * request changed nothing.
 */
import { freshDatabase, type DatabaseKind } from '../../support/databases'
import type { Db } from '../../../../server/db/types'
import type { RequestAccount } from '../../../../server/http/account'

export interface SyncWorld {
  db: Db
  /** Tablet A (张老师). */
  a: RequestAccount
  /** Tablet B (李老师). */
  b: RequestAccount
}

/** A member and one signed-in device of hers (its id given, or a new one). */
export async function addAccount(db: Db, username: string, deviceId: string = crypto.randomUUID()): Promise<RequestAccount> {
  const userId = crypto.randomUUID()
  await db.query(`insert into users (id, username, display_name, role, password_hash) values ($1, $2, $2, 'member', 'x')`, [userId, username])
  await db.query('insert into devices (id, user_id, name) values ($1, $2, $3)', [deviceId, userId, `${username}的平板`])
  return { userId, username, role: 'member', deviceId }
}

export async function syncWorld(kind: DatabaseKind): Promise<SyncWorld> {
  const db = await freshDatabase(kind)
  return { db, a: await addAccount(db, 'zhang'), b: await addAccount(db, 'li') }
}

const DATA_TABLES = ['templates', 'template_versions', 'responses', 'answers', 'answer_history', 'tasks', 'attachments', 'blobs'] as const
const CURSOR_TABLES = ['templates', 'template_versions', 'responses', 'answers', 'tasks', 'attachments'] as const

/** Row counts of every synced table, and each pulled table's cursors: equal snapshots = nothing changed. */
export async function snapshot(db: Db): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {}
  for (const t of DATA_TABLES) out[t] = Number((await db.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n)
  for (const t of CURSOR_TABLES) {
    out[`${t}.cursors`] = (await db.query<{ c: string | null }>(`select string_agg(cursor::text, ',' order by cursor) as c from ${t}`))[0]!.c ?? ''
  }
  out.audit = Number((await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n)
  return out
}

export async function appliedSeq(db: Db, deviceId: string): Promise<number | undefined> {
  const rows = await db.query<{ s: number }>('select applied_seq as s from device_sync where device_id = $1', [deviceId])
  return rows[0] === undefined ? undefined : Number(rows[0].s)
}

/**
 * Empties every sync table (accounts stay): booting PGlite takes seconds, so a file shares one
 * database and each test starts from this clean state instead.
 */
export async function resetSync(db: Db): Promise<void> {
  await db.query(
    'truncate templates, template_versions, responses, answers, answer_history, tasks, attachments, blobs, device_sync, audit_log restart identity cascade',
  )
}
