/**
 * Who a request comes from, once its session cookie has been checked (server/auth sets it in an
 * `onRequest` hook). Routes never read cookies themselves: they call `requireAccount`.
 */
import type { FastifyRequest } from 'fastify'
import type { AccountRole } from '@/core/sync/protocol'
import { ApiHttpError } from './errors'

export interface RequestAccount {
  userId: string
  username: string
  role: AccountRole
  deviceId: string
}

declare module 'fastify' {
  interface FastifyRequest {
    account?: RequestAccount
  }
}

export function requireAccount(request: FastifyRequest): RequestAccount {
  if (!request.account) throw new ApiHttpError(401, 'unauthenticated', { 'zh-CN': '请先登录。', en: 'Please sign in first.' })
  return request.account
}

export function requireAdmin(request: FastifyRequest): RequestAccount {
  const account = requireAccount(request)
  if (account.role !== 'admin') throw new ApiHttpError(403, 'forbidden', { 'zh-CN': '只有管理员可以这样做。', en: 'Only an administrator can do this.' })
  return account
}
