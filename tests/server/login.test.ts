import { afterEach, describe, expect, it } from 'vitest'
import { API, SESSION_COOKIE, type ApiError, type SessionInfo } from '@/core/sync/protocol'
import { THROTTLE } from '../../server/auth/throttle'
import { hashToken } from '../../server/auth/tokens'
import { DATABASE_KINDS } from './support/databases'
import { addUser, loginRequest, sessionCookie, signIn, testServer, type TestServer } from './support/app'

const PASSWORD = 'correct horse'

async function auditActions(server: TestServer): Promise<string[]> {
  const rows = await server.db.query<{ action: string }>('select action from audit_log order by id')
  return rows.map((r) => r.action)
}

describe.each(DATABASE_KINDS)('signing in on %s', (kind) => {
  let server: TestServer
  afterEach(async () => server?.close())

  it('signs in: an HttpOnly SameSite=Strict cookie for 30 days, a CSRF token, only the token hash stored', async () => {
    server = await testServer(kind)
    const userId = await addUser(server.db, 'wang', PASSWORD)
    const deviceId = crypto.randomUUID()
    const response = await server.app.inject(loginRequest('Wang', PASSWORD, deviceId))
    expect(response.statusCode).toBe(200)
    const info = response.json<SessionInfo>()
    expect(info.user).toEqual({ id: userId, username: 'wang', displayName: 'wang name', role: 'member' })
    expect(info.deviceId).toBe(deviceId)
    expect(info.deviceName).toBe('测试平板')
    expect(info.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Date(info.expiresAt).getTime()).toBe(server.clock.now.getTime() + 30 * 86_400_000)

    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 30 * 86_400 })
    expect(cookie.secure).toBeFalsy()
    const token = cookie.value
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const sessions = await server.db.query<{ token_hash: Uint8Array; csrf_token: string }>('select token_hash, csrf_token from sessions')
    expect(sessions).toHaveLength(1)
    expect(Buffer.from(sessions[0]!.token_hash).equals(hashToken(token))).toBe(true)
    expect(JSON.stringify(sessions)).not.toContain(token)

    const devices = await server.db.query<{ user_id: string; name: string }>('select user_id, name from devices where id = $1', [deviceId])
    expect(devices).toEqual([{ user_id: userId, name: '测试平板' }])
    expect(await auditActions(server)).toEqual(['login'])

    // The cookie signs the next request in.
    const me = await server.app.inject({ method: 'GET', url: API.me, headers: { cookie: `${SESSION_COOKIE}=${token}` } })
    expect(me.statusCode).toBe(200)
    expect(me.json<SessionInfo>()).toMatchObject({ csrfToken: info.csrfToken, deviceName: '测试平板' })
  })

  it('stores passwords as argon2id hashes', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    const [row] = await server.db.query<{ password_hash: string }>('select password_hash from users')
    expect(row!.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('marks the cookie Secure behind a trusted HTTPS proxy, and only then', async () => {
    server = await testServer(kind, { trustProxy: 1 })
    await addUser(server.db, 'wang', PASSWORD)
    const https = await server.app.inject({ ...loginRequest('wang', PASSWORD), headers: { 'x-forwarded-proto': 'https' } })
    expect(https.cookies.find((c) => c.name === SESSION_COOKIE)!.secure).toBe(true)
    await server.close()

    server = await testServer(kind, { trustProxy: 0 })
    await addUser(server.db, 'wang', PASSWORD)
    const forged = await server.app.inject({ ...loginRequest('wang', PASSWORD), headers: { 'x-forwarded-proto': 'https' } })
    expect(forged.statusCode).toBe(200)
    expect(forged.cookies.find((c) => c.name === SESSION_COOKIE)!.secure).toBeFalsy()
  })

  it('behind one trusted proxy, takes the address the proxy saw, not one the client wrote', async () => {
    server = await testServer(kind, { trustProxy: 1 })
    await addUser(server.db, 'wang', PASSWORD)
    const headers = { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' }
    const response = await server.app.inject({ ...loginRequest('wang', 'wrong', undefined, '127.0.0.1'), headers })
    expect(response.statusCode).toBe(401)
    const [failure] = await server.db.query<{ address: string }>('select address from login_failures')
    expect(failure!.address).toBe('203.0.113.9')
  })

  it('refuses a wrong password and an unknown user alike, without a cookie, and audits both', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    const wrong = await server.app.inject(loginRequest('wang', 'wrong password'))
    const unknown = await server.app.inject(loginRequest('nobody', PASSWORD))
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401)
      expect(response.json<ApiError>().error.code).toBe('invalidCredentials')
      expect(sessionCookie(response)).toBeUndefined()
    }
    expect(wrong.body).toBe(unknown.body)
    expect(await server.db.query('select * from sessions')).toEqual([])
    const audit = await server.db.query<{ action: string; detail: { reason: string } }>('select action, detail from audit_log order by id')
    expect(audit.map((a) => [a.action, a.detail.reason])).toEqual([
      ['loginFailed', 'password'],
      ['loginFailed', 'unknownUser'],
    ])
  })

  it('refuses a disabled user even with the right password', async () => {
    server = await testServer(kind)
    const id = await addUser(server.db, 'wang', PASSWORD)
    await server.db.query('update users set disabled = true where id = $1', [id])
    const response = await server.app.inject(loginRequest('wang', PASSWORD))
    expect(response.statusCode).toBe(401)
    expect(await server.db.query('select * from sessions')).toEqual([])
  })

  it('locks a username after 5 failures in 15 minutes, refuses even the right password, and lets it in 15 minutes later', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    for (let i = 0; i < THROTTLE.maxPerUsername; i++) {
      server.clock.advance(60_000)
      // Different addresses: the username's lock does not depend on where guesses come from.
      const response = await server.app.inject(loginRequest('wang', `guess ${i}`, undefined, `10.0.1.${i}`))
      expect(response.statusCode).toBe(401)
    }
    const lastFailure = server.clock.now.getTime()
    server.clock.advance(60_000)
    const locked = await server.app.inject(loginRequest('WANG', PASSWORD))
    expect(locked.statusCode).toBe(429)
    const { error } = locked.json<ApiError>()
    expect(error.code).toBe('loginLocked')
    expect(error.params?.retryAt).toBe(new Date(lastFailure + THROTTLE.lockMs).toISOString())
    expect(error.message['zh-CN']).toContain('14 分钟')
    expect(error.message.en).toContain('14 minutes')
    expect(locked.headers['retry-after']).toBe(String(14 * 60))
    expect(sessionCookie(locked)).toBeUndefined()
    expect(await server.db.query('select * from sessions')).toEqual([])
    // Another user is not affected.
    await addUser(server.db, 'li', PASSWORD)
    expect((await server.app.inject(loginRequest('li', PASSWORD))).statusCode).toBe(200)

    const actions = await auditActions(server)
    expect(actions.filter((a) => a === 'loginFailed')).toHaveLength(5)
    expect(actions.filter((a) => a === 'lockout')).toHaveLength(1)
    expect(actions.indexOf('lockout')).toBe(5)

    server.clock.now = new Date(lastFailure + THROTTLE.lockMs + 1000)
    const after = await server.app.inject(loginRequest('wang', PASSWORD))
    expect(after.statusCode).toBe(200)
  })

  it('forgives earlier typos once the right password is given', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    for (let i = 0; i < 4; i++) expect((await server.app.inject(loginRequest('wang', 'typo'))).statusCode).toBe(401)
    expect((await server.app.inject(loginRequest('wang', PASSWORD))).statusCode).toBe(200)
    for (let i = 0; i < 4; i++) expect((await server.app.inject(loginRequest('wang', 'typo'))).statusCode).toBe(401)
    expect((await server.app.inject(loginRequest('wang', PASSWORD))).statusCode).toBe(200)
  })

  it('gives a burst of parallel guesses no more than 5 tries', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => server.app.inject(loginRequest('wang', `guess ${i}`))))
    const codes = responses.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 401)).toHaveLength(5)
    expect(codes.filter((c) => c === 429)).toHaveLength(35)
  })

  it('locks an address after 30 failures in 15 minutes, whatever the usernames', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    const address = '192.0.2.7'
    for (let i = 0; i < THROTTLE.maxPerAddress; i++) {
      // 3 guesses per username: no username reaches its own lock.
      const response = await server.app.inject(loginRequest(`user${Math.floor(i / 3)}`, 'guess', undefined, address))
      expect(response.statusCode).toBe(401)
    }
    const locked = await server.app.inject(loginRequest('wang', PASSWORD, undefined, address))
    expect(locked.statusCode).toBe(429)
    expect(locked.json<ApiError>().error.code).toBe('loginAddressLocked')
    expect(await auditActions(server)).toContain('addressLockout')
    // The same user from another address is fine.
    expect((await server.app.inject(loginRequest('wang', PASSWORD, undefined, '192.0.2.8'))).statusCode).toBe(200)
    server.clock.advance(THROTTLE.lockMs + 1000)
    expect((await server.app.inject(loginRequest('wang', PASSWORD, undefined, address))).statusCode).toBe(200)
  })

  it("refuses a device registered to another user, and a revoked device, without a session", async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    await addUser(server.db, 'li', PASSWORD)
    const device = crypto.randomUUID()
    await signIn(server.app, 'wang', PASSWORD, device)

    const taken = await server.app.inject(loginRequest('li', PASSWORD, device))
    expect(taken.statusCode).toBe(409)
    expect(taken.json<ApiError>().error).toMatchObject({ code: 'deviceOfAnotherUser', pointer: '/deviceId' })
    expect(sessionCookie(taken)).toBeUndefined()
    const [owner] = await server.db.query<{ username: string }>('select u.username from devices d join users u on u.id = d.user_id where d.id = $1', [device])
    expect(owner!.username).toBe('wang')

    await server.db.query('update devices set revoked_at = now() where id = $1', [device])
    const revoked = await server.app.inject(loginRequest('wang', PASSWORD, device))
    expect(revoked.statusCode).toBe(403)
    expect(revoked.json<ApiError>().error.code).toBe('deviceRevoked')
    const sessions = await server.db.query<{ n: number }>('select count(*)::int as n from sessions')
    expect(sessions[0]!.n).toBe(1)
  })

  it('renames the device when its owner signs in again with a new name', async () => {
    server = await testServer(kind)
    await addUser(server.db, 'wang', PASSWORD)
    const device = crypto.randomUUID()
    await signIn(server.app, 'wang', PASSWORD, device)
    const again = await server.app.inject({ ...loginRequest('wang', PASSWORD, device), payload: { username: 'wang', password: PASSWORD, deviceId: device, deviceName: '王老师的平板' } })
    expect(again.statusCode).toBe(200)
    expect(await server.db.query('select name from devices')).toEqual([{ name: '王老师的平板' }])
  })
})
