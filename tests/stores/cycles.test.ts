// @vitest-environment happy-dom
/**
 * The cycles store (#15) over an in-memory device and a fake server: the list, one cycle joined
 * with its branches' progress and evidence, who does what (branch, panel, committee), saving
 * through the server, and the home page's lines. The core's arithmetic is stood in for
 * (cycle-fakes.ts): these tests check the store's part.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { CycleInput, PersonSummary, SyncCycle } from '@/core/sync/protocol'
import type { CyclesApi } from '@/io/api'
import { TransportError } from '@/sync/transport'
import { cycleBranches, editScopes, fillsFor, isCommittee, toCycleInput, useCyclesStore } from '@/stores/cycles'
import { BRANCHES, cycle, cycleResponse, fakeRepo } from './cycle-fakes'
import { session, signedInBefore } from './sync-helpers'

vi.mock('@/core/cycles', async (original) => {
  const fakes = await import('./cycle-fakes')
  return { ...(await original<typeof import('@/core/cycles')>()), cycleProgress: vi.fn(fakes.fakeProgress), evidenceCompleteness: vi.fn(fakes.fakeEvidence) }
})

const DEC_12 = Date.parse('2026-12-12T00:00:00.000Z')

function fakeApi() {
  const sent: { method: 'create' | 'update'; input: CycleInput }[] = []
  let fail: TransportError | null = null
  const stamp = (input: CycleInput): SyncCycle => ({ ...input, people: { wang: '王老师' }, updatedAt: '2026-12-02T00:00:00.000Z' })
  const api: CyclesApi = {
    list: async () => [cycle({ id: 'from-server', title: '服务器上的评审' })],
    create: async (input) => {
      if (fail) throw fail
      sent.push({ method: 'create', input })
      return stamp(input)
    },
    update: async (input) => (sent.push({ method: 'update', input }), stamp(input)),
    release: async () => {
      throw new Error('not used')
    },
  }
  return { api, sent, failWith: (e: TransportError) => (fail = e) }
}

function setup(grants: { role: 'admin' | 'inspector' | 'reviewer' | 'viewer'; scopeId: string }[], username = 'zhang', responses = [] as ReturnType<typeof cycleResponse>[]) {
  localStorage.clear()
  signedInBefore(session({ user: { id: `u-${username}`, username, displayName: username, role: 'member' }, grants }))
  setActivePinia(createPinia())
  const device = fakeRepo([cycle()], responses)
  const server = fakeApi()
  const people: PersonSummary[] = [{ id: 'u-wang', username: 'wang', displayName: '王老师', grants: [] }]
  const store = useCyclesStore()
  store.configure({ repo: device.repo, api: () => server.api, people: async () => people, now: () => DEC_12 })
  return { store, device, server }
}

beforeEach(() => localStorage.clear())

describe('cycle helpers', () => {
  it('takes a branch key from its register entry, and names an entry the device lacks by its id', () => {
    const rows = cycleBranches(cycle({ subjectIds: ['branch:第一党支部', 'branch:gone'] }), BRANCHES)
    expect(rows.map((r) => [r.label, r.keyId !== undefined])).toEqual([['第一党支部', true], ['branch:gone', false]])
  })

  it('lets a person fill for a branch only by a grant on its own scope', () => {
    expect(fillsFor([{ role: 'inspector', scopeId: 'branch:第一党支部' }], BRANCHES[0])).toBe(true)
    expect(fillsFor([{ role: 'reviewer', scopeId: 'branch:第一党支部' }], BRANCHES[0])).toBe(false)
    // A committee admin is the committee, not the branch.
    expect(fillsFor([{ role: 'admin', scopeId: 'committee:学院党委' }], BRANCHES[0])).toBe(false)
  })

  it('takes an admin above the branches for the committee, and a branch’s own admin for the branch', () => {
    expect(isCommittee([{ role: 'admin', scopeId: 'committee:学院党委' }], cycle())).toBe(true)
    expect(isCommittee([{ role: 'admin', scopeId: 'college:学院' }], cycle())).toBe(true)
    expect(isCommittee([{ role: 'admin', scopeId: 'branch:第一党支部' }], cycle())).toBe(false)
    expect(isCommittee([{ role: 'viewer', scopeId: 'committee:学院党委' }], cycle())).toBe(false)
  })

  it('finds the scopes where cycles may be created, and strips server fields from an input', () => {
    expect(editScopes([{ role: 'admin', scopeId: 'a' }, { role: 'inspector', scopeId: 'b' }, { role: 'admin', scopeId: 'a' }])).toEqual(['a'])
    const input = toCycleInput({ ...cycle(), releasedAt: '2026-12-30T00:00:00.000Z' })
    expect(input).not.toHaveProperty('people')
    expect(input).not.toHaveProperty('releasedAt')
    expect(input).not.toHaveProperty('updatedAt')
  })
})

describe('useCyclesStore', () => {
  it('opens a cycle: each branch with its self-assessment state and evidence, in the cycle order', async () => {
    const responses = [cycleResponse('s1', 'self', '第一党支部', 'submitted', '书记', 2), cycleResponse('s2', 'self', '第二党支部', 'draft', '书记', 3), cycleResponse('r1', 'review', '第一党支部', 'submitted', 'wang')]
    const { store } = setup([{ role: 'inspector', scopeId: 'branch:第一党支部' }], 'zhang', responses)
    const state = await store.open('c1')
    expect(state?.template?.title).toBe('红旗党支部考评细则')
    expect(state?.rows.map((r) => [r.label, r.self, r.selfId, r.evidence?.complete, r.submittedReviews])).toEqual([
      ['第一党支部', 'submitted', 's1', 2, 1],
      ['第二党支部', 'draft', 's2', 3, 0],
      ['第三党支部', 'none', undefined, undefined, 0],
    ])
    expect(store.myBranches.map((r) => r.label)).toEqual(['第一党支部'])
    expect(store.onPanel).toBe(false)
    expect(store.seesProgress).toBe(false)
  })

  it('knows a panel member and the committee', async () => {
    const panel = setup([{ role: 'reviewer', scopeId: 'committee:学院党委' }], 'wang')
    await panel.store.open('c1')
    expect([panel.store.onPanel, panel.store.seesProgress, panel.store.myBranches.length]).toEqual([true, true, 0])
    const committee = setup([{ role: 'admin', scopeId: 'committee:学院党委' }], 'chen')
    await committee.store.open('c1')
    expect([committee.store.onPanel, committee.store.seesProgress, committee.store.canCreate]).toEqual([false, true, true])
  })

  it('opens the cycle as last stored: a pull that released it shows at the next open', async () => {
    const { store, device } = setup([])
    await store.open('c1')
    device.held.set('c1', cycle({ releasedAt: '2026-12-25T00:00:00.000Z' }))
    expect((await store.open('c1'))?.cycle.releasedAt).toBe('2026-12-25T00:00:00.000Z')
  })

  it('yields null for a cycle the device does not hold', async () => {
    const { store } = setup([])
    expect(await store.open('nope')).toBeNull()
    expect(store.current).toBeNull()
  })

  it('creates a cycle on the server and keeps the reply for offline lists', async () => {
    const { store, server, device } = setup([{ role: 'admin', scopeId: 'committee:学院党委' }])
    const input = toCycleInput(cycle({ id: 'c2', title: '新评审' }))
    const saved = await store.save(input, true)
    expect(server.sent).toEqual([{ method: 'create', input }])
    expect(saved?.people).toEqual({ wang: '王老师' })
    expect(device.held.get('c2')?.updatedAt).toBe('2026-12-02T00:00:00.000Z')
    expect(store.cycles.map((c) => c.id).sort()).toEqual(['c1', 'c2'])
    await store.save({ ...input, title: '改名' }, false)
    expect(server.sent[1]?.method).toBe('update')
  })

  it('keeps a refusal for the page and stores nothing', async () => {
    const { store, server, device } = setup([{ role: 'admin', scopeId: 'committee:学院党委' }])
    const refusal = new TransportError('forbidden', 'no', { code: 'access.denied', pointer: '', severity: 'error', message: { 'zh-CN': '无权限', en: 'Not allowed' } }, 403)
    server.failWith(refusal)
    expect(await store.save(toCycleInput(cycle({ id: 'c3' })), true)).toBeUndefined()
    expect(store.error?.issue?.message['zh-CN']).toBe('无权限')
    expect(device.held.has('c3')).toBe(false)
    expect(store.busy).toBe(false)
  })

  it('refreshes the list from the server when signed in, and loads the people', async () => {
    const { store, device } = setup([{ role: 'admin', scopeId: 'committee:学院党委' }])
    await store.refresh()
    expect(device.held.has('from-server')).toBe(true)
    expect(store.cycles.map((c) => c.id)).toContain('from-server')
    await store.loadPeople()
    expect(store.personName('wang')).toBe('王老师')
    expect(store.personName('li', cycle())).toBe('李老师')
    expect(store.personName('nobody')).toBe('nobody')
  })

  it('lists the home page lines: a branch’s self-assessment overdue, a panel member’s reviews pending', async () => {
    const responses = [cycleResponse('s1', 'self', '第一党支部', 'draft', '书记'), cycleResponse('r1', 'review', '第二党支部', 'submitted', 'wang')]
    const { store } = setup([{ role: 'inspector', scopeId: 'branch:第一党支部' }, { role: 'inspector', scopeId: 'branch:第二党支部' }], 'wang', responses)
    const items = await store.homeItems()
    expect(items.map((i) => (i.kind === 'self' ? [i.kind, i.branch, i.status, i.overdue] : [i.kind, i.pending, i.of, i.overdue]))).toEqual([
      ['self', '第一党支部', 'draft', true],
      ['self', '第二党支部', 'none', true],
      ['review', 2, 3, false],
    ])
  })

  it('leaves released cycles off the home page', async () => {
    const { store, device } = setup([{ role: 'inspector', scopeId: 'branch:第一党支部' }], 'wang')
    device.held.set('c1', cycle({ releasedAt: '2026-12-25T00:00:00.000Z' }))
    expect(await store.homeItems()).toEqual([])
  })
})

