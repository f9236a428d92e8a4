/**
 * A bare Fastify instance with only the sync plugin: a stand-in for the app's session hook (the
 * account comes from a test header) and for its error handler (ApiHttpError → `{ error: issue }`).
 */
import Fastify, { type FastifyInstance } from 'fastify'
import syncRoutes from '../../../../server/sync/routes'
import type { Db } from '../../../../server/db/types'
import type { RequestAccount } from '../../../../server/http/account'
import { ApiHttpError } from '../../../../server/http/errors'

export const ACCOUNT_HEADER = 'x-test-account'

export async function syncApp(db: Db): Promise<FastifyInstance> {
  const app = Fastify()
  app.addHook('onRequest', async (request) => {
    const raw = request.headers[ACCOUNT_HEADER]
    if (typeof raw === 'string') request.account = JSON.parse(raw) as RequestAccount
  })
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ApiHttpError) return reply.code(error.status).send({ error: error.issue })
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500
    return reply.code(status).send({ error: { code: (error as { code?: string }).code ?? 'internal', pointer: '', severity: 'error', message: { 'zh-CN': error instanceof Error ? error.message : '', en: error instanceof Error ? error.message : '' } } })
  })
  await app.register(syncRoutes, { db })
  await app.ready()
  return app
}

/** Headers that sign a request in as `account`. */
export const as = (account: RequestAccount): Record<string, string> => ({ [ACCOUNT_HEADER]: JSON.stringify(account) })
