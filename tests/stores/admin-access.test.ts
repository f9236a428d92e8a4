// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { API, CSRF_HEADER, type GrantSummary } from '@/core/sync/protocol'
import type { Scope } from '@/core/access'
import { useAccountStore } from '@/stores/account'
import { useAdminStore } from '@/stores/admin'
import { fakeFetch, issue, session, signedInBefore } from './sync-helpers'

const college: Scope = { id: 'c1', parentId: null, kind: 'college', name: '信息学院' }
const dept: Scope = { id: 'd1', parentId: 'c1', kind: 'department', name: '教务处' }
const grantOf = (id: string, overrides: Partial<GrantSummary> = {}): GrantSummary =>
  ({ id, userId: '00000000-0000-4000-8000-000000000001', username: 'zhang', role: 'inspector', scopeId: 'd1', grantedAt: '2026-12-02T10:00:00Z', ...overrides })

function admin(routes: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch({ [`GET ${API.audit}?limit=100`]: () => ({ body: [] }), ...routes })
  useAccountStore().configure({ fetch })
  return { store: useAdminStore(), fetch }
}

beforeEach(() => {
  localStorage.clear()
  signedInBefore(session({ user: { id: 'u-admin', username: 'admin', displayName: '管理员', role: 'admin' }, csrfToken: 'csrf-admin' }))
  setActivePinia(createPinia())
})

describe('useAdminStore: scopes and grants', () => {
  it('loads the scope tree, and adds a scope with a fresh id and the CSRF header', async () => {
    let sent: { body: unknown; csrf: string | null } | undefined
    const { store } = admin({
      [`GET ${API.scopes}`]: () => ({ body: [college] }),
      [`POST ${API.scopes}`]: (init) => {
        const body = JSON.parse(String(init.body)) as Scope
        sent = { body, csrf: new Headers(init.headers).get(CSRF_HEADER) }
        return { status: 201, body }
      },
    })
    expect(await store.loadScopes()).toBe(true)
    expect(store.scopes).toEqual([college])
    expect(await store.createScope({ parentId: 'c1', kind: 'department', name: '教务处' })).toBe(true)
    expect(sent?.csrf).toBe('csrf-admin')
    expect(sent?.body).toMatchObject({ parentId: 'c1', kind: 'department', name: '教务处' })
    expect((sent?.body as Scope).id).toMatch(/^[A-Za-z0-9._-]{1,64}$/)
    expect(store.scopes.map((s) => s.name)).toEqual(['信息学院', '教务处'])
  })

  it('keeps every issue of a refused tree and adds nothing', async () => {
    const issues = [issue('楼层只能建在楼栋下。', 'A floor belongs under a building.', 'badParent'), issue('名称不能为空。', 'Name is empty.', 'emptyName')]
    const { store } = admin({ [`POST ${API.scopes}`]: () => ({ status: 400, body: { error: issues[0], issues } }) })
    expect(await store.createScope({ parentId: 'c1', kind: 'floor', name: ' ' })).toBe(false)
    expect(store.error?.failure).toBe('refused')
    expect(store.error?.issue?.code).toBe('badParent')
    expect(store.error?.issues?.map((i) => i.code)).toEqual(['badParent', 'emptyName'])
    expect(store.scopes).toEqual([])
  })

  it('renames a scope with a PATCH of the name only', async () => {
    let body: unknown
    const { store } = admin({
      [`GET ${API.scopes}`]: () => ({ body: [college, dept] }),
      [`PATCH ${API.scopes}/d1`]: (init) => ((body = JSON.parse(String(init.body))), { body: { ...dept, name: '学生处' } }),
    })
    await store.loadScopes()
    expect(await store.renameScope('d1', '学生处')).toBe(true)
    expect(body).toEqual({ name: '学生处' })
    expect(store.scopes.find((s) => s.id === 'd1')?.name).toBe('学生处')
  })

  it('loads one user\'s grants, grants a role and revokes one', async () => {
    const userId = '00000000-0000-4000-8000-000000000001'
    let posted: unknown
    const { store } = admin({
      [`GET ${API.grants}?userId=${userId}`]: () => ({ body: [grantOf('g1')] }),
      [`POST ${API.grants}`]: (init) => ((posted = JSON.parse(String(init.body))), { status: 201, body: grantOf('g2', { role: 'viewer', scopeId: 'c1' }) }),
      [`DELETE ${API.grants}/g1`]: () => ({ body: grantOf('g1') }),
    })
    expect(await store.loadGrants(userId)).toBe(true)
    expect(store.grants.map((g) => g.id)).toEqual(['g1'])
    expect(await store.grant(userId, 'viewer', 'c1')).toBe(true)
    expect(posted).toEqual({ userId, role: 'viewer', scopeId: 'c1' })
    expect(await store.revoke('g1')).toBe(true)
    expect(store.grants.map((g) => g.id)).toEqual(['g2'])
  })

  it('keeps a grant the server would not revoke', async () => {
    const { store } = admin({
      [`GET ${API.grants}`]: () => ({ body: [grantOf('g1')] }),
      [`DELETE ${API.grants}/g1`]: () => ({ status: 404, body: { error: issue('没有这项授权。', 'No such grant.', 'grantNotFound') } }),
    })
    await store.loadGrants()
    expect(await store.revoke('g1')).toBe(false)
    expect(store.grants.map((g) => g.id)).toEqual(['g1'])
    expect(store.error?.issue?.message['zh-CN']).toBe('没有这项授权。')
  })
})
