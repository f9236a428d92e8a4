// @vitest-environment happy-dom
// Issue #15: the cycles list (each cycle's state and the person's part in it, 新建评审 for who may)
// and the new-cycle page (the form over this device's templates and register, saved through the
// server, then the cycle's page).
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Template } from '@/core/format/types'
import { importBranches } from '@/core/register'
import type { CycleInput, SyncCycle } from '@/core/sync/protocol'
import { installSamples, openDatabase, setDb, type QingdanDatabase } from '@/db'
import { replaceRegister } from '@/db/repositories/register'
import { useCyclesStore } from '@/stores/cycles'
import CyclesView from '@/views/CyclesView.vue'
import CycleEditView from '@/views/CycleEditView.vue'
import redFlag from '../../../schemas/samples/red-flag-party-branch.json'
import { cycle, fakeRepo } from '../../stores/cycle-fakes'
import { session, signedInBefore } from '../../stores/sync-helpers'
import { mountFill } from '../fill/mountWith'

let db: QingdanDatabase
let router: Router

beforeEach(async () => {
  db = openDatabase({ name: `cycles-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  await installSamples(db, [redFlag as unknown as Template])
  const branches = importBranches([['支部名称'], ['第一党支部'], ['第二党支部']], 'committee:学院党委')
  if (!branches.ok) throw new Error('bad fixture')
  await replaceRegister(db, 'branch', branches.value.subjects)
  const stub = { template: '<div />' }
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cycles', component: CyclesView },
      { path: '/cycles/new', component: CycleEditView },
      { path: '/:rest(.*)*', component: stub },
    ],
  })
})
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 50))
  db.close()
})

function signIn(username: string, grants: { role: 'admin' | 'inspector' | 'reviewer'; scopeId: string }[]) {
  localStorage.clear()
  signedInBefore(session({ user: { id: `u-${username}`, username, displayName: username, role: 'member' }, grants }))
  setActivePinia(createPinia())
}

async function open(path: string) {
  await router.push(path)
  const page = mountFill(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [router] } })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 20))
  await flushPromises()
  return page
}

describe('the cycles list', () => {
  it('shows each cycle’s state and the person’s parts, and 新建评审 to a committee admin', async () => {
    signIn('wang', [{ role: 'admin', scopeId: 'committee:学院党委' }])
    const device = fakeRepo([cycle({ panel: { members: ['wang'] } }), cycle({ id: 'c0', title: '2025 年度评选', panel: { members: ['li'] }, releasedAt: '2026-01-10T00:00:00.000Z', updatedAt: '2026-01-10T00:00:00.000Z' })])
    useCyclesStore().configure({ repo: device.repo, api: () => ({ list: async () => [], create: vi.fn(), update: vi.fn(), release: vi.fn() }) })
    const page = await open('/cycles')
    expect(page.get('[data-testid=cycle-new]').text()).toBe('新建评审')
    const cards = page.findAll('[data-testid=cycle-list] li')
    expect(cards.map((c) => c.get('h2').text())).toEqual(['2026 年度红旗党支部评选', '2025 年度评选'])
    expect(cards[0]!.findAll('.tag').map((t) => t.text())).toEqual(['未发布', '党委', '评审组'])
    expect(cards[1]!.findAll('.tag').map((t) => t.text())).toEqual(['已发布结果', '党委'])
    expect(cards[0]!.text()).toContain('红旗党支部')
  })

  it('names a branch’s part, and offers no 新建评审 without the right to edit the register', async () => {
    signIn('shuji', [{ role: 'inspector', scopeId: 'branch:第一党支部' }])
    useCyclesStore().configure({ repo: fakeRepo([cycle()]).repo, api: () => ({ list: async () => [], create: vi.fn(), update: vi.fn(), release: vi.fn() }) })
    const page = await open('/cycles')
    expect(page.find('[data-testid=cycle-new]').exists()).toBe(false)
    expect(page.get('[data-testid=cycle-list] li').findAll('.tag.mine').map((t) => t.text())).toEqual(['本支部'])
  })
})

describe('the new-cycle page', () => {
  it('sends the form’s cycle to the server and opens the saved cycle', async () => {
    signIn('chen', [{ role: 'admin', scopeId: 'committee:学院党委' }])
    const sent: CycleInput[] = []
    const device = fakeRepo([])
    useCyclesStore().configure({
      repo: device.repo,
      people: async () => [{ id: 'u-wang', username: 'wang', displayName: '王老师', grants: [] }],
      api: () => ({
        list: async () => [],
        create: async (input) => (sent.push(input), { ...input, people: { wang: '王老师' }, updatedAt: '2026-12-02T00:00:00.000Z' }) as SyncCycle,
        update: vi.fn(),
        release: vi.fn(),
      }),
    })
    const page = await open('/cycles/new')
    await vi.waitFor(() => expect(page.find('[data-testid=cycle-editor]').exists()).toBe(true))
    await page.get('[data-testid=cycle-title]').setValue('2026 年度评选')
    await page.get('[data-testid=cycle-branch-all]').setValue(true)
    await page.get('[data-testid=cycle-member-wang]').setValue(true)
    await page.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toMatch(/^\/cycles\/[0-9a-f-]{36}$/))
    expect(sent[0]).toMatchObject({ title: '2026 年度评选', scopeId: 'committee:学院党委', subjectKey: ['branch'], panel: { members: ['wang'] } })
    expect(sent[0]?.subjectIds).toHaveLength(2)
    expect(device.held.get(sent[0]!.id)?.people).toEqual({ wang: '王老师' })
  })
})
