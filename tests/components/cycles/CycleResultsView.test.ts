// @vitest-environment happy-dom
// Issue #15 item 3: the results page — the committee's whole table with its actions and the notice
// before release; a branch's own row only once released; the printed 评审汇总表.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import CycleResultsView from '@/views/CycleResultsView.vue'
import CycleSummaryPrintView from '@/views/CycleSummaryPrintView.vue'
import { miniResult, syncCycle, tableOf } from './results-support'
import { mountCyclePage, type ViewWorld } from './views-support'
import { useSyncStore } from '@/stores/sync'
import { report } from '../../stores/sync-helpers'

const COMMITTEE = [{ role: 'admin' as const, scopeId: 'committee:党委' }]
const BRANCH_S2 = [{ role: 'inspector' as const, scopeId: 'branch:S2' }]
// The cycle lists S5 too, which nobody reviewed.
const cycle = (extra = {}) => syncCycle({ subjects: [{ unit: 'S1' }, { unit: 'S2' }, { unit: 'S3' }, { unit: 'S4' }, { unit: 'S5' }], ...extra })

let world: ViewWorld | undefined
afterEach(() => world?.page.unmount())

/** Opens a page, then gives it the league table (core's summary table is tested in core). */
async function open(view: typeof CycleResultsView, path: string, options: Parameters<typeof mountCyclePage>[2]): Promise<ViewWorld> {
  world = await mountCyclePage(view, path, options)
  expect(world.store.state).toBe('ready')
  world.store.table = tableOf(miniResult(), { S1: 1, S2: -1 })
  await flushPromises()
  return world
}

const labels = (page: VueWrapper) => page.findAll('[data-testid=league-table] tbody tr').map((r) => r.attributes('data-subject'))

describe('CycleResultsView', () => {
  it('shows the committee the whole table, the tie legend, quotas, the unreviewed and a notice before release', async () => {
    const { page } = await open(CycleResultsView, '/cycles/mini-2026/results', { grants: COMMITTEE, cycle: cycle() })
    expect(page.get('h1').text()).toBe('评审结果 · 小型评审 2026')
    expect(page.text()).toContain('合分方式：中位数')
    expect(labels(page)).toEqual(['S1', 'S2', 'S3', 'S4'])
    expect(page.findAll('[data-testid=tie-mark]')).toHaveLength(2)
    expect(page.get('[data-testid=cycle-legend]').text()).toContain('“优秀”限额 25%，共 1 个名额')
    expect(page.get('[data-testid=quota-summary]').text()).toContain('优秀')
    expect(page.get('[data-testid=cycle-unreviewed]').text()).toContain('S5')
    expect(page.get('[data-testid=cycle-unreleased]').text()).toBe('结果尚未发布，各支部还看不到评审结果。')
    expect(page.get('[data-testid=cycle-print]').attributes('href')).toBe('/cycles/mini-2026/print')
    expect(page.find('[data-testid=cycle-export]').exists()).toBe(true)
    // The change column only with a previous cycle on this device (none here).
    expect(page.find('[data-testid=change-col]').exists()).toBe(false)
  })

  it('releases after the confirmation and then shows 已发布 with the time', async () => {
    const w = await open(CycleResultsView, '/cycles/mini-2026/results', { grants: COMMITTEE, cycle: cycle() })
    await w.page.get('[data-testid=release-cycle]').trigger('click')
    await w.page.get('[data-testid=confirm]').trigger('click')
    await flushPromises()
    expect(w.released).toEqual(['mini-2026'])
    expect(w.page.get('[data-testid=cycle-released]').text()).toBe('已发布（2026-12-20 10:00）')
  })

  it('shows a panel member the table but no release button', async () => {
    const { page } = await open(CycleResultsView, '/cycles/mini-2026/results', { grants: [{ role: 'reviewer', scopeId: 'branch:S1' }], username: 'a', cycle: cycle() })
    expect(labels(page)).toEqual(['S1', 'S2', 'S3', 'S4'])
    expect(page.find('[data-testid=release-cycle]').exists()).toBe(false)
  })

  it('shows a branch nothing before the release', async () => {
    const { page } = await open(CycleResultsView, '/cycles/mini-2026/results', { grants: BRANCH_S2, cycle: cycle() })
    expect(page.get('[data-testid=branch-waits]').text()).toBe('评审结果尚未发布。发布后这里显示本支部的结果。')
    expect(page.find('[data-testid=league-table]').exists()).toBe(false)
    expect(page.find('[data-testid=cycle-release]').exists()).toBe(false)
    expect(page.find('[data-testid=cycle-unreviewed]').exists()).toBe(false)
  })

  it('shows a branch only its own row once released', async () => {
    const { page } = await open(CycleResultsView, '/cycles/mini-2026/results', { grants: BRANCH_S2, cycle: cycle({ releasedAt: '2026-12-20T02:00:00.000Z' }) })
    expect(labels(page)).toEqual(['S2'])
    expect(page.find('[data-testid=quota-summary]').exists()).toBe(false)
    expect(page.find('[data-testid=cycle-export]').exists()).toBe(false)
  })

  it('follows a pull while open: the release arrives and the branch sees its row', async () => {
    const w = await open(CycleResultsView, '/cycles/mini-2026/results', { grants: BRANCH_S2, cycle: cycle() })
    expect(w.page.find('[data-testid=branch-waits]').exists()).toBe(true)
    w.setCycle(cycle({ releasedAt: '2026-12-20T02:00:00.000Z' }))
    useSyncStore().lastReport = report({ pulled: 1 })
    await vi.waitFor(() => expect(w.store.released).toBe(true))
    w.store.table = tableOf(miniResult())
    await flushPromises()
    expect(labels(w.page)).toEqual(['S2'])
  })

  it('says so for a cycle this device does not hold', async () => {
    world = await mountCyclePage(CycleResultsView, '/cycles/nope/results', { grants: COMMITTEE })
    expect(world.page.get('[role=alert]').text()).toBe('找不到该评审周期（可能尚未同步）。')
  })
})

describe('CycleSummaryPrintView', () => {
  it('prints the table with every reviewer, the tie marks, the date and a signature line per panel member', async () => {
    const { page } = await open(CycleSummaryPrintView, '/cycles/mini-2026/print', { grants: COMMITTEE, cycle: cycle() })
    const sheet = page.get('[data-testid=summary-sheet]')
    expect(sheet.get('h1').text()).toBe('小型评审 2026 · 评审汇总表')
    expect(sheet.get('[data-testid=print-date]').text()).toMatch(/^打印日期：\d{4}-\d{2}-\d{2}$/)
    expect(sheet.findAll('[data-testid=reviewer-col]').map((c) => c.text())).toEqual(['王评委', '李评委', '赵评委', '钱评委'])
    expect(sheet.findAll('[data-testid=tie-mark]')).toHaveLength(2)
    expect(sheet.find('[data-testid=cycle-legend]').exists()).toBe(true)
    // On paper no links: the branch is plain text.
    expect(sheet.findAll('tbody a')).toHaveLength(0)
    const signers = sheet.findAll('[data-testid=panel-signatures] .sign').map((s) => s.text())
    expect(signers).toEqual(['王评委', '李评委', '赵评委', '钱评委', '日期'])
    // happy-dom has no window.print: the browser's dialog is stood in for.
    const print = vi.fn()
    vi.stubGlobal('print', print)
    await page.get('[data-testid=print-now]').trigger('click')
    expect(print).toHaveBeenCalledOnce()
    vi.unstubAllGlobals()
  })

  it('prints nothing for a branch before the release', async () => {
    const { page } = await open(CycleSummaryPrintView, '/cycles/mini-2026/print', { grants: BRANCH_S2, cycle: cycle() })
    expect(page.find('[data-testid=branch-waits]').exists()).toBe(true)
    expect(page.find('[data-testid=summary-sheet]').exists()).toBe(false)
  })
})
