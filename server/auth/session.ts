/**
 * Who a request comes from: the session cookie is looked up (by its SHA-256) on every request and
 * `request.account` set when the session, its user and its device are all still good. Its expiry
 * slides to 30 days after the last use, written at most once a minute. Writes that carry a session
 * must also carry the session's CSRF token in a header (a cookie alone cannot prove the page is ours).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API, CSRF_HEADER, SESSION_COOKIE, type AccountRole } from '@/core/sync/protocol'
import type { Db } from '../db/types'
import { ApiHttpError } from '../http/errors'
import { hashToken, isWellFormedToken, sameSecret, SESSION_MS, SESSION_TOUCH_MS } from './tokens'

/** The session behind `request.account`, for the auth routes (me, logout). */
export interface RequestSession {
  tokenHash: Buffer
  csrfToken: string
  expiresAt: Date
  displayName: string
  deviceName: string
}

declare module 'fastify' {
  interface FastifyRequest {
    authSession?: RequestSession
  }
}

interface SessionRow {
  user_id: string
  device_id: string
  csrf_token: string
  expires_at: Date
  last_used_at: Date
  username: string
  display_name: string
  role: AccountRole
  device_name: string
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    // request.protocol reads X-Forwarded-Proto only when the app trusts its proxy (TRUST_PROXY=1).
    secure: request.protocol === 'https',
    maxAge: SESSION_MS / 1000,
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' })
}

export function registerSessionHook(app: FastifyInstance, db: Db, now: () => Date): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0]!
    // The built app's files need no account: no database read for them.
    if (!path.startsWith('/api/')) return
    const token = request.cookies[SESSION_COOKIE]
    if (!token || !isWellFormedToken(token)) return
    const tokenHash = hashToken(token)
    const at = now()
    const rows = await db.query<SessionRow>(
      `select s.user_id, s.device_id, s.csrf_token, s.expires_at, s.last_used_at, u.username, u.display_name, u.role, d.name as device_name
         from sessions s
         join users u on u.id = s.user_id
         join devices d on d.id = s.device_id
        where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2
          and not u.disabled and d.revoked_at is null and d.user_id = s.user_id`,
      [tokenHash, at],
    )
    const row = rows[0]
    if (!row) return
    let expiresAt = new Date(row.expires_at)
    if (at.getTime() - new Date(row.last_used_at).getTime() >= SESSION_TOUCH_MS) {
      expiresAt = new Date(at.getTime() + SESSION_MS)
      await db.query(
        `with s as (update sessions set last_used_at = $2, expires_at = $3 where token_hash = $1 returning device_id)
         update devices set last_seen_at = $2 from s where devices.id = s.device_id`,
        [tokenHash, at, expiresAt],
      )
      // The cookie's own lifetime slides with the session's.
      setSessionCookie(request, reply, token)
    }
    request.account = { userId: row.user_id, username: row.username, role: row.role, deviceId: row.device_id }
    request.authSession = { tokenHash, csrfToken: row.csrf_token, expiresAt, displayName: row.display_name, deviceName: row.device_name }

    // Signing in acts with a password, not with the session: it needs no CSRF token.
    if (SAFE_METHODS.has(request.method) || path === API.login) return
    const sent = request.headers[CSRF_HEADER]
    if (typeof sent !== 'string' || !sameSecret(sent, row.csrf_token)) {
      throw new ApiHttpError(403, 'csrf', {
        'zh-CN': '请求缺少有效的安全令牌（CSRF），已拒绝。请刷新页面后重试。',
        en: 'The request lacks a valid security token (CSRF) and was refused. Reload the page and try again.',
      })
    }
  })
}
