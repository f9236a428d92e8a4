/** Sign in, sign out, and "who am I": API.login, API.logout, API.me. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { API, type LoginRequest, type SessionInfo } from '@/core/sync/protocol'
import type { Db } from '../db/types'
import { sessionAccess } from '../access/load'
import { requireAccount } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { shortText, uuid } from '../http/schemas'
import { audit } from './audit'
import { MAX_PASSWORD_LENGTH, verifyDummy, verifyPassword } from './passwords'
import { clearSessionCookie, setSessionCookie } from './session'
import { claimAttempt, forgiveAttempts, newLocks } from './throttle'
import { hashToken, newToken, SESSION_MS } from './tokens'
import type { AccountRole } from '@/core/sync/protocol'

const loginBody = {
  type: 'object',
  required: ['username', 'password', 'deviceId', 'deviceName'],
  additionalProperties: false,
  properties: {
    username: shortText(100),
    password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH },
    deviceId: uuid,
    deviceName: shortText(100),
  },
} as const

interface UserRow {
  id: string
  username: string
  display_name: string
  role: AccountRole
  password_hash: string
  disabled: boolean
}

const badCredentials = () =>
  new ApiHttpError(401, 'invalidCredentials', { 'zh-CN': '用户名或密码错误。', en: 'Wrong username or password.' })

export async function authRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  app.post<{ Body: LoginRequest }>(API.login, { schema: { body: loginBody }, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const body = request.body
    // The throttling key; the lookup below folds case in SQL, as the unique index does.
    const username = body.username.trim().toLowerCase()
    const address = request.ip
    const at = now()
    const attemptId = await db.transaction((tx) => claimAttempt(tx, username, address, at))

    const users = await db.query<UserRow>(
      // lower() on both sides: the same folding as the unique index, whatever the script.
      'select id, username, display_name, role, password_hash, disabled from users where lower(username) = lower($1)',
      [username],
    )
    const user = users[0]
    const right = user && !user.disabled ? await verifyPassword(user.password_hash, body.password) : await verifyDummy(body.password)
    if (!right || !user) {
      await db.transaction(async (tx) => {
        await audit(tx, 'loginFailed', { userId: user?.id ?? null, deviceId: body.deviceId, at, detail: { username, address, reason: user?.disabled ? 'disabled' : user ? 'password' : 'unknownUser' } })
        const locks = await newLocks(tx, username, address, at)
        if (locks.username) await audit(tx, 'lockout', { userId: user?.id ?? null, at, detail: { username, address } })
        if (locks.address) await audit(tx, 'addressLockout', { at, detail: { address } })
      })
      throw badCredentials()
    }

    const token = newToken()
    const csrfToken = newToken()
    const expiresAt = new Date(at.getTime() + SESSION_MS)
    await db.transaction(async (tx) => {
      await tx.query('delete from login_failures where id = $1', [attemptId])
      // The device row: new, or this user's again (renamed). Another user's or a revoked device is refused.
      const device = await tx.query<{ id: string }>(
        `insert into devices (id, user_id, name, created_at, last_seen_at) values ($1, $2, $3, $4, $4)
         on conflict (id) do update set name = excluded.name, last_seen_at = excluded.last_seen_at
           where devices.user_id = excluded.user_id and devices.revoked_at is null
         returning id`,
        [body.deviceId, user.id, body.deviceName.trim(), at],
      )
      if (device.length === 0) {
        const [existing] = await tx.query<{ user_id: string; revoked_at: Date | null }>('select user_id, revoked_at from devices where id = $1', [body.deviceId])
        const revoked = existing?.user_id === user.id
        await audit(tx, 'loginFailed', { userId: user.id, deviceId: body.deviceId, at, detail: { username, address, reason: revoked ? 'deviceRevoked' : 'deviceOfAnotherUser' } })
        return revoked ? 'deviceRevoked' : 'deviceTaken'
      }
      await forgiveAttempts(tx, username)
      await tx.query(
        'insert into sessions (token_hash, user_id, device_id, csrf_token, created_at, last_used_at, expires_at) values ($1, $2, $3, $4, $5, $5, $6)',
        [hashToken(token), user.id, body.deviceId, csrfToken, at, expiresAt],
      )
      await tx.query('update users set last_login_at = $2 where id = $1', [user.id, at])
      await audit(tx, 'login', { userId: user.id, deviceId: body.deviceId, at, detail: { address, deviceName: body.deviceName.trim() } })
      return 'ok'
    }).then((outcome) => {
      if (outcome === 'deviceRevoked') {
        throw new ApiHttpError(403, 'deviceRevoked', { 'zh-CN': '此设备已被管理员停用，不能再登录。', en: 'An administrator has revoked this device; it cannot sign in again.' }, { pointer: '/deviceId' })
      }
      if (outcome === 'deviceTaken') {
        throw new ApiHttpError(409, 'deviceOfAnotherUser', { 'zh-CN': '此设备已登记在另一位用户名下。', en: 'This device is registered to another user.' }, { pointer: '/deviceId' })
      }
    })

    setSessionCookie(request, reply, token)
    const access = await sessionAccess(db, { userId: user.id, role: user.role })
    const info: SessionInfo = {
      user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role },
      deviceId: body.deviceId,
      deviceName: body.deviceName.trim(),
      csrfToken,
      expiresAt: expiresAt.toISOString(),
      ...access,
    }
    return info
  })

  app.post(API.logout, async (request: FastifyRequest, reply) => {
    const session = request.authSession
    if (request.account && session) {
      const account = request.account
      await db.transaction(async (tx) => {
        await tx.query('update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null', [session.tokenHash, now()])
        await audit(tx, 'logout', { userId: account.userId, deviceId: account.deviceId, at: now() })
      })
    }
    clearSessionCookie(request, reply)
    return reply.code(204).send()
  })

  app.get(API.me, async (request): Promise<SessionInfo> => {
    const account = requireAccount(request)
    const session = request.authSession!
    const access = await sessionAccess(db, account)
    return {
      user: { id: account.userId, username: account.username, displayName: session.displayName, role: account.role },
      deviceId: account.deviceId,
      deviceName: session.deviceName,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
      ...access,
    }
  })
}
