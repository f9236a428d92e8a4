/** Inspection plans on the server: who may write them, what is refused whole, who receives them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API, type ApiError, type PlanInput, type PullResponse, type SyncPlan } from '@/core/sync/protocol'
import type { SignedIn } from '../support/app'
import { DATABASE_KINDS } from '../support/databases'
import { scopedWorld, type ScopedWorld } from '../access/support/world'
import { member, planInput, refusal } from './support'

describe.each(DATABASE_KINDS)('plans on %s', (kind) => {
  let w: ScopedWorld
  beforeAll(async () => {
    w = await scopedWorld(kind)
  }, 120_000)
  afterAll(async () => {
    await w?.server.close()
  })

  const admin = (): SignedIn => w.people.admin.session
  const post = (as: SignedIn, plan: PlanInput) => w.server.app.inject({ method: 'POST', url: API.plans, headers: as.writeHeaders, payload: plan })
  const put = (as: SignedIn, plan: PlanInput, id = plan.id) => w.server.app.inject({ method: 'PUT', url: `${API.plans}/${encodeURIComponent(id)}`, headers: as.writeHeaders, payload: plan })
  const list = async (as: SignedIn): Promise<string[]> => {
    const r = await w.server.app.inject({ method: 'GET', url: API.plans, headers: as.readHeaders })
    expect(r.statusCode).toBe(200)
    return r.json<SyncPlan[]>().map((p) => p.id)
  }
  const pulled = async (as: SignedIn, id: string, after = 0): Promise<{ plans: SyncPlan[]; cursor: number }> => {
    const r = await w.server.app.inject({ method: 'GET', url: `${API.pull}?after=${after}&limit=5000`, headers: as.readHeaders })
    const page = r.json<PullResponse>()
    return { plans: page.changes.flatMap((c) => (c.kind === 'plan' && c.plan.id === id ? [c.plan] : [])), cursor: page.cursor }
  }
  const stored = async (id: string): Promise<number> => (await w.server.db.query('select 1 from plans where id = $1', [id])).length

  it('stores a plan with the assignees’ names and the server’s time, lists and sends it to the people of its scope, and audits it', async () => {
    const inspector = w.people.inspector
    const plan = planInput({ assignees: { 'room-in': inspector.userId } })
    const r = await post(admin(), plan)
    expect(r.statusCode).toBe(201)
    const saved = r.json<SyncPlan>()
    expect(saved).toEqual({ ...plan, people: { [inspector.userId]: 'inspector name' }, updatedAt: w.server.clock.now.toISOString() })

    const outsider = await member(w, 'viewer', 'b5')
    for (const actor of ['admin', 'designer', 'inspector', 'reviewer', 'viewer'] as const) expect(await list(w.people[actor].session)).toContain(plan.id)
    expect(await list(outsider.session)).not.toContain(plan.id)
    expect((await pulled(inspector.session, plan.id)).plans).toEqual([saved])
    expect((await pulled(outsider.session, plan.id)).plans).toEqual([])

    const audit = await w.server.db.query<{ detail: { planId: string } }>("select detail from audit_log where action = 'planCreated'")
    expect(audit.map((a) => a.detail.planId)).toContain(plan.id)
  })

  it('refuses a plan with every problem pointed at in the body, in Chinese and English, and stores nothing', async () => {
    const plan = planInput({
      templateId: 'no-such-template',
      from: '2026-02-30',
      subjectIds: ['room-in', 'room-out', 'room-nowhere'],
      // A viewer may not fill: the tablet's records would be refused.
      assignees: { 'room-in': w.people.viewer.userId },
    })
    const r = await post(admin(), plan)
    expect(r.statusCode).toBe(400)
    const body = r.json<ApiError>()
    expect(refusal(body)).toEqual([
      'badDate /from',
      'templateNotFound /templateId',
      'subjectOutsidePlan /subjectIds/1',
      'subjectNotFound /subjectIds/2',
      'assigneeCannotFill /assignees/room-in',
    ])
    for (const issue of body.issues!) expect(issue.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
    expect(await stored(plan.id)).toBe(0)

    const shape = await post(admin(), { ...plan, schedule: { type: 'weekly' } as unknown as PlanInput['schedule'] })
    expect(shape.statusCode).toBe(400)
    expect(refusal(shape.json<ApiError>())).toEqual(['invalidRequest /schedule/days'])
    const unknown = await post(admin(), { ...planInput(), assignees: { 'room-in': crypto.randomUUID() } })
    expect(refusal(unknown.json<ApiError>())).toEqual(['assigneeNotFound /assignees/room-in'])
  })

  it('lets a member holding admin on 3号楼 plan there but not on 5号楼, nor move a plan between them', async () => {
    const head = await member(w, 'admin', 'b3')
    const mine = planInput()
    expect((await post(head.session, mine)).statusCode).toBe(201)
    const theirs = planInput({ scopeId: 'b5', subjectIds: ['room-out'] })
    const refused = await post(head.session, theirs)
    expect(refused.statusCode).toBe(403)
    expect(refusal(refused.json<ApiError>())).toEqual(['outOfScope /scopeId'])
    expect(await stored(theirs.id)).toBe(0)

    expect((await post(admin(), theirs)).statusCode).toBe(201)
    // Head of 3号楼 cannot read 5号楼's plan: it is not there for them.
    expect((await put(head.session, { ...theirs, scopeId: 'b3', subjectIds: ['room-in'] })).statusCode).toBe(404)
    // …nor hand their own plan to 5号楼.
    expect((await put(head.session, { ...mine, scopeId: 'b5', subjectIds: ['room-out'] })).statusCode).toBe(403)
    expect((await w.server.db.query<{ scope_id: string }>('select scope_id from plans where id = $1', [mine.id]))[0]!.scope_id).toBe('b3')
  })

  it('reassigns by replacing the plan: the new assignee receives it, and the one taken off receives the change once more', async () => {
    // A department-wide plan: inspectors on 3号楼 do not read 学工部's scope, so only their assignment brings it.
    const first = await member(w, 'inspector', 'b3f3')
    const second = await member(w, 'inspector', 'b3')
    const plan = planInput({ scopeId: 'xgb', subjectIds: ['room-in', 'room-out'], assignees: { 'room-in': first.userId } })
    expect((await post(admin(), plan)).statusCode).toBe(201)
    expect(await list(first.session)).toContain(plan.id)
    expect(await list(second.session)).not.toContain(plan.id)
    expect(await list(w.people.designer.session)).not.toContain(plan.id)
    const before = await pulled(first.session, plan.id)
    expect(before.plans).toHaveLength(1)
    expect((await pulled(w.people.designer.session, plan.id)).plans).toEqual([])

    w.server.clock.advance(60_000)
    const moved = { ...plan, assignees: { 'room-in': second.userId }, overrides: [{ type: 'cancel' as const, date: '2026-03-04' }] }
    const r = await put(admin(), moved)
    expect(r.statusCode).toBe(200)
    expect(r.json<SyncPlan>().people).toEqual({ [second.userId]: `${second.name} name` })
    expect(await list(first.session)).not.toContain(plan.id)
    expect(await list(second.session)).toContain(plan.id)
    const after = await pulled(first.session, plan.id, before.cursor)
    expect(after.plans.map((p) => p.assignees)).toEqual([{ 'room-in': second.userId }])
    expect((await pulled(second.session, plan.id)).plans.map((p) => p.updatedAt)).toEqual([w.server.clock.now.toISOString()])

    const cancelled = await put(admin(), { ...moved, cancelled: true })
    expect(cancelled.json<SyncPlan>().cancelled).toBe(true)
  })

  it('answers 409 to a second POST of an id, 404 to a PUT of an unknown plan, 400 when the ids differ, 403 without CSRF', async () => {
    const plan = planInput()
    expect((await post(admin(), plan)).statusCode).toBe(201)
    const again = await post(admin(), { ...plan, title: '另一个' })
    expect(again.statusCode).toBe(409)
    expect(refusal(again.json<ApiError>())).toEqual(['planExists /id'])
    expect((await put(admin(), planInput({ id: 'plan-nowhere' }))).statusCode).toBe(404)
    expect(refusal((await put(admin(), plan, 'plan-other')).json<ApiError>())).toEqual(['idMismatch /id'])
    const csrf = await w.server.app.inject({ method: 'POST', url: API.plans, headers: admin().readHeaders, payload: planInput() })
    expect(csrf.statusCode).toBe(403)
    const [row] = await w.server.db.query<{ body: SyncPlan }>('select body from plans where id = $1', [plan.id])
    expect(row!.body.title).toBe(plan.title)
  })
})
