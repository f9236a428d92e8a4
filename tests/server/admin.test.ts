import { afterEach, describe, expect, it } from 'vitest'
import { API, type ApiError, type AuditEntry, type DeviceSummary, type UserSummary } from '@/core/sync/protocol'
import { DATABASE_KINDS } from './support/databases'
import { addUser, loginRequest, signIn, testServer, type SignedIn, type TestServer } from './support/app'

const PASSWORD = 'correct horse'

describe.each(DATABASE_KINDS)('the admin API on %s', (kind) => {
  let server: TestServer
  afterEach(async () => server?.close())

  async function withAdmin(): Promise<{ adminId: string; admin: SignedIn }> {
    server = await testServer(kind)
    const adminId = await addUser(server.db, 'root', PASSWORD, 'admin')
    return { adminId, admin: await signIn(server.app, 'root', PASSWORD) }
  }
  const patch = (session: SignedIn, id: string, payload: object) =>
    server.app.inject({ method: 'PATCH', url: `${API.users}/${id}`, headers: session.writeHeaders, payload })

  it('refuses members (403) and anonymous requests (401) on every admin route', async () => {
    const { adminId } = await withAdmin()
    await addUser(server.db, 'wang', PASSWORD)
    const member = await signIn(server.app, 'wang', PASSWORD)
    const routes = [
      { method: 'GET' as const, url: API.users },
      { method: 'POST' as const, url: API.users, payload: { username: 'x', displayName: 'x', role: 'admin', password: 'long enough' } },
      { method: 'PATCH' as const, url: `${API.users}/${adminId}`, payload: { role: 'member' } },
      { method: 'GET' as const, url: API.devices },
      { method: 'POST' as const, url: `${API.devices}/${member.info.deviceId}/revoke` },
      { method: 'GET' as const, url: API.audit },
    ]
    for (const route of routes) {
      const asMember = await server.app.inject({ ...route, headers: member.writeHeaders })
      expect(asMember.statusCode, `${route.method} ${route.url}`).toBe(403)
      expect(asMember.json<ApiError>().error.code).toBe('forbidden')
      const anonymous = await server.app.inject(route)
      expect(anonymous.statusCode, `${route.method} ${route.url}`).toBe(401)
    }
    const [root] = await server.db.query<{ role: string }>('select role from users where id = $1', [adminId])
    expect(root!.role).toBe('admin')
    expect(await server.db.query('select * from devices where revoked_at is not null')).toEqual([])
    expect(await server.db.query("select * from users where username = 'x'")).toEqual([])
  })

  it('creates users: 201 with the summary, 409 for a taken username whatever its case, 400 for a short password or unknown field', async () => {
    const { admin } = await withAdmin()
    const created = await server.app.inject({ method: 'POST', url: API.users, headers: admin.writeHeaders, payload: { username: 'Zhang.San', displayName: '张三', role: 'member', password: 'long enough' } })
    expect(created.statusCode).toBe(201)
    const user = created.json<UserSummary>()
    expect(user).toMatchObject({ username: 'Zhang.San', displayName: '张三', role: 'member', disabled: false })
    expect(user).not.toHaveProperty('lastLoginAt')
    // The new user can sign in.
    expect((await server.app.inject(loginRequest('zhang.san', 'long enough'))).statusCode).toBe(200)

    const chinese = await server.app.inject({ method: 'POST', url: API.users, headers: admin.writeHeaders, payload: { username: '王老师', displayName: '王老师', role: 'admin', password: 'long enough' } })
    expect(chinese.statusCode).toBe(201)
    expect(chinese.json<UserSummary>().role).toBe('admin')

    const taken = await server.app.inject({ method: 'POST', url: API.users, headers: admin.writeHeaders, payload: { username: 'ZHANG.SAN', displayName: 'x', role: 'member', password: 'long enough' } })
    expect(taken.statusCode).toBe(409)
    expect(taken.json<ApiError>().error).toMatchObject({ code: 'usernameTaken', pointer: '/username' })

    const bad = [
      { username: 'li', displayName: 'Li', role: 'member', password: 'short' },
      { username: 'li', displayName: 'Li', role: 'owner', password: 'long enough' },
      { username: 'li si', displayName: 'Li', role: 'member', password: 'long enough' },
      { username: 'li', displayName: '   ', role: 'member', password: 'long enough' },
      { username: 'li', displayName: 'Li', role: 'member', password: 'long enough', disabled: false },
    ]
    for (const payload of bad) {
      const response = await server.app.inject({ method: 'POST', url: API.users, headers: admin.writeHeaders, payload })
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect(response.json<ApiError>().error.code).toBe('invalidRequest')
    }
    const list = await server.app.inject({ method: 'GET', url: API.users, headers: admin.readHeaders })
    expect(list.json<UserSummary[]>().map((u) => u.username)).toEqual(['root', 'Zhang.San', '王老师'])
    expect(list.json<UserSummary[]>()[0]!.lastLoginAt).toBe(server.clock.now.toISOString())
    const actions = await server.db.query<{ action: string }>("select action from audit_log where action = 'userCreated'")
    expect(actions).toHaveLength(2)
  })

  it('changes role, name and password, and disabling signs the user out everywhere', async () => {
    const { admin } = await withAdmin()
    const wangId = await addUser(server.db, 'wang', PASSWORD)
    const wang = await signIn(server.app, 'wang', PASSWORD)

    const promoted = await patch(admin, wangId, { role: 'admin', displayName: '王老师' })
    expect(promoted.statusCode).toBe(200)
    expect(promoted.json<UserSummary>()).toMatchObject({ role: 'admin', displayName: '王老师' })
    // The new role applies to the user's next request.
    expect((await server.app.inject({ method: 'GET', url: API.users, headers: wang.readHeaders })).statusCode).toBe(200)

    expect((await patch(admin, wangId, { password: 'a new password' })).statusCode).toBe(200)
    expect((await server.app.inject(loginRequest('wang', PASSWORD))).statusCode).toBe(401)
    // A new password signs out the user's other sessions.
    expect((await server.app.inject({ method: 'GET', url: API.me, headers: wang.readHeaders })).statusCode).toBe(401)
    const wang2 = await signIn(server.app, 'wang', 'a new password')

    const disabled = await patch(admin, wangId, { disabled: true })
    expect(disabled.json<UserSummary>().disabled).toBe(true)
    expect((await server.app.inject({ method: 'GET', url: API.me, headers: wang2.readHeaders })).statusCode).toBe(401)
    const live = await server.db.query('select * from sessions where user_id = $1 and revoked_at is null', [wangId])
    expect(live).toEqual([])

    const audit = await server.app.inject({ method: 'GET', url: `${API.audit}?limit=50`, headers: admin.readHeaders })
    const actions = audit.json<AuditEntry[]>().map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['roleChange', 'userUpdated', 'passwordChanged', 'userDisabled']))
    const roleChange = audit.json<AuditEntry[]>().find((e) => e.action === 'roleChange')!
    expect(roleChange).toMatchObject({ userId: wangId, username: 'wang', detail: { from: 'member', to: 'admin' } })

    expect((await patch(admin, crypto.randomUUID(), { role: 'member' })).statusCode).toBe(404)
    expect((await patch(admin, 'not-a-uuid', { role: 'member' })).statusCode).toBe(400)
    expect((await patch(admin, wangId, {})).statusCode).toBe(400)
  })

  it('never demotes or disables the last active admin', async () => {
    const { adminId, admin } = await withAdmin()
    for (const payload of [{ role: 'member' }, { disabled: true }]) {
      const response = await patch(admin, adminId, payload)
      expect(response.statusCode).toBe(409)
      expect(response.json<ApiError>().error.code).toBe('lastAdmin')
    }
    const [row] = await server.db.query<{ role: string; disabled: boolean }>('select role, disabled from users where id = $1', [adminId])
    expect(row).toEqual({ role: 'admin', disabled: false })

    // With a second admin, the first may step down; then the second is the last.
    const otherId = await addUser(server.db, 'second', PASSWORD, 'admin')
    expect((await patch(admin, adminId, { role: 'member' })).statusCode).toBe(200)
    const second = await signIn(server.app, 'second', PASSWORD)
    expect((await patch(second, otherId, { disabled: true })).statusCode).toBe(409)
    // A disabled admin does not count as active.
    await server.db.query("update users set role = 'admin', disabled = true where id = $1", [adminId])
    expect((await patch(second, otherId, { role: 'member' })).statusCode).toBe(409)
  })

  it('lists devices and revokes one: its sessions end, the audit says so', async () => {
    const { admin } = await withAdmin()
    const wangId = await addUser(server.db, 'wang', PASSWORD)
    const wang = await signIn(server.app, 'wang', PASSWORD)
    server.clock.advance(1000)

    const list = await server.app.inject({ method: 'GET', url: API.devices, headers: admin.readHeaders })
    const devices = list.json<DeviceSummary[]>()
    expect(devices).toHaveLength(2)
    expect(devices.find((d) => d.id === wang.info.deviceId)).toMatchObject({ userId: wangId, username: 'wang', name: '测试平板', revoked: false })
    expect(devices.find((d) => d.id === wang.info.deviceId)).not.toHaveProperty('lastSyncAt')
    // Last sync: the later of the device's last push and last pull.
    await server.db.query('insert into device_sync (device_id, last_push_at, last_pull_at) values ($1, $2, $3)', [wang.info.deviceId, '2026-03-01T08:00:00Z', '2026-03-02T09:30:00Z'])
    const synced = (await server.app.inject({ method: 'GET', url: API.devices, headers: admin.readHeaders })).json<DeviceSummary[]>()
    expect(synced.find((d) => d.id === wang.info.deviceId)?.lastSyncAt).toBe('2026-03-02T09:30:00.000Z')

    const revoked = await server.app.inject({ method: 'POST', url: `${API.devices}/${wang.info.deviceId}/revoke`, headers: admin.writeHeaders })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json<DeviceSummary>()).toMatchObject({ id: wang.info.deviceId, revoked: true })
    expect((await server.app.inject({ method: 'GET', url: API.me, headers: wang.readHeaders })).statusCode).toBe(401)
    // Revoking again is harmless and audited once.
    expect((await server.app.inject({ method: 'POST', url: `${API.devices}/${wang.info.deviceId}/revoke`, headers: admin.writeHeaders })).statusCode).toBe(200)
    const entries = await server.db.query<{ user_id: string; device_id: string }>("select user_id, device_id from audit_log where action = 'deviceRevoked'")
    expect(entries).toEqual([{ user_id: wangId, device_id: wang.info.deviceId }])

    expect((await server.app.inject({ method: 'POST', url: `${API.devices}/${crypto.randomUUID()}/revoke`, headers: admin.writeHeaders })).statusCode).toBe(404)
  })

  it('returns the audit log newest first, as many entries as asked', async () => {
    const { admin } = await withAdmin()
    for (let i = 0; i < 3; i++) await server.app.inject(loginRequest('root', `wrong ${i}`))
    const response = await server.app.inject({ method: 'GET', url: `${API.audit}?limit=2`, headers: admin.readHeaders })
    expect(response.statusCode).toBe(200)
    const entries = response.json<AuditEntry[]>()
    expect(entries).toHaveLength(2)
    expect(entries.map((e) => e.action)).toEqual(['loginFailed', 'loginFailed'])
    expect(entries[0]!.id).toBeGreaterThan(entries[1]!.id)
    const all = (await server.app.inject({ method: 'GET', url: API.audit, headers: admin.readHeaders })).json<AuditEntry[]>()
    expect(all.map((e) => e.action)).toEqual(['loginFailed', 'loginFailed', 'loginFailed', 'login'])
    expect(all[3]).toMatchObject({ username: 'root', deviceId: admin.info.deviceId })
    expect((await server.app.inject({ method: 'GET', url: `${API.audit}?limit=0`, headers: admin.readHeaders })).statusCode).toBe(400)
    expect((await server.app.inject({ method: 'GET', url: `${API.audit}?limit=abc`, headers: admin.readHeaders })).statusCode).toBe(400)
  })
})
