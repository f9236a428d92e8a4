// @vitest-environment happy-dom
// Issue #15: the home page's cycle part — a branch's self-assessment due (red once overdue) and a
// panel member's pending reviews, each leading to the cycle; nothing when there is no such work.
import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useCyclesStore } from '@/stores/cycles'
import HomeCycles from '@/components/cycles/HomeCycles.vue'
import { cycle, cycleResponse, fakeRepo } from '../../stores/cycle-fakes'
import { session, signedInBefore } from '../../stores/sync-helpers'
import { mountFill } from '../fill/mountWith'

vi.mock('@/core/cycles', async (original) => {
  const fakes = await import('../../stores/cycle-fakes')
  return { ...(await original<typeof import('@/core/cycles')>()), cycleProgress: vi.fn(fakes.fakeProgress), evidenceCompleteness: vi.fn(fakes.fakeEvidence) }
})

async function mountAs(username: string, grants: { role: 'inspector' | 'reviewer'; scopeId: string }[]) {
  localStorage.clear()
  signedInBefore(session({ user: { id: `u-${username}`, username, displayName: username, role: 'member' }, grants }))
  setActivePinia(createPinia())
  useCyclesStore().configure({ repo: fakeRepo([cycle()], [cycleResponse('s1', 'self', '第一党支部', 'submitted', '书记')]).repo, now: () => Date.parse('2026-12-12T00:00:00.000Z') })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] })
  const page = mountFill(HomeCycles, { global: { plugins: [router] } })
  await flushPromises()
  return page
}

describe('the home page’s cycle part', () => {
  it('lists a branch’s overdue self-assessment and a reviewer’s pending reviews, linking to the cycle', async () => {
    const page = await mountAs('wang', [{ role: 'inspector', scopeId: 'branch:第二党支部' }])
    const rows = page.findAll('[data-testid=home-cycles] li')
    expect(rows.map((r) => r.get('strong').text())).toEqual(['第二党支部的自评（2026 年度红旗党支部评选）', '2026 年度红旗党支部评选：待评 3/3 个支部'])
    expect(rows[0]!.classes()).toContain('overdue')
    expect(rows[1]!.classes()).not.toContain('overdue')
    expect(rows.every((r) => r.get('a').attributes('href') === '/cycles/c1')).toBe(true)
  })

  it('shows nothing to someone with no part in a cycle', async () => {
    const page = await mountAs('zhou', [{ role: 'inspector', scopeId: 'branch:第一党支部' }])
    // The first branch's self-assessment is submitted: nothing due.
    expect(page.find('[data-testid=home-cycles]').exists()).toBe(false)
  })
})
