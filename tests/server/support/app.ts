/**
 * A server under test: an emptied database of one kind, the app on it (inject only, no port), a
 * movable clock, and helpers to add users and sign in. PGlite takes seconds to boot, so a test
 * file keeps one database per kind and empties every table between tests instead.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll } from 'vitest'
import { API, CSRF_HEADER, SESSION_COOKIE, type AccountRole, type SessionInfo } from '@/core/sync/protocol'
import { buildApp, type BuildAppOptions } from '../../../server/app'
import { hashPassword } from '../../../server/auth/passwords'
import type { Db } from '../../../server/db/types'
import { freshDatabase, type DatabaseKind } from './databases'

export interface TestServer {
  app: FastifyInstance
  db: Db
  /** The server's clock; move it with `clock.advance(ms)`. */
  clock: { now: Date; advance(ms: number): void }
  close(): Promise<void>
}

const shared = new Map<DatabaseKind, Promise<Db>>()
afterAll(async () => {
  for (const db of shared.values()) await (await db).close()
  shared.clear()
})

/** Empties every table but the migrations' own, whoever created them (the sync tables too). */
async function emptyTables(db: Db): Promise<void> {
  const tables = await db.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations'",
  )
  if (tables.length > 0) await db.script(`truncate ${tables.map((t) => t.name).join(', ')} restart identity cascade`)
}

export async function testServer(kind: DatabaseKind, options: Partial<BuildAppOptions> = {}): Promise<TestServer> {
  if (!shared.has(kind)) shared.set(kind, freshDatabase(kind))
  const db = await shared.get(kind)!
  await emptyTables(db)
  const clock = {
    now: new Date('2026-03-01T08:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms)
    },
  }
  const app = await buildApp({ db, now: () => clock.now, ...options })
  return {
    app,
    db,
    clock,
    /** Closes the app; the database stays open for the file's next test. */
    async close() {
      await app.close()
    },
  }
}

/** Hashing is slow on purpose: one hash per password, shared by every test. */
const hashes = new Map<string, Promise<string>>()

export async function addUser(db: Db, username: string, password: string, role: AccountRole = 'member'): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password))
  const id = crypto.randomUUID()
  await db.query("insert into users (id, username, display_name, role, password_hash) values ($1, $2, $3, $4, $5)", [
    id,
    username,
    `${username} name`,
    role,
    await hashes.get(password)!,
  ])
  return id
}

export interface SignedIn {
  info: SessionInfo
  cookie: string
  /** Headers for a write: the session cookie and the CSRF token. */
  writeHeaders: Record<string, string>
  readHeaders: Record<string, string>
}

export function loginRequest(username: string, password: string, deviceId: string = crypto.randomUUID(), remoteAddress = '10.0.0.1') {
  return {
    method: 'POST' as const,
    url: API.login,
    remoteAddress,
    payload: { username, password, deviceId, deviceName: '测试平板' },
  }
}

export function sessionCookie(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value
}

export async function signIn(app: FastifyInstance, username: string, password: string, deviceId?: string): Promise<SignedIn> {
  const response = await app.inject(loginRequest(username, password, deviceId))
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`)
  const info = response.json<SessionInfo>()
  const cookie = `${SESSION_COOKIE}=${sessionCookie(response)}`
  return { info, cookie, readHeaders: { cookie }, writeHeaders: { cookie, [CSRF_HEADER]: info.csrfToken } }
}
