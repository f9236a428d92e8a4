/**
 * Sign-in throttling, kept in the database so every server process sees the same counts:
 * 5 failures for one username within 15 minutes lock it for 15 minutes after the last one, and
 * 30 failures from one address within 15 minutes lock the address the same way. An attempt is
 * recorded as a failure *before* its password is checked (and the record removed when it turns
 * out right), under a per-username advisory lock: a burst of parallel guesses still gets only 5.
 */
import type { Queryable } from '../db/types'
import { ApiHttpError } from '../http/errors'

export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  maxPerUsername: 5,
  maxPerAddress: 30,
} as const

/** Separate namespaces of two-key advisory locks (the migration lock uses the one-key space). */
const LOCK_USERNAME = 7_411_601
const LOCK_ADDRESS = 7_411_602

interface Window {
  n: number
  last: Date | null
}

async function recent(tx: Queryable, column: 'username' | 'address', value: string, since: Date): Promise<Window> {
  // `column` is one of two literals above, never a value from a request.
  const rows = await tx.query<{ n: number; last: Date | null }>(
    `select count(*)::int as n, max(at) as last from login_failures where ${column} = $1 and at > $2`,
    [value, since],
  )
  return rows[0] ?? { n: 0, last: null }
}

function lockedError(kind: 'username' | 'address', until: Date, at: Date): ApiHttpError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 60_000))
  const who = kind === 'username' ? { zh: '该账号', en: 'this account' } : { zh: '此网络地址', en: 'this address' }
  return new ApiHttpError(
    429,
    kind === 'username' ? 'loginLocked' : 'loginAddressLocked',
    {
      'zh-CN': `${who.zh}登录失败次数过多，已暂时锁定。请在 ${minutes} 分钟后（${until.toISOString()}）重试。`,
      en: `Too many failed sign-ins for ${who.en}; it is locked for now. Try again in ${minutes} minutes (${until.toISOString()}).`,
    },
    { params: { retryAt: until.toISOString(), retryAfterSeconds: Math.ceil((until.getTime() - at.getTime()) / 1000) } },
  )
}

/**
 * Refuses (429) while the username or the address is locked; otherwise records this attempt as a
 * failure and returns its id, for `forgiveAttempt` when the password turns out right.
 */
export async function claimAttempt(tx: Queryable, username: string, address: string, at: Date): Promise<number> {
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [LOCK_USERNAME, username])
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [LOCK_ADDRESS, address])
  const since = new Date(at.getTime() - THROTTLE.windowMs)
  const byAddress = await recent(tx, 'address', address, since)
  if (byAddress.n >= THROTTLE.maxPerAddress && byAddress.last) throw lockedError('address', new Date(new Date(byAddress.last).getTime() + THROTTLE.lockMs), at)
  const byUser = await recent(tx, 'username', username, since)
  if (byUser.n >= THROTTLE.maxPerUsername && byUser.last) throw lockedError('username', new Date(new Date(byUser.last).getTime() + THROTTLE.lockMs), at)
  const rows = await tx.query<{ id: number }>('insert into login_failures (username, address, at) values ($1, $2, $3) returning id', [username, address, at])
  return Number(rows[0]!.id)
}

/** A right password: this username's failures are forgiven (typos before it no longer count). */
export async function forgiveAttempts(tx: Queryable, username: string): Promise<void> {
  await tx.query('delete from login_failures where username = $1', [username])
}

/** After a failure: which locks this very failure started (to audit each once). */
export async function newLocks(tx: Queryable, username: string, address: string, at: Date): Promise<{ username: boolean; address: boolean }> {
  const since = new Date(at.getTime() - THROTTLE.windowMs)
  const [byUser, byAddress] = [await recent(tx, 'username', username, since), await recent(tx, 'address', address, since)]
  return { username: byUser.n === THROTTLE.maxPerUsername, address: byAddress.n === THROTTLE.maxPerAddress }
}
