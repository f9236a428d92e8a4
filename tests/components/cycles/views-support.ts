/** Mounting the cycle result pages behind a router, over the mini cycle held by fake sources. */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h, type Component } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import type { SessionInfo, SyncCycle } from '@/core/sync/protocol'
import type { ResponseRow } from '@/db/rows'
import { useAccountStore } from '@/stores/account'
import { useCycleResultsStore } from '@/stores/cycle-results'
import { mountFill } from '../fill/mountWith'
import { responses, syncCycle, template } from './results-support'

export interface ViewWorld {
  pinia: Pinia
  page: VueWrapper
  store: ReturnType<typeof useCycleResultsStore>
  released: string[]
  /** Replaces the cycle this device holds (as a pull would). */
  setCycle: (next: SyncCycle) => void
}

const stub = { render: () => h('div') }

export async function mountCyclePage(
  view: Component,
  path: string,
  { grants, cycle = syncCycle(), username = 'chen' }: { grants: SessionInfo['grants']; cycle?: SyncCycle; username?: string },
  prepare: (store: ReturnType<typeof useCycleResultsStore>) => void = () => undefined,
): Promise<ViewWorld> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAccountStore().session = {
    user: { id: 'u1', username, displayName: '陈书记', role: 'member' },
    deviceId: 'd1',
    csrfToken: 'c',
    expiresAt: '2099-01-01T00:00:00.000Z',
    grants,
  }
  const released: string[] = []
  let held = cycle
  const store = useCycleResultsStore()
  store.configure({
    source: {
      cycle: async (id) => (id === held.id ? held : undefined),
      // Only the row's id is read; the rest of a row does not matter here.
      responses: async () => responses.map((response) => ({ row: { id: response.id } as ResponseRow, response })),
      template: async () => template,
      register: async (ids) => new Map(ids.map((id) => [id, { id, kind: 'branch' as const, scopeId: id, fields: { unit: id.slice('branch:'.length) }, label: id, importedAt: 'x' }])),
      save: async () => undefined,
    },
    api: () => ({
      list: async () => [],
      create: async () => cycle,
      update: async () => cycle,
      release: async (id) => (released.push(id), { ...cycle, releasedAt: '2026-12-20T02:00:00.000Z' }),
    }),
  })
  prepare(store)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cycles/:cycleId/results', name: 'cycle-results', component: view },
      { path: '/cycles/:cycleId/results/:subject', name: 'cycle-panel', component: view },
      { path: '/cycles/:cycleId/print', name: 'cycle-print', component: view },
      { path: '/results/:responseId', name: 'response', component: stub },
      { path: '/:rest(.*)*', component: stub },
    ],
  })
  await router.push(path)
  const App = defineComponent({ render: () => h(RouterView) })
  const page = mountFill(App, { attachTo: document.body, global: { plugins: [pinia, router] } })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
  return { pinia, page, store, released, setCycle: (next) => void (held = next) }
}
