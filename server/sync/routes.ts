/**
 * The sync API, as a Fastify plugin: `POST /api/sync/push`, `GET /api/sync/pull?after=&limit=`
 * and the blob routes. Every route needs a signed-in account (server/auth sets
 * `request.account`); errors are ApiHttpError, sent by the app's error handler as `{ error }`.
 */
import type { FastifyInstance } from 'fastify'
import { API, SYNC_LIMITS } from '@/core/sync'
import { blobRoutes } from '../blobs/routes'
import { postgresBlobStore } from '../blobs/postgres-store'
import type { BlobStore } from '../blobs/store'
import type { Db } from '../db/types'
import { requireAccount } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { syncMessage } from './issues'
import { pullChanges } from './pull'
import { applyPush } from './push'

export interface SyncContext {
  db: Db
  /** Where attachment bytes go; PostgreSQL (the `blobs` table) when absent. */
  blobs?: BlobStore
}

/** A query parameter that must be a whole number from 0 to `max`; `fallback` when absent. */
function wholeNumber(query: unknown, name: string, max: number, fallback: number): number {
  const raw = (query as Record<string, unknown> | undefined)?.[name]
  if (raw === undefined || raw === '') return fallback
  const value = typeof raw === 'string' && /^\d{1,16}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(value) || value > max) {
    throw new ApiHttpError(400, 'badQuery', syncMessage('badQuery', { name, limit: max }), { pointer: `/${name}`, params: { name, limit: max } })
  }
  return value
}

export default async function syncRoutes(app: FastifyInstance, ctx: SyncContext): Promise<void> {
  const { db } = ctx
  app.post(API.push, { bodyLimit: SYNC_LIMITS.maxPushBytes }, async (request) => applyPush(db, requireAccount(request), request.body, new Date()))

  app.get(API.pull, async (request) => {
    const account = requireAccount(request)
    const after = wholeNumber(request.query, 'after', Number.MAX_SAFE_INTEGER, 0)
    const limit = wholeNumber(request.query, 'limit', SYNC_LIMITS.maxPullPage, SYNC_LIMITS.pullPage)
    return pullChanges(db, account, after, Math.max(1, limit))
  })

  await blobRoutes(app, { db, blobs: ctx.blobs ?? postgresBlobStore(db) })
}
