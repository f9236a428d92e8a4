// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '@/app/router'
import { session, signedInBefore } from '../../stores/sync-helpers'
import { freshPinia } from './mountSync'

beforeEach(() => {
  localStorage.clear()
  freshPinia()
})

describe('sync and admin routes', () => {
  it('opens the sync page at /sync under 设置', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/sync')
    expect(router.currentRoute.value.name).toBe('sync')
    expect(router.currentRoute.value.meta.nav).toBe('settings')
  })

  it('lets only a signed-in admin into /admin; others land on the sync page', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/admin')
    expect(router.currentRoute.value.name).toBe('sync')

    signedInBefore()
    freshPinia()
    await router.push('/admin')
    expect(router.currentRoute.value.name).toBe('sync')

    signedInBefore(session({ user: { id: 'a', username: 'admin', displayName: '管理员', role: 'admin' } }))
    freshPinia()
    await router.push('/admin')
    expect(router.currentRoute.value.name).toBe('admin')
  })
})
