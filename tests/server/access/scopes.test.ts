/** Scopes on the server beyond the matrix: losing a grant, refused trees, deployments without scopes, placement. */
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiError, GrantSummary } from '@/core/sync/protocol'
import { API } from '@/core/sync/protocol'
import syncRoutes from '../../../server/sync/routes'
import { addUser, signIn, testServer, type TestServer } from '../support/app'
import { DATABASE_KINDS } from '../support/databases'
import { answer, clock, header, m, Outbox } from '../sync/support/builders'
import type { PullResponse, PushResponse } from '@/core/sync'
import { PASSWORD, scopedWorld, type ScopedWorld } from './support/world'

describe.each(DATABASE_KINDS)('scopes on %s', (kind) => {
  let w: ScopedWorld | undefined
  let bare: TestServer | undefined
  afterEach(async () => {
    await w?.server.close()
    await bare?.close()
    w = undefined
    bare = undefined
  })

  it('stops sending a scope to a device from the next pull after its user loses the grant', async () => {
    w = await scopedWorld(kind)
    const kept = w.draft('admin', 'in')
    await w.push('admin', m.response(kept))
    const first = await w.pull('viewer')
    expect(first.changes.some((c) => c.kind === 'response' && c.response.id === kept.id)).toBe(true)

    const grants = await w.server.app.inject({ method: 'GET', url: `${API.grants}?userId=${w.people.viewer.userId}`, headers: w.people.admin.session.readHeaders })
    const [grant] = grants.json<GrantSummary[]>()
    expect(grant).toMatchObject({ role: 'viewer', scopeId: 'b3' })
    const revoked = await w.server.app.inject({ method: 'DELETE', url: `${API.grants}/${grant!.id}`, headers: w.people.admin.session.writeHeaders })
    expect(revoked.statusCode).toBe(200)

    // After the revocation: a new record on the scope, and a change to the one the device holds.
    const fresh = w.draft('admin', 'in')
    const admin = w.people.admin.session.info.deviceId
    await w.push('admin', m.response(fresh), m.answer(kept.id, 'unlocked', answer(1, clock(900, admin))))
    const ids = (page: PullResponse) => page.changes.map((c) => (c.kind === 'response' ? c.response.id : c.kind === 'answer' ? c.responseId : c.kind))
    const after = await w.pull('viewer', first.cursor)
    expect(ids(after)).toEqual([])
    // What the viewer may read changed: the pull says so, so a device knows to pull from 0 again.
    expect(after.view).toBeDefined()
    expect(after.view).not.toBe(first.view)
    // The rows are there: the inspector, still granted, receives both.
    expect(ids(await w.pull('inspector', first.cursor)).sort()).toEqual([fresh.id, kept.id].sort())
    const audit = await w.server.db.query<{ detail: { op: string } }>("select detail from audit_log where action = 'roleChange' and user_id = $1 order by id", [w.people.viewer.userId])
    expect(audit.map((a) => a.detail.op)).toEqual(['grant', 'revoke'])
  })

  it('refuses a scope core finds misplaced with its issues and pointers, storing nothing', async () => {
    w = await scopedWorld(kind)
    const admin = w.people.admin.session
    const before = { scopes: await w.count('scopes'), audit: await w.count('audit_log') }
    const post = (payload: object) => w!.server.app.inject({ method: 'POST', url: API.scopes, headers: admin.writeHeaders, payload })

    const floorUnderCollege = await post({ id: 'f9', parentId: 'college', kind: 'floor', name: '悬空的楼层' })
    expect(floorUnderCollege.statusCode).toBe(400)
    const body = floorUnderCollege.json<ApiError>()
    expect(body.error).toMatchObject({ code: 'kindUnderKind', pointer: '/kind' })
    expect(body.error.message['zh-CN']).toContain('职业学院')
    expect(body.issues).toHaveLength(1)
    expect((await post({ id: 'f9', parentId: 'nowhere', kind: 'floor', name: 'x' })).json<ApiError>().error).toMatchObject({ code: 'unknownParent', pointer: '/parentId' })
    expect((await post({ id: 'b3', parentId: 'xgb', kind: 'building', name: '又一个3号楼' })).json<ApiError>().error).toMatchObject({ code: 'duplicateScope', pointer: '/id' })

    // Turning 3号楼 into a floor misplaces it and strands its own floor: both are reported.
    const demote = await w.server.app.inject({ method: 'PATCH', url: `${API.scopes}/b3`, headers: admin.writeHeaders, payload: { kind: 'floor' } })
    expect(demote.statusCode).toBe(400)
    const issues = demote.json<ApiError>().issues!
    expect(issues.map((i) => i.code)).toEqual(['kindUnderKind', 'kindUnderKind'])
    expect(issues[0]).toMatchObject({ pointer: '/kind' })
    expect(issues[1]).toMatchObject({ pointer: '', params: { scopeId: 'b3f3', field: 'kind' } })

    expect(await w.count('scopes')).toBe(before.scopes)
    expect(await w.count('audit_log')).toBe(before.audit)
    expect((await w.server.db.query('select kind from scopes where id = $1', ['b3']))[0]).toEqual({ kind: 'building' })
  })

  it('lets every member see and write everything while no scope exists, and scopes everything once one does', async () => {
    bare = await testServer(kind, { plugins: [syncRoutes] })
    const { app, db } = bare
    await addUser(db, 'boss', PASSWORD, 'admin')
    await addUser(db, 'zhang', PASSWORD)
    await addUser(db, 'li', PASSWORD)
    const [boss, zhang, li] = [await signIn(app, 'boss', PASSWORD), await signIn(app, 'zhang', PASSWORD), await signIn(app, 'li', PASSWORD)]
    const box = new Outbox(zhang.info.deviceId)
    const push = async (...inputs: Parameters<typeof box.batch>) =>
      (await app.inject({ method: 'POST', url: API.push, headers: zhang.writeHeaders, payload: box.batch(...inputs) })).json<PushResponse>().results.map((r) => r.issue?.code ?? r.status)
    const pulled = async () => (await app.inject({ method: 'GET', url: API.pull, headers: li.readHeaders })).json<PullResponse>().changes.map((c) => c.kind)

    const old = header(crypto.randomUUID(), clock(1, zhang.info.deviceId))
    expect(await push(m.version(), m.response(old))).toEqual(['applied', 'applied'])
    expect(await pulled()).toEqual(['templateVersion', 'response'])
    expect((await db.query('select scope_id from responses'))[0]).toEqual({ scope_id: null })

    const college = await app.inject({ method: 'POST', url: API.scopes, headers: boss.writeHeaders, payload: { id: 'college', parentId: null, kind: 'college', name: '职业学院' } })
    expect(college.statusCode).toBe(201)
    // Members without grants now may neither write nor read records; the template stays readable.
    expect(await push(m.response(header(crypto.randomUUID(), clock(2, zhang.info.deviceId))))).toEqual(['outOfScope'])
    expect(await pulled()).toEqual(['templateVersion'])
  })

  it('places a response by its register subject, its subject fields, or the pusher’s narrowest scope, and never moves it out of reach', async () => {
    w = await scopedWorld(kind)
    const scopeOf = async (id: string) => (await w!.server.db.query<{ scope_id: string }>('select scope_id from responses where id = $1', [id]))[0]?.scope_id

    // Named from the register: the subject's scope wins over fields that match another room.
    const named = w.draft('inspector', 'out', { subjectId: 'room-in' })
    expect((await w.push('inspector', m.response(named)))[0]!.status).toBe('applied')
    expect(await scopeOf(named.id)).toBe('b3f3')

    // Free text matching no register room: the inspector's own scope, the narrowest once there are two.
    const adHoc = w.draft('inspector', 'in', { subject: { building: '临时板房', floor: 1, room: 'A' } })
    await w.push('inspector', m.response(adHoc))
    expect(await scopeOf(adHoc.id)).toBe('b3')
    await w.grant(w.people.inspector.userId, 'inspector', 'b3f3')
    const narrower = w.draft('inspector', 'in', { subject: { building: '临时板房', floor: 2, room: 'B' } })
    await w.push('inspector', m.response(narrower))
    expect(await scopeOf(narrower.id)).toBe('b3f3')

    // 5号楼's response cannot be pulled into 3号楼 by re-sending its header with another subject.
    const theirs = w.draft('admin', 'out')
    await w.push('admin', m.response(theirs))
    const [moved] = await w.push('inspector', m.response({ ...theirs, subject: { building: '3号楼', floor: 3, room: '301' }, hlc: clock(999, w.people.inspector.session.info.deviceId) }))
    expect(moved).toMatchObject({ status: 'refused', issue: { code: 'outOfScope' } })
    expect(await scopeOf(theirs.id)).toBe('b5f1')
  })
  it('sends a template published to a scope only to the people it reaches, and re-sends it when its scopes change', async () => {
    w = await scopedWorld(kind)
    const names = (page: PullResponse) => page.changes.flatMap((c) => (c.kind === 'template' ? [c.template.id] : c.kind === 'templateVersion' ? [`${c.version.templateId}@${c.version.version}`] : []))
    // The dorm template (pushed with the world) is published nowhere in particular: everyone has it.
    const before = await w.pull('inspector')
    expect(names(before)).toContain('dorm-room-safety@1')
    const put = (scopeIds: string[]) =>
      w!.server.app.inject({ method: 'PUT', url: `${API.templateScopes}/dorm-room-safety`, headers: w!.people.admin.session.writeHeaders, payload: { scopeIds } })
    expect((await w.server.app.inject({ method: 'PUT', url: `${API.templateScopes}/dorm-room-safety`, headers: w.people.inspector.session.writeHeaders, payload: { scopeIds: [] } })).statusCode).toBe(403)
    expect((await put(['nowhere'])).json<ApiError>().error).toMatchObject({ code: 'scopeNotFound', pointer: '/scopeIds/0' })

    // Published to 5号楼 only: the 3号楼 inspector no longer receives it, an admin still does.
    expect((await put(['b5'])).statusCode).toBe(200)
    expect(names(await w.pull('inspector'))).not.toContain('dorm-room-safety@1')
    expect(names(await w.pull('admin'))).toContain('dorm-room-safety@1')
    // Published to the college: reaches every floor; re-sent past the cursor the device already had.
    expect((await put(['college'])).statusCode).toBe(200)
    expect(names(await w.pull('inspector', before.cursor))).toContain('dorm-room-safety@1')
    const audit = await w.server.db.query<{ detail: { scopeIds: string[] } }>("select detail from audit_log where action = 'publishScopes' order by id")
    expect(audit.map((a) => a.detail.scopeIds)).toEqual([['b5'], ['college']])
  })
})
