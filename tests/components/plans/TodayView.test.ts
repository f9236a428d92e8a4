// @vitest-environment happy-dom
// Issue #14: 今日待检 — the signed-in inspector's rooms of today, from synced plans, offline.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import TodayView from '@/views/TodayView.vue'
import { SESSION_STORAGE_KEY } from '@/stores/account'
import { mountFill } from '../fill/mountWith'
import { submitted } from '../../db/plan-builders'
import { dormTemplate, planWorld, type PlanWorld } from './support'

let world: PlanWorld
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 20))
  world.db.close()
})

async function mountToday() {
  const page = mountFill(TodayView, { global: { plugins: [world.pinia, world.router] } })
  await vi.waitFor(() => expect(page.find('[data-testid=today-list], [data-testid=today-empty], [data-testid=today-signed-out]').exists()).toBe(true))
  await flushPromises()
  return page
}

describe('今日待检', () => {
  it("lists the inspector's rooms with their states, each starting the plan's checklist on that room", async () => {
    world = await planWorld()
    await world.db.responses.add(submitted('a', 'room:3号楼/301', '2026-12-02T02:00:00.000Z', { templateId: dormTemplate.id }))
    const page = await mountToday()
    const rows = page.findAll('[data-testid=today-list] li')
    expect(rows.map((r) => r.get('.label').text())).toEqual(['3号楼 301', '3号楼 302'])
    expect(rows.map((r) => r.get('[data-state]').text())).toEqual(['已完成', '待检查'])
    expect(page.get('[data-testid=today-summary]').text()).toBe('共 2 间，已完成 1 间')
    expect(rows[1]?.text()).toContain('18:00 截止')
    const href = new URL(rows[1]?.get('a').attributes('href') ?? '', 'http://x')
    expect(href.pathname).toBe(`/fill/new/${dormTemplate.id}/${dormTemplate.version}`)
    expect(href.searchParams.get('subject')).toBe('room:3号楼/302')
  })

  it('marks a room not done after the due time as overdue', async () => {
    world = await planWorld(Date.parse('2026-12-02T11:00:00.000Z'))
    const page = await mountToday()
    expect(page.findAll('[data-testid=today-list] [data-state]').map((b) => b.attributes('data-state'))).toEqual(['overdue', 'overdue'])
    expect(page.findAll('[data-testid=today-list] li.overdue')).toHaveLength(2)
  })

  it('says there is nothing today on a day the plan does not fall on', async () => {
    world = await planWorld(Date.parse('2026-12-03T04:00:00.000Z'))
    const page = await mountToday()
    expect(page.get('[data-testid=today-empty]').text()).toBe('今天没有分配给你的检查。')
  })

  it('asks to sign in without a session', async () => {
    world = await planWorld()
    localStorage.removeItem(SESSION_STORAGE_KEY)
    const { createPinia, setActivePinia } = await import('pinia')
    world.pinia = createPinia()
    setActivePinia(world.pinia)
    const page = await mountToday()
    expect(page.find('[data-testid=today-signed-out]').exists()).toBe(true)
    expect(page.find('[data-testid=today-list]').exists()).toBe(false)
  })
})
