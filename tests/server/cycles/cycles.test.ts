/** Evaluation cycles on the server (#15): what is refused whole, who may write and release, who reads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API, type ApiError, type CycleInput, type PullResponse, type SyncCycle } from '@/core/sync/protocol'
import type { SignedIn } from '../support/app'
import { DATABASE_KINDS } from '../support/databases'
import { scopedWorld, type ScopedWorld } from '../access/support/world'
import { member, refusal } from '../plans/support'
import { addBranches, branchOf, cycleInput, inputOf } from './support'

describe.each(DATABASE_KINDS)('cycles on %s', (kind) => {
  let w: ScopedWorld
  beforeAll(async () => {
    w = await scopedWorld(kind)
    await addBranches(w)
  }, 120_000)
  afterAll(async () => {
    await w?.server.close()
  })

  const admin = (): SignedIn => w.people.admin.session
  const post = (as: SignedIn, cycle: CycleInput) => w.server.app.inject({ method: 'POST', url: API.cycles, headers: as.writeHeaders, payload: cycle })
  const put = (as: SignedIn, cycle: CycleInput, id = cycle.id) => w.server.app.inject({ method: 'PUT', url: `${API.cycles}/${encodeURIComponent(id)}`, headers: as.writeHeaders, payload: cycle })
  const release = (as: SignedIn, id: string) => w.server.app.inject({ method: 'POST', url: `${API.cycles}/${encodeURIComponent(id)}/release`, headers: as.writeHeaders })
  const list = async (as: SignedIn): Promise<string[]> => {
    const r = await w.server.app.inject({ method: 'GET', url: API.cycles, headers: as.readHeaders })
    expect(r.statusCode).toBe(200)
    return r.json<SyncCycle[]>().map((c) => c.id)
  }
  const pulled = async (as: SignedIn, id: string, after = 0): Promise<{ cycles: SyncCycle[]; cursor: number }> => {
    const r = await w.server.app.inject({ method: 'GET', url: `${API.pull}?after=${after}&limit=5000`, headers: as.readHeaders })
    const page = r.json<PullResponse>()
    return { cycles: page.changes.flatMap((c) => (c.kind === 'cycle' && c.cycle.id === id ? [c.cycle] : [])), cursor: page.cursor }
  }
  const stored = async (id: string): Promise<number> => (await w.server.db.query('select 1 from cycles where id = $1', [id])).length
  const created = async (fields: Partial<CycleInput> = {}): Promise<SyncCycle> => {
    const r = await post(admin(), cycleInput(fields))
    expect(r.statusCode).toBe(201)
    return r.json<SyncCycle>()
  }

  it('stores a cycle with the panel’s names and the server’s time, spelled as the accounts are, and audits it', async () => {
    const input = cycleInput({ panel: { members: ['Reviewer'] } })
    const r = await post(admin(), input)
    expect(r.statusCode).toBe(201)
    const saved = r.json<SyncCycle>()
    expect(saved).toEqual({ ...input, panel: { members: ['reviewer'] }, people: { reviewer: 'reviewer name' }, updatedAt: w.server.clock.now.toISOString() })
    expect(saved).not.toHaveProperty('releasedAt')
    const [row] = await w.server.db.query<{ created_by: string; member_names: string[] }>('select created_by::text as created_by, member_names from cycles where id = $1', [input.id])
    expect(row).toEqual({ created_by: w.people.admin.userId, member_names: ['reviewer'] })
    const audit = await w.server.db.query<{ detail: { cycleId: string } }>("select detail from audit_log where action = 'cycleCreated'")
    expect(audit.map((a) => a.detail.cycleId)).toContain(input.id)
  })

  it('shows a cycle to grants on its scope, above and below it, and to its panel, in GET and in the pull; to nobody else', async () => {
    const panelist = await member(w, 'viewer', 'b5')
    const outsider = await member(w, 'viewer', 'b5')
    const below = await member(w, 'inspector', 'b3f3')
    const above = await member(w, 'viewer', 'xgb')
    const cycle = await created({ panel: { members: ['reviewer', panelist.name] } })
    expect(cycle.people).toEqual({ reviewer: 'reviewer name', [panelist.name]: `${panelist.name} name` })
    for (const reader of [admin(), w.people.viewer.session, w.people.inspector.session, panelist.session, below.session, above.session]) {
      expect(await list(reader)).toContain(cycle.id)
      expect((await pulled(reader, cycle.id)).cycles).toEqual([cycle])
    }
    expect(await list(outsider.session)).not.toContain(cycle.id)
    expect((await pulled(outsider.session, cycle.id)).cycles).toEqual([])

    // Taken off the panel: no longer listed, but the pull brings the change once more.
    const before = await pulled(panelist.session, cycle.id)
    w.server.clock.advance(60_000)
    const r = await put(admin(), { ...inputOf(cycle), panel: { members: ['reviewer'] } })
    expect(r.statusCode).toBe(200)
    expect(await list(panelist.session)).not.toContain(cycle.id)
    expect((await pulled(panelist.session, cycle.id, before.cursor)).cycles.map((c) => c.panel?.members)).toEqual([['reviewer']])
  })

  it('refuses a cycle with every problem pointed at in the body, in Chinese and English, and stores nothing', async () => {
    // The cycle document is core's validateCycle: its schema, then its own rules.
    const shape = cycleInput({ title: '' })
    const bad = await post(admin(), shape)
    expect(bad.statusCode).toBe(400)
    expect(refusal(bad.json<ApiError>())).toEqual(['schema.minLength /title'])
    expect(await stored(shape.id)).toBe(0)
    const rule = await post(admin(), cycleInput({ deadlines: { self: '2026-04-15T00:00:00Z', review: '2026-04-01T00:00:00Z' } }))
    expect(refusal(rule.json<ApiError>())).toEqual(['cycle.deadlineOrder /deadlines/review'])

    const world = cycleInput({
      template: { id: 'no-such-template', version: 1 },
      subjectIds: [branchOf('in'), branchOf('out'), 'room-in', 'branch-nowhere', branchOf('in')],
      panel: { members: ['reviewer', 'ghost'] },
    })
    const r = await post(admin(), world)
    expect(r.statusCode).toBe(400)
    const body = r.json<ApiError>()
    expect(refusal(body)).toEqual([
      'templateNotFound /template',
      'subjectOutsideCycle /subjectIds/1',
      'subjectNotBranch /subjectIds/2',
      'subjectNotFound /subjectIds/3',
      'duplicateSubject /subjectIds/4',
      'memberNotFound /panel/members/1',
    ])
    for (const issue of body.issues!) expect(issue.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
    expect(await stored(world.id)).toBe(0)

    // Checked against the version the server stores: its subject fields and bands.
    const fields = await post(admin(), cycleInput({ subjectKey: ['branchName'], subjects: [{ branchName: '3号楼党支部' }], quotas: [{ band: '红旗', maxPercent: 30 }] }))
    expect(refusal(fields.json<ApiError>())).toEqual(['cycle.unknownSubjectField /subjectKey/0', 'cycle.unknownQuotaBand /quotas/0/band'])
  })

  it('lets a member holding admin on 3号楼 run cycles there but not on 5号楼; others read but may not write', async () => {
    const head = await member(w, 'admin', 'b3')
    expect((await post(head.session, cycleInput())).statusCode).toBe(201)
    const theirs = cycleInput({ scopeId: 'b5', subjectIds: [branchOf('out')] })
    const refused = await post(head.session, theirs)
    expect(refused.statusCode).toBe(403)
    expect(refusal(refused.json<ApiError>())).toEqual(['outOfScope /scopeId'])
    expect(await stored(theirs.id)).toBe(0)
    expect((await post(w.people.reviewer.session, cycleInput())).statusCode).toBe(403)

    const other = await created({ scopeId: 'b5', subjectIds: [branchOf('out')] })
    // Not there for them: 404 alike for replacing and releasing.
    expect((await put(head.session, { ...inputOf(other), title: '改了' })).statusCode).toBe(404)
    expect((await release(head.session, other.id)).statusCode).toBe(404)
    // A reader without register.edit: 403.
    const mine = await created()
    expect((await put(w.people.reviewer.session, { ...inputOf(mine), title: '改了' })).statusCode).toBe(403)
    expect((await release(w.people.viewer.session, mine.id)).statusCode).toBe(403)
    // …nor may the head of 3号楼 move a cycle to 5号楼.
    expect((await put(head.session, { ...inputOf(mine), scopeId: 'b5', subjectIds: [branchOf('out')] })).statusCode).toBe(403)
    const [row] = await w.server.db.query<{ body: SyncCycle; released_at: Date | null }>('select body, released_at from cycles where id = $1', [mine.id])
    expect(row).toEqual({ body: mine, released_at: null })
  })

  it('replaces a cycle whole, answers 409 to a second POST of an id, 400 when the ids differ, and 409 once released', async () => {
    const cycle = await created()
    w.server.clock.advance(60_000)
    const r = await put(admin(), { ...inputOf(cycle), title: '2026年度红旗党支部评审（复评）', deadlines: { self: '2026-04-01T00:00:00Z', review: '2026-04-15T00:00:00Z' } })
    expect(r.statusCode).toBe(200)
    const replaced = r.json<SyncCycle>()
    expect(replaced).toMatchObject({ title: '2026年度红旗党支部评审（复评）', updatedAt: w.server.clock.now.toISOString(), deadlines: { self: '2026-04-01T00:00:00Z' } })
    expect(refusal((await post(admin(), inputOf(cycle))).json<ApiError>())).toEqual(['cycleExists /id'])
    expect(refusal((await put(admin(), inputOf(cycle), 'cycle-other')).json<ApiError>())).toEqual(['idMismatch /id'])
    expect((await put(admin(), cycleInput({ id: 'cycle-nowhere' }))).statusCode).toBe(404)
    expect((await w.server.app.inject({ method: 'POST', url: API.cycles, headers: admin().readHeaders, payload: cycleInput() })).statusCode).toBe(403)

    expect((await release(admin(), cycle.id)).statusCode).toBe(200)
    const late = await put(admin(), { ...inputOf(cycle), title: '发布后' })
    expect(late.statusCode).toBe(409)
    expect(refusal(late.json<ApiError>())).toEqual(['cycleReleased '])
  })
})
