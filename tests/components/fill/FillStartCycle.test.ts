// @vitest-environment happy-dom
// Issue #15: a start from a cycle's task (?subject=&cycle=&role=) is on the branch, in the role the
// cycle asks, and hands the cycle's id to the new response; a cycle's review names its reviewer by username.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Template } from '@/core/format/types'
import { importBranches } from '@/core/register'
import { installSamples, openDatabase, setDb, type QingdanDatabase } from '@/db'
import { replaceRegister } from '@/db/repositories/register'
import FillStartView from '@/views/FillStartView.vue'
import { useRegisterStore } from '@/stores/register'
import { useResponsesStore, type StartResponseInit } from '@/stores/responses'
import redFlag from '../../../schemas/samples/red-flag-party-branch.json'
import { session, signedInBefore } from '../../stores/sync-helpers'
import { mountFill } from './mountWith'

let db: QingdanDatabase
let router: Router

beforeEach(async () => {
  localStorage.clear()
  signedInBefore(session({ user: { id: 'u-wang', username: 'wang', displayName: '王老师', role: 'member' } }))
  setActivePinia(createPinia())
  db = openDatabase({ name: `start-cycle-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  await installSamples(db, [redFlag as unknown as Template])
  const branches = importBranches([['支部名称'], ['第一党支部'], ['第二党支部']], 'c')
  if (!branches.ok) throw new Error('bad fixture')
  await replaceRegister(db, 'branch', branches.value.subjects)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/fill/new/:templateId/:version', name: 'fill-start', component: FillStartView },
      { path: '/fill/:responseId', name: 'fill', component: { template: '<div />' } },
    ],
  })
})
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 50))
  db.close()
})

/** Opens the start page and records what it asks the store to start (the draft's storage is not this page's part). */
async function startFrom(query: string): Promise<StartResponseInit> {
  const started: StartResponseInit[] = []
  vi.spyOn(useResponsesStore(), 'start').mockImplementation(async (init) => (started.push(init), 'new-id'))
  await router.push(`/fill/new/${redFlag.id}/${redFlag.version}?${query}`)
  const page = mountFill(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [router] } })
  await vi.waitFor(() => expect(useRegisterStore().loaded).toBe(true))
  await flushPromises()
  expect((page.get('#subject-branch').element as HTMLInputElement).value).toBe('第二党支部')
  await page.get('#subject-period').setValue('2026')
  await page.get('form').trigger('submit')
  await vi.waitFor(() => expect(router.currentRoute.value.params.responseId).toBe('new-id'))
  return started[0]!
}

describe('a start from a cycle', () => {
  it('starts the branch’s self-assessment in the cycle', async () => {
    const init = await startFrom(`subject=${encodeURIComponent('branch:第二党支部')}&cycle=c1&role=self`)
    expect(init).toMatchObject({ role: 'self', subject: { branch: '第二党支部', period: '2026' }, subjectId: 'branch:第二党支部', cycleId: 'c1' })
  })

  it('starts a review in the cycle under the reviewer’s username', async () => {
    const init = await startFrom(`subject=${encodeURIComponent('branch:第二党支部')}&cycle=c1&role=review`)
    expect(init).toMatchObject({ role: 'review', inspector: 'wang', cycleId: 'c1' })
  })

  it('joins no cycle without the query, and ignores a role the form does not know', async () => {
    const init = await startFrom(`subject=${encodeURIComponent('branch:第二党支部')}&role=boss`)
    expect(init).not.toHaveProperty('cycleId')
    expect(init.role).toBe('self')
  })
})
