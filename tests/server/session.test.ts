import { afterEach, describe, expect, it } from 'vitest'
import { API, CSRF_HEADER, SESSION_COOKIE, type ApiError, type SessionInfo } from '@/core/sync/protocol'
import { DATABASE_KINDS } from './support/databases'
import { addUser, signIn, testServer, type TestServer } from './support/app'

const PASSWORD = 'correct horse'
const DAY = 86_400_000

describe.each(DATABASE_KINDS)('sessions on %s', (kind) => {
  let server: TestServer
  afterEach(async () => server?.close())

  const me = (headers: Record<string, string>) => server.app.inject({ method: 'GET', url: API.me, headers })

  it('answers /me with the user and the stored CSRF token, and 401 without a session', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    const session = await signIn(server.app, 'wang', PASSWORD)
    const response = await me(session.readHeaders)
    expect(response.statusCode).toBe(200)
    expect(response.json<SessionInfo>()).toEqual(session.info)

    const anonymous = await me({})
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json<ApiError>().error.code).toBe('unauthenticated')
    const forged = await me({ cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` })
    expect(forged.statusCode).toBe(401)
    const garbage = await me({ cookie: `${SESSION_COOKIE}=' or 1=1 --` })
    expect(garbage.statusCode).toBe(401)
  })

  it('lapses 30 days after the last use, and each use (at most once a minute) slides it', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    const session = await signIn(server.app, 'wang', PASSWORD)

    server.clock.advance(20 * DAY)
    const used = await me(session.readHeaders)
    expect(used.statusCode).toBe(200)
    expect(used.json<SessionInfo>().expiresAt).toBe(new Date(server.clock.now.getTime() + 30 * DAY).toISOString())
    // The cookie's own lifetime slides too.
    expect(used.cookies.find((c) => c.name === SESSION_COOKIE)?.maxAge).toBe(30 * 86_400)
    const [device] = await server.db.query<{ last_seen_at: Date }>('select last_seen_at from devices')
    expect(new Date(device!.last_seen_at).getTime()).toBe(server.clock.now.getTime())

    // Within a minute nothing is written.
    server.clock.advance(30_000)
    const soon = await me(session.readHeaders)
    expect(soon.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined()
    expect(soon.json<SessionInfo>().expiresAt).toBe(used.json<SessionInfo>().expiresAt)

    // 40 days after sign-in, 20 after the last use: still in.
    server.clock.advance(20 * DAY)
    expect((await me(session.readHeaders)).statusCode).toBe(200)

    // 30 days and a second without use: out.
    server.clock.advance(30 * DAY + 1000)
    expect((await me(session.readHeaders)).statusCode).toBe(401)
  })

  it('refuses the next request of a revoked device or a disabled user (401)', async () => {
    server = await testServer(kind)
    const wang = await addUser(server.db, 'wang', PASSWORD)
    await addUser(server.db, 'li', PASSWORD)
    const wangSession = await signIn(server.app, 'wang', PASSWORD)
    const liSession = await signIn(server.app, 'li', PASSWORD)

    await server.db.query('update devices set revoked_at = now() where id = $1', [liSession.info.deviceId])
    expect((await me(liSession.readHeaders)).statusCode).toBe(401)

    expect((await me(wangSession.readHeaders)).statusCode).toBe(200)
    await server.db.query('update users set disabled = true where id = $1', [wang])
    expect((await me(wangSession.readHeaders)).statusCode).toBe(401)
  })

  it('signs out: the session is revoked, the cookie cleared, and the old cookie no longer works', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    const session = await signIn(server.app, 'wang', PASSWORD)
    const out = await server.app.inject({ method: 'POST', url: API.logout, headers: session.writeHeaders })
    expect(out.statusCode).toBe(204)
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE)!
    expect(cleared.value).toBe('')
    expect((await me(session.readHeaders)).statusCode).toBe(401)
    const actions = await server.db.query<{ action: string }>('select action from audit_log order by id')
    expect(actions.map((a) => a.action)).toEqual(['login', 'logout'])
  })

  it('refuses a write carrying a session without the right CSRF token (403) and changes nothing', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'root', PASSWORD, 'admin')
    const session = await signIn(server.app, 'root', PASSWORD)
    const payload = { username: 'new', displayName: 'New', role: 'member', password: 'long enough' }
    const cases: Array<Record<string, string>> = [
      session.readHeaders,
      { ...session.readHeaders, [CSRF_HEADER]: 'wrong' },
      { ...session.readHeaders, [CSRF_HEADER]: session.info.csrfToken.slice(0, -1) + (session.info.csrfToken.endsWith('A') ? 'B' : 'A') },
    ]
    for (const headers of cases) {
      const response = await server.app.inject({ method: 'POST', url: API.users, headers, payload })
      expect(response.statusCode).toBe(403)
      expect(response.json<ApiError>().error.code).toBe('csrf')
      const logout = await server.app.inject({ method: 'POST', url: API.logout, headers })
      expect(logout.statusCode).toBe(403)
    }
    expect(await server.db.query("select * from users where username = 'new'")).toEqual([])
    expect(await server.db.query('select * from sessions where revoked_at is not null')).toEqual([])
    expect((await me(session.readHeaders)).statusCode).toBe(200)

    const ok = await server.app.inject({ method: 'POST', url: API.users, headers: session.writeHeaders, payload })
    expect(ok.statusCode).toBe(201)
  })
})
