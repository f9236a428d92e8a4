// @vitest-environment happy-dom
// Issue #14: 覆盖 — a plan's coverage per period, by building, floor and inspector, missing rooms listed.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import CoverageView from '@/views/CoverageView.vue'
import { mountFill } from '../fill/mountWith'
import { plan, submitted } from '../../db/plan-builders'
import { applyChanges } from '@/db/repositories/sync'
import { useSyncStore } from '@/stores/sync'
import { report } from '../../stores/sync-helpers'
import { dormTemplate, planWorld, type PlanWorld } from './support'

let world: PlanWorld
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 20))
  world.db.close()
})

async function openCoverage(planId = 'p1'): Promise<VueWrapper> {
  world.router.addRoute({ path: '/plans/:planId/coverage', name: 'plan-coverage', component: CoverageView })
  await world.router.push(`/plans/${planId}/coverage`)
  const App = defineComponent({ render: () => h(RouterView) })
  const page = mountFill(App, { global: { plugins: [world.pinia, world.router] } })
  await vi.waitFor(() => expect(page.find('[data-testid=coverage-counts], [role=alert]').exists()).toBe(true))
  await flushPromises()
  return page
}

const counts = (page: VueWrapper) => Object.fromEntries(page.findAll('[data-count]').map((tile) => [tile.attributes('data-count'), Number(tile.get('.n').text())]))
const rowsOf = (page: VueWrapper, testid: string) =>
  page.get(`[data-testid=${testid}]`).findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))

describe('覆盖', () => {
  it("counts this week's checks, by building, floor and inspector, and lists the missing rooms overdue first", async () => {
    // Thursday 12-03: Wednesday's checks are past their due time.
    world = await planWorld(Date.parse('2026-12-03T04:00:00.000Z'))
    await world.db.responses.bulkAdd([
      submitted('a', 'room:3号楼/301', '2026-12-02T02:00:00.000Z', { templateId: dormTemplate.id }),
      submitted('b', 'room:3号楼/302', '2026-12-02T12:00:00.000Z', { templateId: dormTemplate.id }),
    ])
    const page = await openCoverage()
    expect(page.get('[data-testid=coverage-window]').text()).toBe('2026-11-30 至 2026-12-06')
    expect(counts(page)).toEqual({ total: 3, done: 1, late: 1, overdue: 1, due: 0 })
    expect(page.get('[data-count=overdue]').classes()).toContain('alert')
    expect(rowsOf(page, 'coverage-by-floor')).toEqual([
      ['3号楼 · 3', '2', '1', '1', '0', '0'],
      ['3号楼 · 4', '1', '0', '0', '1', '0'],
    ])
    // Assignees named from the plan's `people`, so offline too.
    expect(rowsOf(page, 'coverage-by-inspector').map((r) => r[0])).toEqual(['李老师', '张老师'])
    const missing = page.findAll('[data-testid=coverage-missing] li')
    expect(missing.map((m) => [m.attributes('data-subject'), m.classes('overdue')])).toEqual([['room:3号楼/401', true]])
    expect(missing[0]?.text()).toContain('3号楼 401')
    expect(missing[0]?.text()).toContain('已逾期')
  })

  it('recounts over the whole plan when the period changes', async () => {
    world = await planWorld(Date.parse('2026-12-03T04:00:00.000Z'))
    const page = await openCoverage()
    await page.get('[data-testid=period-plan]').setValue(true)
    await vi.waitFor(() => expect(page.get('[data-testid=coverage-window]').text()).toBe('2026-11-30 至 2026-12-20'))
    // Three Wednesdays × three rooms: the first overdue, the other two still due.
    expect(counts(page)).toEqual({ total: 9, done: 0, late: 0, overdue: 3, due: 6 })
    expect(page.findAll('[data-testid=coverage-missing] li.overdue')).toHaveLength(3)
  })

  it('says so for a plan this device does not hold', async () => {
    world = await planWorld()
    const page = await openCoverage('nope')
    expect(page.get('[role=alert]').text()).toBe('找不到该计划（可能尚未同步）。')
  })

  it('shows a plan that arrives with a pull while the page is open, and recounts after a pull', async () => {
    world = await planWorld(Date.parse('2026-12-03T04:00:00.000Z'))
    const page = await openCoverage('p2')
    expect(page.get('[role=alert]').text()).toBe('找不到该计划（可能尚未同步）。')
    await applyChanges(world.db, [{ kind: 'plan', cursor: 9, plan: plan({ id: 'p2', templateId: dormTemplate.id }) }])
    useSyncStore().lastReport = report({ pulled: 1 })
    await vi.waitFor(() => expect(page.find('[data-testid=coverage-counts]').exists()).toBe(true))
    expect(counts(page)).toMatchObject({ total: 3, done: 0 })

    await world.db.responses.add(submitted('a', 'room:3号楼/301', '2026-12-02T02:00:00.000Z', { templateId: dormTemplate.id }))
    useSyncStore().lastReport = report({ pulled: 1 })
    await vi.waitFor(() => expect(counts(page)).toMatchObject({ total: 3, done: 1 }))
  })
})
