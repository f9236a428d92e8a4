/**
 * Stateless: two server instances on one database serve the same devices. A session made on one
 * works on the other, a sign-out or lockout on one holds on the other. On PostgreSQL each
 * instance has its own connection pool, as two processes would.
 */
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { API, type SessionInfo } from '@/core/sync/protocol'
import { buildApp } from '../../server/app'
import { openPostgres } from '../../server/db/postgres'
import { migrate } from '../../server/db/migrate'
import type { Db } from '../../server/db/types'
import { DATABASE_KINDS, emptyDatabase } from './support/databases'
import { addUser, loginRequest, signIn } from './support/app'

const PASSWORD = 'correct horse'

describe.each(DATABASE_KINDS)('two servers on one %s database', (kind) => {
  const closing: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close()
  })

  async function twoServers(): Promise<{ db: Db; a: FastifyInstance; b: FastifyInstance }> {
    const { db, url } = await emptyDatabase(kind)
    closing.push(() => db.close())
    await migrate(db)
    // PGlite is one process's database: both instances share it. PostgreSQL: separate pools.
    const other = url ? await openPostgres(url) : db
    if (url) closing.push(() => other.close())
    const a = await buildApp({ db })
    const b = await buildApp({ db: other })
    closing.push(() => a.close(), () => b.close())
    return { db, a, b }
  }

  it('a session from one works on the other, and a sign-out on one ends it on both', async () => {
    const { db, a, b } = await twoServers()
    await addUser(db, 'wang', PASSWORD)
    const session = await signIn(a, 'wang', PASSWORD)
    const me = await b.inject({ method: 'GET', url: API.me, headers: session.readHeaders })
    expect(me.statusCode).toBe(200)
    expect(me.json<SessionInfo>().csrfToken).toBe(session.info.csrfToken)

    expect((await b.inject({ method: 'POST', url: API.logout, headers: session.writeHeaders })).statusCode).toBe(204)
    expect((await a.inject({ method: 'GET', url: API.me, headers: session.readHeaders })).statusCode).toBe(401)
  })

  it('counts failures from both towards one lockout', async () => {
    const { db, a, b } = await twoServers()
    await addUser(db, 'wang', PASSWORD)
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).inject(loginRequest('wang', `guess ${i}`))))
    expect(guesses.filter((r) => r.statusCode === 401)).toHaveLength(5)
    expect((await a.inject(loginRequest('wang', PASSWORD))).statusCode).toBe(429)
    expect((await b.inject(loginRequest('wang', PASSWORD))).statusCode).toBe(429)
  })
})
