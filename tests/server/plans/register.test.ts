/** The register on the server: a sheet imported whole or not at all, read and pulled by scope, and the people plans can assign. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importRooms } from '@/core/register'
import { API, type ApiError, type PersonSummary, type PullResponse, type RegisterImportRequest, type RegisterImportResult, type SyncSubject } from '@/core/sync/protocol'
import type { SignedIn } from '../support/app'
import { DATABASE_KINDS } from '../support/databases'
import { scopedWorld, type ScopedWorld } from '../access/support/world'
import { member, refusal } from './support'

const GRID = [
  ['楼栋', '房间号', '负责人'],
  ['3号楼', '301', '王老师'],
  ['3号楼', '302', '王老师'],
  ['7号楼', '101', '李老师'],
]

function sheet(grid: string[][], parentScopeId = 'xgb'): RegisterImportRequest {
  const read = importRooms(grid, parentScopeId)
  if (!read.ok) throw new Error(JSON.stringify(read.issues))
  return { parentScopeId, ...read.value }
}

describe.each(DATABASE_KINDS)('register on %s', (kind) => {
  let w: ScopedWorld
  beforeAll(async () => {
    w = await scopedWorld(kind)
  }, 120_000)
  afterAll(async () => {
    await w?.server.close()
  })

  const admin = (): SignedIn => w.people.admin.session
  const put = (as: SignedIn, body: RegisterImportRequest) => w.server.app.inject({ method: 'PUT', url: API.register, headers: as.writeHeaders, payload: body })
  const get = async <T>(as: SignedIn, url: string): Promise<T> => {
    const r = await w.server.app.inject({ method: 'GET', url, headers: as.readHeaders })
    expect(r.statusCode).toBe(200)
    return r.json<T>()
  }
  const pulledSubjects = async (as: SignedIn, after = 0): Promise<{ subjects: SyncSubject[]; cursor: number }> => {
    const page = await get<PullResponse>(as, `${API.pull}?after=${after}&limit=5000`)
    return { subjects: page.changes.flatMap((c) => (c.kind === 'subject' ? [c.subject] : [])), cursor: page.cursor }
  }
  const counts = async () => ({ scopes: await w.count('scopes'), subjects: await w.count('subjects') })

  it('imports rooms under 学工部 with their buildings and floors; a second import changes nothing, a changed row bumps only itself', async () => {
    const first = await put(admin(), sheet(GRID))
    expect(first.statusCode).toBe(200)
    expect(first.json<RegisterImportResult>()).toEqual({ scopesCreated: 4, subjectsCreated: 3, subjectsUpdated: 0 })
    const scopes = await w.server.db.query<{ id: string; parent_id: string; kind: string }>("select id, parent_id, kind from scopes where id like 'building:%' or id like 'floor:%' order by id")
    expect(scopes).toEqual([
      { id: 'building:3号楼', parent_id: 'xgb', kind: 'building' },
      { id: 'building:7号楼', parent_id: 'xgb', kind: 'building' },
      { id: 'floor:3号楼/3', parent_id: 'building:3号楼', kind: 'floor' },
      { id: 'floor:7号楼/1', parent_id: 'building:7号楼', kind: 'floor' },
    ])

    // An inspector of 7号楼 reads and receives 7号楼's rooms only.
    const seven = await member(w, 'inspector', 'building:7号楼')
    const room: SyncSubject = { id: 'room:7号楼/101', kind: 'room', scopeId: 'floor:7号楼/1', fields: { building: '7号楼', floor: '1', room: '101' }, label: '7号楼 101', responsible: '李老师', version: 1 }
    expect(await get<SyncSubject[]>(seven.session, API.register)).toEqual([room])
    const pulled = await pulledSubjects(seven.session)
    expect(pulled.subjects).toEqual([room])
    expect((await get<SyncSubject[]>(admin(), API.register)).map((s) => s.id)).toEqual(expect.arrayContaining(['room:3号楼/301', 'room:3号楼/302', 'room:7号楼/101', 'room-in', 'room-out']))

    expect((await put(admin(), sheet(GRID))).json<RegisterImportResult>()).toEqual({ scopesCreated: 0, subjectsCreated: 0, subjectsUpdated: 0 })
    expect((await pulledSubjects(seven.session, pulled.cursor)).subjects).toEqual([])

    const changed = GRID.map((row) => (row[1] === '101' ? ['7号楼', '101', '赵老师'] : row))
    expect((await put(admin(), sheet(changed))).json<RegisterImportResult>()).toEqual({ scopesCreated: 0, subjectsCreated: 0, subjectsUpdated: 1 })
    expect((await pulledSubjects(seven.session, pulled.cursor)).subjects).toEqual([{ ...room, responsible: '赵老师', version: 2 }])
    const audit = await w.server.db.query<{ detail: { subjectsUpdated: number } }>("select detail from audit_log where action = 'registerImport' order by id")
    expect(audit.map((a) => a.detail.subjectsUpdated)).toEqual([0, 0, 1])
  })

  it('refuses a sheet with any bad row, naming every one, and stores nothing', async () => {
    const before = await counts()
    const floor = { id: 'floor:b3/9', parentId: 'b3', kind: 'floor' as const, name: '3号楼9层' }
    const room = (id: string, scopeId: string) => ({ id, kind: 'room' as const, scopeId, fields: { room: id }, label: id })
    const r = await put(admin(), {
      parentScopeId: 'b3',
      scopes: [floor, { id: 'building:9号楼', parentId: 'xgb', kind: 'building', name: '9号楼' }],
      subjects: [room('r901', floor.id), room('r901', floor.id), room('r101', 'b5f1'), room('r000', 'nowhere')],
    })
    expect(r.statusCode).toBe(400)
    const body = r.json<ApiError>()
    expect(refusal(body)).toEqual(['outsideParent /scopes/1/parentId', 'duplicateSubject /subjects/1/id', 'outsideParent /subjects/2/scopeId', 'scopeNotFound /subjects/3/scopeId'])
    for (const issue of body.issues!) expect(issue.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
    expect(await counts()).toEqual(before)

    // The new tree is checked whole by core: a floor cannot hang under a department.
    const tree = await put(admin(), { parentScopeId: 'xgb', scopes: [{ id: 'floor:x', parentId: 'xgb', kind: 'floor', name: 'x' }], subjects: [] })
    expect(refusal(tree.json<ApiError>())).toEqual(['kindUnderKind /scopes/0/kind'])
    const shape = await put(admin(), { parentScopeId: 'xgb', scopes: [], subjects: [{ ...room('r1', 'b3f3'), fields: { room: { n: 1 } } as unknown as Record<string, string> }] })
    expect(refusal(shape.json<ApiError>())).toEqual(['invalidRequest /subjects/0/fields/room'])
    expect(await counts()).toEqual(before)
  })

  it('needs register.edit on the scope imported into, and on where an entry already is', async () => {
    const body = { parentScopeId: 'b3', scopes: [], subjects: [{ id: 'room-in', kind: 'room' as const, scopeId: 'b3f3', fields: { building: '3号楼', floor: '3', room: '301' }, label: '3号楼 301' }] }
    const designer = await put(w.people.designer.session, body)
    expect(designer.statusCode).toBe(403)
    expect(refusal(designer.json<ApiError>())).toEqual(['outOfScope /parentScopeId'])

    const head = await member(w, 'admin', 'b3')
    expect((await put(head.session, body)).json<RegisterImportResult>()).toEqual({ scopesCreated: 0, subjectsCreated: 0, subjectsUpdated: 1 })
    const taken = await put(head.session, { ...body, subjects: [{ ...body.subjects[0]!, id: 'room-out' }] })
    expect(refusal(taken.json<ApiError>())).toEqual(['subjectElsewhere /subjects/0/id'])
    expect((await w.server.db.query<{ scope_id: string }>("select scope_id from subjects where id = 'room-out'"))[0]!.scope_id).toBe('b5f1')
  })

  it('lists people with roles where the caller edits the register, showing only the grants there', async () => {
    const head = await member(w, 'admin', 'b3')
    const both = await member(w, 'inspector', 'b3f3', 'b5')
    const five = await member(w, 'viewer', 'b5')
    const seen = await get<PersonSummary[]>(head.session, API.people)
    const byId = new Map(seen.map((p) => [p.id, p]))
    expect(byId.get(both.userId)).toEqual({ id: both.userId, username: both.name, displayName: `${both.name} name`, grants: [{ role: 'inspector', scopeId: 'b3f3' }] })
    expect(byId.has(w.people.inspector.userId)).toBe(true)
    expect(byId.has(five.userId)).toBe(false)

    const everyone = new Map((await get<PersonSummary[]>(admin(), API.people)).map((p) => [p.id, p]))
    expect(everyone.get(five.userId)?.grants).toEqual([{ role: 'viewer', scopeId: 'b5' }])
    expect(everyone.get(both.userId)?.grants).toHaveLength(2)
    expect(await get<PersonSummary[]>(w.people.viewer.session, API.people)).toEqual([])
  })
})
