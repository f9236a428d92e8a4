/**
 * The cycle results store over injected fakes (the cycle, its responses and the template as the
 * device would hold them), evaluated by the real core over the hand-checked red-flag panel. In
 * node (the fixture loader reads files by path), with the session set on the account store.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { summaryTable, type CycleResult, type SummaryTable } from '@/core/cycles'
import type { Response } from '@/core/format/types'
import type { SessionInfo, SyncCycle } from '@/core/sync/protocol'
import type { CycleResponse } from '@/db/repositories/cycles'
import type { RegisterRow, ResponseRow } from '@/db/rows'
import type { CyclesApi } from '@/io/api'
import { TransportError } from '@/sync/transport'
import { useCycleResultsStore, type CycleSource } from '@/stores/cycle-results'
import { redFlagFixture } from '../core/cycles/builders'
import { useAccountStore } from '@/stores/account'
import { session } from './sync-helpers'

const cycleXlsx = vi.hoisted(() => ({ cycleWorkbook: vi.fn(async (_sheets: Array<{ title: string }>, _labels: unknown) => new Blob(['xlsx'])) }))
vi.mock('@/io/export/cycle-xlsx', () => cycleXlsx)

const fixture = redFlagFixture()
const BRANCHES = ['一支部', '二支部', '三支部', '四支部', '五支部', '六支部']

function syncCycle(extra: Partial<SyncCycle> = {}): SyncCycle {
  return {
    ...fixture.cycle,
    scopeId: 'committee:党委',
    subjectIds: BRANCHES.map((b) => `branch:${b}`),
    people: { p1: '王评委', p2: '李评委', p3: '赵评委', p4: '钱评委', p5: '孙评委' },
    updatedAt: '2026-12-16T00:00:00.000Z',
    ...extra,
  }
}

/** Only the row's id is read by the store; the rest of a row does not matter here. */
const asRow = (id: string): ResponseRow => ({ id }) as ResponseRow
const held = (responses: readonly Response[], prefix: string): CycleResponse[] =>
  responses.map((response, i) => ({ row: asRow(`${prefix}-${i}`), response }))

function branchRow(name: string): RegisterRow {
  return { id: `branch:${name}`, kind: 'branch', scopeId: `branch:${name}`, fields: { branch: name }, label: name, importedAt: '2026-01-01T00:00:00.000Z' }
}

interface World {
  cycles: Map<string, SyncCycle>
  responses: Map<string, CycleResponse[]>
  saved: SyncCycle[]
  released: string[]
  releaseFails?: TransportError
}

function setup(grants: SessionInfo['grants'], extra: Partial<World> = {}) {
  setActivePinia(createPinia())
  useAccountStore().session = session({ user: { id: 'u1', username: 'chen', displayName: '陈书记', role: 'member' }, grants })
  const world: World = {
    cycles: new Map([['hq-2026', syncCycle()]]),
    responses: new Map([['hq-2026', held(fixture.responses, 'r')]]),
    saved: [],
    released: [],
    ...extra,
  }
  const source: CycleSource = {
    cycle: async (id) => world.cycles.get(id),
    responses: async (id) => world.responses.get(id) ?? [],
    template: async (id, version) => (id === fixture.template.id && version === fixture.template.version ? fixture.template : undefined),
    register: async (ids) => new Map(ids.map((id) => [id, branchRow(id.slice('branch:'.length))])),
    save: async (c) => world.saved.push(c),
  }
  const api: CyclesApi = {
    list: async () => [...world.cycles.values()],
    create: async () => Promise.reject(new Error('not here')),
    update: async () => Promise.reject(new Error('not here')),
    release: async (id) => {
      if (world.releaseFails) throw world.releaseFails
      world.released.push(id)
      return { ...world.cycles.get(id)!, releasedAt: '2026-12-20T02:00:00.000Z', updatedAt: '2026-12-20T02:00:00.000Z' }
    },
  }
  const download = vi.fn()
  const store = useCycleResultsStore()
  store.configure({ source, api: () => api, download })
  return { store, world, download }
}

const LABELS = { rank: '名次', subject: '支部', reviewer: (n: string) => n, total: '综合', percent: '%', self: '自评', selfDifference: '差', band: '等次', quotaTie: '并列超额', vetoed: '一票否决', rankChange: '变化' }
const COMMITTEE = [{ role: 'admin' as const, scopeId: 'committee:党委' }]
const leagueOf = (r: CycleResult | null) => r?.subjects.map((s) => [s.key.branch, s.total, s.band, s.rank, s.vetoed])

beforeEach(() => cycleXlsx.cycleWorkbook.mockClear())

describe('useCycleResultsStore', () => {
  it("evaluates the red-flag panel as the CLI does, and builds core's summary table from it", async () => {
    const { store } = setup(COMMITTEE)
    await store.load('hq-2026')
    expect(store.state).toBe('ready')
    // The CLI's output for the same responses (tests/cli/qingdan.test.ts, hand-checked in tests/core/cycles/fixtures.test.ts).
    expect(leagueOf(store.result)).toEqual([
      ['一支部', 98.22, '红旗党支部', 1, false],
      ['三支部', 97.58, '优秀', 2, false],
      ['四支部', 97.05, '优秀', 3, false],
      ['二支部', 97.33, '优秀', 4, true],
      ['五支部', 55.6, '不合格', 5, true],
    ])
    expect(store.result?.unreviewed).toEqual([{ key: { branch: '六支部' }, self: null }])
    expect(store.result?.quotas).toEqual([{ band: '红旗党支部', maxPercent: 30, places: 1, kept: 1, demoted: 1 }])
    expect(store.previous).toBeNull()
    expect(store.table).toEqual(summaryTable(store.cycle!, store.result!))
    // Every response is known by its row's id, so the panel view can link a self-assessment.
    expect(store.responses.map((r) => r.id)).toEqual(fixture.responses.map((_, i) => `r-${i}`))
  })

  it('evaluates the previous cycle when the device holds it and passes it to the summary table', async () => {
    // Last year: only the first three reviews of each branch.
    const lastYear = fixture.responses.filter((r) => r.role === 'self' || ['p1', 'p2', 'p3'].includes(r.inspector ?? ''))
    const { store } = setup(COMMITTEE, {
      cycles: new Map([
        ['hq-2026', syncCycle({ previous: 'hq-2025' })],
        ['hq-2025', syncCycle({ id: 'hq-2025', title: '2025年度红旗党支部评审' })],
      ]),
      responses: new Map([['hq-2026', held(fixture.responses, 'r')], ['hq-2025', held(lastYear, 'old')]]),
    })
    await store.load('hq-2026')
    expect(store.previous?.cycle.id).toBe('hq-2025')
    // 一支部 S R W → (100.55 + 96.1 + 98) / 3 = 98.22 (three reviews: the plain mean).
    expect(store.previous?.result.subjects.find((s) => s.key.branch === '一支部')?.total).toBe(98.22)
    expect(store.table).toEqual(summaryTable(store.cycle!, store.result!, store.previous!.result))
    // The export: a sheet per cycle, this one first.
    await store.exportXlsx(LABELS)
    const sheets = cycleXlsx.cycleWorkbook.mock.calls[0]?.[0]
    expect(sheets?.map((s) => s.title)).toEqual(['2026年度红旗党支部评审', '2025年度红旗党支部评审'])
  })

  it('has no previous result when the previous cycle is not on this device', async () => {
    const { store } = setup(COMMITTEE, { cycles: new Map([['hq-2026', syncCycle({ previous: 'hq-2025' })]]) })
    await store.load('hq-2026')
    expect(store.state).toBe('ready')
    expect(store.previous).toBeNull()
  })

  it('says when the cycle or its template version is not on this device', async () => {
    const { store, world } = setup(COMMITTEE)
    await store.load('nope')
    expect(store.state).toBe('missing')
    world.cycles.set('other', syncCycle({ id: 'other', template: { id: 'red-flag-party-branch', version: 9 } }))
    await store.load('other')
    expect(store.state).toBe('noTemplate')
    expect(store.cycle?.id).toBe('other')
    expect(store.table).toBeNull()
  })

  it('releases through the server for the committee and keeps the reply', async () => {
    const { store, world } = setup(COMMITTEE)
    await store.load('hq-2026')
    expect(store.viewer).toBe('committee')
    expect(store.mayRelease).toBe(true)
    expect(store.released).toBe(false)
    await store.release()
    expect(world.released).toEqual(['hq-2026'])
    expect(world.saved.map((c) => c.releasedAt)).toEqual(['2026-12-20T02:00:00.000Z'])
    expect(store.released).toBe(true)
  })

  it('shows the server’s refusal and keeps nothing', async () => {
    const refusal = new TransportError('forbidden', 'no', { code: 'outOfScope', pointer: '/scopeId', severity: 'error', message: { 'zh-CN': '你在范围没有这项权限。', en: 'You may not.' } })
    const { store, world } = setup(COMMITTEE, { releaseFails: refusal })
    await store.load('hq-2026')
    expect(await store.release()).toBeUndefined()
    expect(store.error).toBe(refusal)
    expect(world.saved).toEqual([])
    expect(store.released).toBe(false)
  })

  it('does not release for a panel member without register.edit', async () => {
    const { store, world } = setup([{ role: 'reviewer', scopeId: 'branch:一支部' }])
    await store.load('hq-2026')
    expect(store.mayRelease).toBe(false)
    await store.release()
    expect(world.released).toEqual([])
  })

  it('counts a panel member as panel (the whole table) and a branch secretary as a branch', async () => {
    const panel = setup([{ role: 'reviewer', scopeId: 'branch:一支部' }])
    panel.world.cycles.set('hq-2026', syncCycle({ panel: { ...fixture.cycle.panel, members: ['chen'] } }))
    await panel.store.load('hq-2026')
    expect(panel.store.viewer).toBe('panel')

    const branch = setup([{ role: 'inspector', scopeId: 'branch:三支部' }])
    await branch.store.load('hq-2026')
    expect(branch.store.viewer).toBe('branch')
    expect([...branch.store.ownSubjects]).toEqual([JSON.stringify(['三支部'])])
  })

  it('shows a branch only its own row, and only once released', async () => {
    const { store, world } = setup([{ role: 'inspector', scopeId: 'branch:三支部' }])
    await store.load('hq-2026')
    const rowOf = (label: string) => ({ rank: 1, label, key: { branch: label }, totals: [], total: 90, percent: 90, self: null, selfDifference: null, band: null, quotaTie: false, quotaDemoted: false, vetoed: false, rankChange: null, totalChange: null })
    const table: SummaryTable = { reviewers: [], rows: ['一支部', '三支部'].map(rowOf) }
    store.table = table
    expect(store.visibleRows).toEqual([])
    expect(store.detail('三支部')).toBeNull()
    world.cycles.set('hq-2026', syncCycle({ releasedAt: '2026-12-20T02:00:00.000Z' }))
    await store.load('hq-2026')
    store.table = table
    expect(store.visibleRows.map((r) => r.label)).toEqual(['三支部'])
  })

  it('exports the table as one sheet named by the cycle, with the panel’s names, and downloads it', async () => {
    const { store, download } = setup(COMMITTEE)
    await store.load('hq-2026')
    await store.exportXlsx(LABELS)
    expect(cycleXlsx.cycleWorkbook).toHaveBeenCalledWith([{ title: '2026年度红旗党支部评审', table: store.table, people: store.cycle!.people }], LABELS)
    expect(download).toHaveBeenCalledWith(expect.any(Blob), '2026年度红旗党支部评审.xlsx')
  })
})
