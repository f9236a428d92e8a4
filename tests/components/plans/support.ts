/** A world for the plan pages: a fake-indexeddb database with a plan, its rooms, a signed-in inspector. */
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { Template } from '@/core/format/types'
import type { SessionInfo } from '@/core/sync/protocol'
import { installSamples, openDatabase, setDb, type QingdanDatabase } from '@/db'
import { applyChanges } from '@/db/repositories/sync'
import { SESSION_STORAGE_KEY } from '@/stores/account'
import { usePlansStore } from '@/stores/plans'
import dorm from '../../../schemas/samples/dorm-room-safety.json'
import { plan, room } from '../../db/plan-builders'

export const dormTemplate = dorm as unknown as Template
/** Wednesday 2026-12-02, 12:00 in Beijing. */
export const NOON_WED = Date.parse('2026-12-02T04:00:00.000Z')

export interface PlanWorld {
  db: QingdanDatabase
  pinia: Pinia
  router: Router
}

export async function planWorld(now = NOON_WED): Promise<PlanWorld> {
  localStorage.clear()
  const session: SessionInfo = {
    user: { id: 'u-zhang', username: 'zhang', displayName: '张老师', role: 'member' },
    deviceId: 'd1',
    csrfToken: 'c',
    expiresAt: '2099-01-01T00:00:00.000Z',
    grants: [{ role: 'inspector', scopeId: 'floor:3号楼/3' }],
  }
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session))
  const pinia = createPinia()
  setActivePinia(pinia)
  const db = openDatabase({ name: `plans-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  await installSamples(db, [dormTemplate])
  await applyChanges(db, [
    { kind: 'plan', cursor: 1, plan: plan({ templateId: dormTemplate.id }) },
    { kind: 'subject', cursor: 2, subject: room('room:3号楼/301', '3') },
    { kind: 'subject', cursor: 3, subject: room('room:3号楼/302', '3') },
    { kind: 'subject', cursor: 4, subject: room('room:3号楼/401', '4') },
  ])
  usePlansStore().configure({ now: () => now })
  const stub = { template: '<div />' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: stub },
      { path: '/fill/new/:templateId/:version', name: 'fill-start', component: stub },
      { path: '/plans/:planId/coverage', name: 'plan-coverage', component: stub },
      { path: '/:rest(.*)*', component: stub },
    ],
  })
  return { db, pinia, router }
}
