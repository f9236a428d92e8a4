/** Accounts and grants from a sheet: all rows or none, passwords made once, and the grants a session reports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API, type ApiError, type SessionInfo, type UserImportRow, type UsersImportResult } from '@/core/sync/protocol'
import { addUser, signIn, testServer } from '../support/app'
import { DATABASE_KINDS } from '../support/databases'
import { PASSWORD, scopedWorld, type ScopedWorld } from '../access/support/world'
import { refusal } from './support'

describe.each(DATABASE_KINDS)('users import on %s', (kind) => {
  let w: ScopedWorld
  beforeAll(async () => {
    w = await scopedWorld(kind)
  }, 120_000)
  afterAll(async () => {
    await w?.server.close()
  })

  const send = (users: UserImportRow[], as = w.people.admin.session) => w.server.app.inject({ method: 'POST', url: API.usersImport, headers: as.writeHeaders, payload: { users } })

  it('creates missing accounts with a password made once, grants by scope id or unique name, and audits both', async () => {
    const r = await send([
      { username: '王老师', displayName: '王芳', role: 'inspector', scope: '3号楼3层' },
      { username: '王老师', displayName: '王芳', role: 'viewer', scope: 'b5' },
      { username: 'li', displayName: '李强', role: 'reviewer', scope: 'b3', password: 'li-password-1' },
      { username: 'Viewer', displayName: 'ignored', role: 'inspector', scope: 'b3f3' },
    ])
    expect(r.statusCode).toBe(200)
    const result = r.json<UsersImportResult>()
    expect(result.created.map((c) => c.username)).toEqual(['王老师', 'li'])
    const made = result.created[0]!.password!
    expect(made.length).toBeGreaterThanOrEqual(16)
    expect(result.created[1]).toEqual({ username: 'li' })
    expect(result.granted).toEqual(['viewer'])

    const wang = await signIn(w.server.app, '王老师', made)
    expect(wang.info.user.role).toBe('member')
    expect(wang.info.grants).toEqual([
      { role: 'inspector', scopeId: 'b3f3' },
      { role: 'viewer', scopeId: 'b5' },
    ])
    // The names of the scopes the grants cover, theirs and those under them: not the building above.
    expect(wang.info.scopeNames).toEqual({ b3f3: '3号楼3层', b5: '5号楼', b5f1: '5号楼1层' })
    const me = await w.server.app.inject({ method: 'GET', url: API.me, headers: wang.readHeaders })
    expect(me.json<SessionInfo>().grants).toEqual(wang.info.grants)
    expect(me.json<SessionInfo>().scopeNames).toEqual(wang.info.scopeNames)
    expect((await signIn(w.server.app, 'li', 'li-password-1')).info.grants).toEqual([{ role: 'reviewer', scopeId: 'b3' }])
    // The account administrator holds admin on the root (it signed in before the tree existed: /me says so now).
    const adminMe = await w.server.app.inject({ method: 'GET', url: API.me, headers: w.people.admin.session.readHeaders })
    expect(adminMe.json<SessionInfo>().grants).toEqual([{ role: 'admin', scopeId: 'college' }])

    const audit = await w.server.db.query<{ action: string; n: number }>("select action, count(*)::int as n from audit_log where detail->>'via' = 'import' group by action order by action")
    expect(audit).toEqual([
      { action: 'roleChange', n: 4 },
      { action: 'userCreated', n: 2 },
    ])
    // The same sheet again: nothing new, nothing refused.
    const again = await send([{ username: 'li', displayName: '李强', role: 'reviewer', scope: 'b3' }])
    expect(again.json<UsersImportResult>()).toEqual({ created: [], granted: [] })
  })

  it('refuses the whole sheet when a row is wrong, pointing at each, and stores nothing', async () => {
    await w.server.db.query("insert into scopes (id, parent_id, kind, name) values ('b3f3-twin', 'b3', 'floor', '3号楼3层-同名'), ('b5f2', 'b5', 'floor', '3号楼3层-同名')")
    const users = await w.count('users')
    const grants = await w.count('role_grants')
    const r = await send([
      { username: 'ok', displayName: '好', role: 'inspector', scope: 'b3' },
      { username: 'amb', displayName: '歧', role: 'inspector', scope: '3号楼3层-同名' },
      { username: 'none', displayName: '无', role: 'inspector', scope: '9号楼' },
      { username: 'inspector', displayName: '已有', role: 'viewer', scope: 'b3', password: 'a-new-password' },
    ])
    expect(r.statusCode).toBe(400)
    const body = r.json<ApiError>()
    expect(refusal(body)).toEqual(['ambiguousScope /users/1/scope', 'scopeNotFound /users/2/scope', 'passwordForExisting /users/3/password'])
    expect(body.error.message['zh-CN']).toContain('第 2 行')
    expect(await w.count('users')).toBe(users)
    expect(await w.count('role_grants')).toBe(grants)

    const shape = await send([{ username: 'has space', displayName: 'x', role: 'inspector', scope: 'b3' }])
    expect(refusal(shape.json<ApiError>())).toEqual(['invalidRequest /users/0/username'])
  })

  it('is for account administrators only', async () => {
    const head = await addUser(w.server.db, 'head', PASSWORD)
    await w.grant(head, 'admin', 'college')
    const session = await signIn(w.server.app, 'head', PASSWORD)
    const r = await send([{ username: 'sneaky', displayName: 'x', role: 'admin', scope: 'college' }], session)
    expect(r.statusCode).toBe(403)
    expect((await w.server.db.query("select 1 from users where username = 'sneaky'")).length).toBe(0)
  })
})

describe.each(DATABASE_KINDS)('session grants without scopes on %s', (kind) => {
  it('leaves grants out while the deployment has no scopes', async () => {
    const server = await testServer(kind)
    try {
      await addUser(server.db, 'solo', PASSWORD, 'admin')
      const session = await signIn(server.app, 'solo', PASSWORD)
      expect(session.info.grants).toBeUndefined()
      const me = await server.app.inject({ method: 'GET', url: API.me, headers: session.readHeaders })
      expect(me.json<SessionInfo>()).not.toHaveProperty('grants')
      expect(me.json<SessionInfo>()).not.toHaveProperty('scopeNames')
    } finally {
      await server.close()
    }
  })
})
