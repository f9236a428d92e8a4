// @vitest-environment happy-dom
// Issue #15: a cycle's page shows each person their part — a branch its self-assessment, a panel
// member the queue and progress — and 评审 opens the review beside the self-assessment when the
// device holds it, else starts one on its own in the cycle.
import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import { useCyclesStore } from '@/stores/cycles'
import { useResponsesStore } from '@/stores/responses'
import CycleView from '@/views/CycleView.vue'
import { cycle, cycleResponse, fakeRepo } from '../../stores/cycle-fakes'
import { session, signedInBefore } from '../../stores/sync-helpers'
import { mountFill } from '../fill/mountWith'

vi.mock('@/core/cycles', async (original) => {
  const fakes = await import('../../stores/cycle-fakes')
  return { ...(await original<typeof import('@/core/cycles')>()), cycleProgress: vi.fn(fakes.fakeProgress), evidenceCompleteness: vi.fn(fakes.fakeEvidence) }
})

/** The app's outlet: the page under test is the route's. */
const App = defineComponent({ render: () => h(RouterView) })
const responses = [cycleResponse('s1', 'self', '第一党支部', 'submitted', '书记', 3), cycleResponse('s2', 'self', '第二党支部', 'draft', '书记', 1), cycleResponse('r1', 'review', '第一党支部', 'submitted', 'li')]

async function openAs(username: string, grants: { role: 'admin' | 'inspector' | 'reviewer'; scopeId: string }[]) {
  localStorage.clear()
  signedInBefore(session({ user: { id: `u-${username}`, username, displayName: username, role: 'member' }, grants }))
  setActivePinia(createPinia())
  useCyclesStore().configure({ repo: fakeRepo([cycle()], responses).repo, now: () => Date.parse('2026-12-05T00:00:00.000Z') })
  const stub = { template: '<div />' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cycles/:cycleId', component: CycleView },
      { path: '/fill/new/:templateId/:version', name: 'fill-start', component: stub },
      { path: '/:rest(.*)*', component: stub },
    ],
  })
  await router.push('/cycles/c1')
  const page = mountFill(App, { global: { plugins: [router] } })
  await vi.waitFor(() => expect(page.find('h1').exists()).toBe(true))
  await flushPromises()
  return { page, router }
}

describe('a cycle’s page', () => {
  it('shows a branch its own self-assessment only', async () => {
    const { page } = await openAs('shuji', [{ role: 'inspector', scopeId: 'branch:第二党支部' }])
    expect(page.get('h1').text()).toBe('2026 年度红旗党支部评选')
    expect(page.get('[data-testid=cycle-released]').text()).toBe('未发布')
    const tasks = page.get('[data-testid=cycle-branch-tasks]')
    expect(tasks.findAll('li.card').map((c) => c.get('h3').text())).toEqual(['第二党支部'])
    expect(tasks.text()).toContain('台账 1/3 项齐全')
    expect(page.find('[data-testid=cycle-review-queue]').exists()).toBe(false)
    expect(page.find('[data-testid=cycle-progress]').exists()).toBe(false)
  })

  it('shows a panel member the queue and the progress, and opens the review beside a submitted self-assessment', async () => {
    const { page, router } = await openAs('wang', [{ role: 'reviewer', scopeId: 'committee:学院党委' }])
    expect(page.find('[data-testid=cycle-branch-tasks]').exists()).toBe(false)
    const progress = page.get('[data-testid=progress-reviewers]').findAll('tbody tr').map((r) => r.findAll('td').map((td) => td.text()))
    expect(progress).toEqual([
      ['王老师', '0/3', '0'],
      ['李老师', '1/3', '0'],
    ])
    expect(page.get('[data-testid=cycle-results-link]').attributes('href')).toBe('/cycles/c1/results')

    const startReview = vi.spyOn(useResponsesStore(), 'startReview').mockResolvedValue({ ok: true, id: 'rev-new', existing: false })
    const [first] = page.get('[data-testid=cycle-review-queue]').findAll('tbody tr')
    await first!.get('[data-testid=review-start]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/fill/rev-new'))
    expect(startReview).toHaveBeenCalledWith('s1', 'wang')
  })

  it('starts a review on its own, in the cycle, when the self-assessment is not submitted', async () => {
    const { page, router } = await openAs('wang', [{ role: 'reviewer', scopeId: 'committee:学院党委' }])
    const startReview = vi.spyOn(useResponsesStore(), 'startReview')
    const second = page.get('[data-testid=cycle-review-queue]').findAll('tbody tr')[1]!
    await second.get('[data-testid=review-start]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('fill-start'))
    expect(router.currentRoute.value.query).toEqual({ subject: 'branch:第二党支部', cycle: 'c1', role: 'review' })
    expect(startReview).not.toHaveBeenCalled()
  })

  it('says so when the device does not hold the cycle', async () => {
    localStorage.clear()
    setActivePinia(createPinia())
    useCyclesStore().configure({ repo: fakeRepo([]).repo })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/cycles/:cycleId', component: CycleView }] })
    await router.push('/cycles/zzz')
    const page = mountFill(App, { global: { plugins: [router] } })
    await vi.waitFor(() => expect(page.find('[data-testid=cycle-missing]').exists()).toBe(true))
    expect(page.get('[data-testid=cycle-missing]').text()).toBe('本机没有这次评审，请先同步。')
  })
})
