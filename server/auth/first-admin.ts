/**
 * The first start: with no users at all, create `admin` (role admin) with the given password or a
 * generated one. One statement decides it, and the username's unique index settles a race: when two
 * processes start at once, exactly one creates the admin and only that one reports a password.
 */
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/types'
import { audit } from './audit'
import { hashPassword } from './passwords'

export const FIRST_ADMIN = 'admin'

export type FirstAdmin = { created: false } | { created: true; password: string; generated: boolean }

export async function ensureFirstAdmin(db: Db, password?: string): Promise<FirstAdmin> {
  const existing = await db.query<{ n: number }>('select count(*)::int as n from users')
  if ((existing[0]?.n ?? 0) > 0) return { created: false }
  const generated = !password
  const chosen = password || randomBytes(18).toString('base64url')
  const passwordHash = await hashPassword(chosen)
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `insert into users (id, username, display_name, role, password_hash)
       select $1, $2, $3, 'admin', $4 where not exists (select 1 from users)
       on conflict (lower(username)) do nothing returning id`,
      [crypto.randomUUID(), FIRST_ADMIN, '管理员', passwordHash],
    )
    if (!rows[0]) return { created: false }
    await audit(tx, 'userCreated', { userId: rows[0].id, detail: { username: FIRST_ADMIN, role: 'admin', firstStart: true, generatedPassword: generated } })
    return { created: true, password: chosen, generated }
  })
}
