// @vitest-environment happy-dom
// Issue #14: the plans page's changes on the server — a surprise inspection (抽查) drawn for today,
// and one room of one day reassigned — each sent once, whole, and reported on the page.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { PersonSummary, PlanInput, SessionInfo, SyncPlan } from '@/core/sync/protocol'
import PlansView from '@/views/PlansView.vue'
import { SESSION_STORAGE_KEY } from '@/stores/account'
import { usePlansStore } from '@/stores/plans'
import { mountFill } from '../fill/mountWith'
import { plan } from '../../db/plan-builders'
import { planWorld, type PlanWorld } from './support'
import { TransportError } from '@/sync/transport'
import { issue } from '../../stores/sync-helpers'

let world: PlanWorld
const people: PersonSummary[] = [
  { id: 'u-zhang', username: 'zhang', displayName: '张老师', grants: [{ role: 'inspector', scopeId: 'building:3号楼' }] },
  { id: 'u-li', username: 'li', displayName: '李老师', grants: [{ role: 'inspector', scopeId: 'building:3号楼' }] },
]
const saved = (input: PlanInput): SyncPlan => ({ ...input, people: { 'u-zhang': '张老师', 'u-li': '李老师' }, updatedAt: '2026-12-02T04:00:00.000Z' })

beforeEach(async () => {
  world = await planWorld()
  const admin: SessionInfo = {
    user: { id: 'u-head', username: 'head', displayName: '王主任', role: 'member' },
    deviceId: 'd2',
    csrfToken: 'c',
    expiresAt: '2099-01-01T00:00:00.000Z',
    grants: [{ role: 'admin', scopeId: 'building:3号楼' }],
  }
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(admin))
})
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 20))
  world.db.close()
})

async function mountWith(api: { createPlan?: (p: PlanInput) => Promise<SyncPlan>; updatePlan?: (p: PlanInput) => Promise<SyncPlan> }) {
  const fake = {
    listPlans: vi.fn(async () => [plan({ templateId: 'dorm-room-safety' })]),
    listPeople: vi.fn(async () => people),
    createPlan: vi.fn(api.createPlan ?? (async (p: PlanInput) => saved(p))),
    updatePlan: vi.fn(api.updatePlan ?? (async (p: PlanInput) => saved(p))),
  }
  usePlansStore().configure({ api: () => fake, newId: () => 'surprise-1' })
  const page = mountFill(PlansView, { global: { plugins: [world.pinia, world.router] } })
  await vi.waitFor(() => expect(fake.listPeople).toHaveBeenCalled())
  await flushPromises()
  return { page, fake }
}

describe('the plans page', () => {
  it('draws a surprise inspection of N rooms of the chosen building for today, sent as a one-day plan', async () => {
    const { page, fake } = await mountWith({})
    await page.get('[data-testid=plan-surprise-open]').trigger('click')
    await page.get('[data-testid=draw-building-3号楼]').setValue(true)
    await page.get('[data-testid=draw-count]').setValue(2)
    await page.get('[data-testid=plan-surprise]').trigger('submit')
    await flushPromises()
    expect(fake.createPlan).toHaveBeenCalledTimes(1)
    const sent = fake.createPlan.mock.calls[0]![0]
    expect(sent).toMatchObject({ id: 'surprise-1', schedule: { type: 'once', date: '2026-12-02' }, from: '2026-12-02', to: '2026-12-02' })
    expect(sent.subjectIds).toHaveLength(2)
    for (const id of sent.subjectIds) expect(['room:3号楼/301', 'room:3号楼/302', 'room:3号楼/401']).toContain(id)
    // Each drawn room goes to whoever usually checks it.
    expect(Object.keys(sent.assignees).sort()).toEqual([...sent.subjectIds].sort())
    await vi.waitFor(() => expect(page.get('[data-testid=plans-message]').text()).toMatch(/2/))
  })

  it('reassigns one room for one day, and shows the server’s refusal when there is one', async () => {
    const { page, fake } = await mountWith({})
    await page.get('[data-testid=plan-adjust-p1]').trigger('click')
    await page.get('[data-testid=adjust-subject]').setValue('room:3号楼/301')
    await page.get('[data-testid=adjust-date]').setValue('2026-12-09')
    await page.get('[data-testid=adjust-assignee]').setValue('u-li')
    await page.get('[data-testid=adjust-reassign]').trigger('click')
    await flushPromises()
    expect(fake.updatePlan).toHaveBeenCalledTimes(1)
    expect(fake.updatePlan.mock.calls[0]![0].overrides).toEqual([{ type: 'reassign', date: '2026-12-09', subjectId: 'room:3号楼/301', assignee: 'u-li' }])
    await vi.waitFor(() => expect(page.find('[data-testid=plans-message]').exists()).toBe(true))

    // A refusal is shown as the server worded it, and the page keeps the form.
    fake.updatePlan.mockRejectedValueOnce(new TransportError('forbidden', '403', issue('你在范围“building:3号楼”没有这项权限。', 'You may not do this in scope "building:3号楼".'), 403))
    await page.get('[data-testid=plan-adjust-p1]').trigger('click')
    await page.get('[data-testid=adjust-subject]').setValue('room:3号楼/302')
    await page.get('[data-testid=adjust-assignee]').setValue('u-li')
    await page.get('[data-testid=adjust-reassign]').trigger('click')
    await vi.waitFor(() => expect(page.get('[data-testid=plans-error]').text()).toContain('没有这项权限'))
    expect(page.find('[data-testid=plan-adjust]').exists()).toBe(true)
  })
})
