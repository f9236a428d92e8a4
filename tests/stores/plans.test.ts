// @vitest-environment happy-dom
/**
 * The plans store against a fake server speaking the contract (src/core/sync/protocol.ts) through
 * the real API client, and a fake-indexeddb database.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { API, CSRF_HEADER, type PersonSummary, type PlanInput, type SyncPlan } from '@/core/sync/protocol'
import { createApiClient, plansApi } from '@/io/api'
import { setDb } from '@/db'
import { applyChanges } from '@/db/repositories/sync'
import { usePlansStore } from '@/stores/plans'
import { freshDb } from '../db/helpers'
import { plan, room, submitted } from '../db/plan-builders'
import { fakeFetch, session, signedInBefore } from './sync-helpers'

const people: PersonSummary[] = [{ id: 'u-zhang', username: 'zhang', displayName: '张老师', grants: [{ role: 'inspector', scopeId: 'floor:3号楼/3' }] }]

/** A server holding plans in memory; it stamps `people` and `updatedAt` as the real one does. */
function fakeServer() {
  const held = new Map<string, SyncPlan>()
  const sent: { method: string; body?: PlanInput; csrf?: string }[] = []
  let clock = Date.parse('2026-12-01T00:00:00.000Z')
  const stamp = (input: PlanInput): SyncPlan => {
    clock += 1000
    const out = { ...input, people: Object.fromEntries(Object.values(input.assignees).map((id) => [id, id === 'u-zhang' ? '张老师' : id])), updatedAt: new Date(clock).toISOString() }
    held.set(input.id, out)
    return out
  }
  const body = (init: RequestInit) => JSON.parse(String(init.body)) as PlanInput
  const record = (method: string, init: RequestInit) => sent.push({ method, body: body(init), csrf: new Headers(init.headers).get(CSRF_HEADER) ?? undefined })
  const routes: Parameters<typeof fakeFetch>[0] = {
    [`GET ${API.plans}`]: () => ({ body: [...held.values()] }),
    [`GET ${API.people}`]: () => ({ body: people }),
    [`POST ${API.plans}`]: (init) => (record('POST', init), { body: stamp(body(init)) }),
  }
  const fetch = fakeFetch(
    new Proxy(routes, {
      get: (target, key: string) =>
        target[key] ??
        (key.startsWith(`PUT ${API.plans}/`) ? (init: RequestInit) => (record('PUT', init), { body: stamp(body(init)) }) : undefined),
    }),
  )
  return { held, sent, fetch, stamp }
}

const NOON_WED = Date.parse('2026-12-02T04:00:00.000Z')

function setup(signedIn = true) {
  localStorage.clear()
  if (signedIn) signedInBefore(session({ user: { id: 'u-zhang', username: 'zhang', displayName: '张老师', role: 'member' } }))
  setActivePinia(createPinia())
  const db = freshDb()
  setDb(db)
  const server = fakeServer()
  const store = usePlansStore()
  let ids = 0
  store.configure({
    api: () => plansApi(createApiClient({ baseUrl: '', csrfToken: () => 'csrf-1', fetch: server.fetch })),
    now: () => NOON_WED,
    newId: () => `plan-${++ids}`,
  })
  return { db, server, store }
}

beforeEach(() => localStorage.clear())

describe('usePlansStore', () => {
  it('creates a plan on the server with the CSRF token and keeps the reply for offline lists', async () => {
    const { store, server, db } = setup()
    const input = { ...plan(), id: 'p9' } as SyncPlan
    const { people: _p, updatedAt: _u, ...body } = input
    const saved = await store.save(body, true)
    expect(saved?.people).toEqual({ 'u-zhang': '张老师', 'u-li': 'u-li' })
    expect(server.sent[0]).toMatchObject({ method: 'POST', csrf: 'csrf-1' })
    expect(server.sent[0]?.body).not.toHaveProperty('updatedAt')
    expect((await db.plans.get('p9'))?.updatedAt).toBe(saved?.updatedAt)
    expect(store.plans.map((p) => p.id)).toEqual(['p9'])
  })

  it('refreshes the plans and the people from the server', async () => {
    const { store, server } = setup()
    server.stamp({ ...plan(), id: 'from-server' })
    await store.refresh()
    await store.loadPeople()
    expect(store.plans.map((p) => p.id)).toEqual(['from-server'])
    expect(store.people.map((p) => p.displayName)).toEqual(['张老师'])
  })

  it('draws a surprise inspection for today, reproducibly from its id, as a once-plan', async () => {
    const { store, server } = setup()
    const pool = ['a', 'b', 'c', 'd', 'e', 'f']
    const made = await store.surprise({ title: '抽查', templateId: 'dorm', scopeId: 'building:3号楼', pool, count: 2, assigneeOf: () => 'u-zhang', dueTime: '21:00' })
    expect(made?.schedule).toEqual({ type: 'once', date: '2026-12-02' })
    expect(made?.from).toBe('2026-12-02')
    expect(made?.subjectIds).toHaveLength(2)
    expect(new Set(made?.subjectIds).size).toBe(2)
    expect(made?.subjectIds.every((s) => pool.includes(s))).toBe(true)
    expect(Object.values(made?.assignees ?? {})).toEqual(['u-zhang', 'u-zhang'])
    // Drawn again with the same id and day: the same rooms.
    const { drawSample } = await import('@/core/plans')
    expect(made?.subjectIds).toEqual(drawSample(pool, 2, 'plan-1/2026-12-02'))
    expect(server.sent).toHaveLength(1)
  })

  it('reassigns, cancels a day and cancels the plan by PUTting the whole plan with an override', async () => {
    const { store, server } = setup()
    const p = server.stamp(plan())
    await store.reassign(p, 'room:3号楼/302', 'u-li', '2026-12-02')
    const afterReassign = server.held.get('p1')!
    await store.cancelDay(afterReassign, '2026-12-09')
    const afterCancel = server.held.get('p1')!
    await store.cancelPlan(afterCancel)
    expect(server.sent.map((s) => s.method)).toEqual(['PUT', 'PUT', 'PUT'])
    expect(server.sent[1]?.body?.overrides).toEqual([
      { type: 'reassign', subjectId: 'room:3号楼/302', assignee: 'u-li', date: '2026-12-02' },
      { type: 'cancel', date: '2026-12-09' },
    ])
    expect(server.sent[2]?.body?.cancelled).toBe(true)
    expect(store.plans[0]?.cancelled).toBe(true)
  })

  it("keeps the server's refusal for the page and stores nothing", async () => {
    const { store, db } = setup()
    store.configure({ api: () => plansApi(createApiClient({ baseUrl: '', csrfToken: () => 'x', fetch: fakeFetch({}) })) })
    expect(await store.save({ ...plan(), id: 'nope' } as PlanInput, true)).toBeUndefined()
    expect(store.error?.failure).toBe('refused')
    expect(await db.plans.count()).toBe(0)
  })

  it("lists the signed-in person's rooms of today from the synced plans, offline", async () => {
    const { store, db } = setup()
    await applyChanges(db, [
      { kind: 'plan', cursor: 1, plan: plan() },
      { kind: 'subject', cursor: 2, subject: room('room:3号楼/301', '3') },
    ])
    await db.responses.add(submitted('a', 'room:3号楼/301', '2026-12-02T02:00:00.000Z'))
    await store.loadToday()
    expect(store.today.map((i) => [i.label, i.state])).toEqual([
      ['3号楼 301', 'done'],
      ['room:3号楼/302', 'due'],
    ])
  })

  it('shows no rooms and edits nothing without a session', async () => {
    const { store, db, server } = setup(false)
    await applyChanges(db, [{ kind: 'plan', cursor: 1, plan: plan() }])
    await store.loadToday()
    await store.refresh()
    expect(store.canEdit).toBe(false)
    expect(store.today).toEqual([])
    expect(server.fetch).not.toHaveBeenCalled()
    expect(store.plans).toHaveLength(1)
  })

  it("gives this week's coverage of the plans running today", async () => {
    const { store, db } = setup()
    await applyChanges(db, [
      { kind: 'plan', cursor: 1, plan: plan() },
      { kind: 'plan', cursor: 2, plan: plan({ id: 'old', from: '2026-01-01', to: '2026-06-30' }) },
    ])
    await store.load()
    const current = await store.currentCoverage()
    expect(current.map((c) => [c.plan.id, c.coverage.report.window, c.coverage.report.counts.total])).toEqual([['p1', { from: '2026-11-30', to: '2026-12-06' }, 3]])
  })
})
