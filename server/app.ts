/**
 * The team server as a Fastify instance, without listening: `server/main.ts` listens, tests
 * call `inject`. Stateless by design: sessions, throttling and sync state live in the database,
 * so any number of these can serve the same devices.
 */
import fastifyCookie from '@fastify/cookie'
import Fastify, { type FastifyInstance } from 'fastify'
import { API, SYNC_LIMITS, type HealthInfo } from '@/core/sync/protocol'
import { accessRoutes } from './access/routes'
import { templateScopeRoutes } from './access/template-routes'
import { adminRoutes } from './admin/routes'
import { usersImportRoutes } from './admin/users-import'
import { authRoutes } from './auth/routes'
import { reviewRoutes } from './reviews/routes'
import { registerSessionHook } from './auth/session'
import { schemaVersion } from './db/migrate'
import type { Db } from './db/types'
import { registerErrorHandler } from './http/error-handler'
import { planRoutes } from './plans/routes'
import { cycleRoutes } from './cycles/routes'
import { registerRoutes } from './register/routes'
import { registerStatic } from './http/static'

/** What route plugins get besides the Fastify instance. */
export interface AppContext {
  db: Db
  /** The server's clock: `new Date()` in production, a fake one in tests. */
  now: () => Date
}

/**
 * Extra routes (the sync service): registered inside the app, after the session hook, so
 * `request.account` is set and the error handler applies. Register under `/api/…` paths.
 */
export type RoutePlugin = (app: FastifyInstance, ctx: AppContext) => Promise<void>

export interface BuildAppOptions {
  db: Db
  /** The built app to serve (`dist/`); absent: the API only. */
  staticDir?: string
  /** Fastify's logger (JSON lines on stdout); off by default, for tests. */
  logger?: boolean
  now?: () => Date
  /**
   * How many reverse proxies to believe about X-Forwarded-For/-Proto (TRUST_PROXY=1: one). A
   * count, not "trust all": the client's own X-Forwarded-For entries are never taken as its address.
   */
  trustProxy?: number
  plugins?: readonly RoutePlugin[]
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { db, staticDir, logger = false, now = () => new Date(), trustProxy = 0, plugins = [] } = options
  const app = Fastify({
    logger,
    // The nearest `trustProxy` hops are believed, whatever their address. (Fastify's own number
    // option believes no one, on purpose: it cannot check the peer; the operator's setting does.)
    trustProxy: trustProxy > 0 ? (_address: string, hop: number) => hop < trustProxy : false,
    // A push batch is the largest JSON body; blobs have their own parser and limit below.
    bodyLimit: SYNC_LIMITS.maxPushBytes,
    // Unknown properties are errors, not silently dropped (Fastify's default removes them).
    ajv: { customOptions: { removeAdditional: false } },
  })
  const ctx: AppContext = { db, now }

  registerErrorHandler(app)
  // Attachments arrive as raw bytes (PUT /api/blobs/<sha256>), up to the attachment limit.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: SYNC_LIMITS.maxBlobBytes }, (_request, body, done) => done(null, body))
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-frame-options', 'DENY')
    // Only framing is restricted here; the app's own policy is index.html's meta tag, and a
    // meta tag cannot say frame-ancestors.
    reply.header('content-security-policy', "frame-ancestors 'none'")
    reply.header('referrer-policy', 'same-origin')
  })
  await app.register(fastifyCookie)
  registerSessionHook(app, db, now)

  app.get(API.health, async (): Promise<HealthInfo> => ({ ok: true, database: db.kind, schemaVersion: await schemaVersion(db) }))
  await app.register(async (scope) => authRoutes(scope, ctx))
  await app.register(async (scope) => adminRoutes(scope, ctx))
  await app.register(async (scope) => accessRoutes(scope, ctx))
  await app.register(async (scope) => templateScopeRoutes(scope, ctx))
  await app.register(async (scope) => reviewRoutes(scope, ctx))
  await app.register(async (scope) => usersImportRoutes(scope, ctx))
  await app.register(async (scope) => registerRoutes(scope, ctx))
  await app.register(async (scope) => planRoutes(scope, ctx))
  await app.register(async (scope) => cycleRoutes(scope, ctx))
  for (const plugin of plugins) await app.register(async (scope) => plugin(scope, ctx))
  await registerStatic(app, staticDir)
  return app
}
