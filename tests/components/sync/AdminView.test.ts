// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AdminView from '@/views/AdminView.vue'
import { API, CSRF_HEADER, type AuditEntry, type DeviceSummary, type UserSummary } from '@/core/sync/protocol'
import { useAccountStore } from '@/stores/account'
import { fakeFetch, issue, session, signedInBefore } from '../../stores/sync-helpers'
import { freshPinia, mountPage } from './mountSync'

const adminSession = session({ user: { id: 'u-admin', username: 'admin', displayName: '管理员', role: 'admin' }, csrfToken: 'csrf-admin' })

const users: UserSummary[] = [
  { id: 'u-admin', username: 'admin', displayName: '管理员', role: 'admin', disabled: false, createdAt: '2026-11-01T00:00:00Z', lastLoginAt: '2026-12-02T08:00:00Z' },
  { id: 'u-zhang', username: 'zhang', displayName: '张老师', role: 'member', disabled: false, createdAt: '2026-11-02T00:00:00Z' },
  { id: 'u-li', username: 'li', displayName: '李老师', role: 'member', disabled: true, createdAt: '2026-11-03T00:00:00Z' },
]
const device: DeviceSummary = { id: 'd-1', name: '平板 ab12', userId: 'u-zhang', username: 'zhang', createdAt: '2026-11-05T00:00:00Z', lastSeenAt: '2026-12-02T09:00:00Z', revoked: false }
const audit: AuditEntry[] = [{ id: 1, at: '2026-12-02T08:00:00Z', action: 'login', username: 'admin', detail: {} }]

function routes(extra: Parameters<typeof fakeFetch>[0] = {}) {
  return fakeFetch({
    [`GET ${API.users}`]: () => ({ body: users }),
    [`GET ${API.devices}`]: () => ({ body: [device] }),
    [`GET ${API.audit}?limit=100`]: () => ({ body: audit }),
    [`GET ${API.scopes}`]: () => ({ body: [] }),
    ...extra,
  })
}

async function page(fetch: ReturnType<typeof routes>) {
  const pinia = freshPinia()
  useAccountStore().configure({ fetch })
  const wrapper = await mountPage(AdminView, { pinia })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  localStorage.clear()
  signedInBefore(adminSession)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('AdminView', () => {
  it('lists the users from the server with name, role, state and last sign-in', async () => {
    const admin = await page(routes())
    const rows = admin.findAll('[data-testid=admin-users] tbody tr')
    expect(rows.map((r) => r.findAll('td')[0]?.text())).toEqual(['admin（我）', 'zhang', 'li'])
    expect(admin.get('[data-testid=user-zhang]').text()).toContain('张老师')
    expect(admin.get('[data-testid=user-zhang]').text()).toContain('成员')
    expect(admin.get('[data-testid=user-zhang]').text()).toContain('从未登录')
    expect(admin.get('[data-testid=user-li]').text()).toContain('已停用')
    expect(admin.get('[data-testid=admin-audit]').text()).toContain('登录')
  })

  it('revokes a device through its route with the CSRF header, after confirming', async () => {
    let headers: Headers | undefined
    const fetch = routes({
      [`POST ${API.devices}/d-1/revoke`]: (init) => ((headers = new Headers(init.headers)), { body: { ...device, revoked: true } }),
    })
    const admin = await page(fetch)
    await admin.get('[data-testid=revoke-device]').trigger('click')
    expect(headers).toBeUndefined() // nothing before the confirmation
    await admin.get('[data-testid=confirm]').trigger('click')
    await flushPromises()
    expect(headers?.get(CSRF_HEADER)).toBe('csrf-admin')
    expect(admin.get('[data-testid=device-d-1]').text()).toContain('已吊销')
    expect(admin.find('[data-testid=revoke-device]').exists()).toBe(false)
  })

  it('creates a user with the initial password, and changes a role with a PATCH', async () => {
    const bodies: Array<[string, unknown]> = []
    const fetch = routes({
      [`POST ${API.users}`]: (init) => {
        bodies.push(['POST', JSON.parse(String(init.body))])
        return { body: { id: 'u-wang', username: 'wang', displayName: '王老师', role: 'member', disabled: false, createdAt: '2026-12-02T10:00:00Z' } }
      },
      [`PATCH ${API.users}/u-zhang`]: (init) => {
        bodies.push(['PATCH', JSON.parse(String(init.body))])
        return { body: { ...users[1], role: 'admin' } }
      },
    })
    const admin = await page(fetch)
    await admin.get('[data-testid=create-username]').setValue('wang')
    await admin.get('[data-testid=create-display-name]').setValue('王老师')
    await admin.get('[data-testid=create-password]').setValue('initial-pw-1')
    await admin.get('[data-testid=admin-create-user]').trigger('submit')
    await flushPromises()
    expect(bodies[0]).toEqual(['POST', { username: 'wang', displayName: '王老师', role: 'member', password: 'initial-pw-1' }])
    expect(admin.find('[data-testid=user-wang]').exists()).toBe(true)
    expect((admin.get('[data-testid=create-username]').element as HTMLInputElement).value).toBe('')

    await admin.get('[data-testid=user-zhang] [data-testid=toggle-role]').trigger('click')
    await flushPromises()
    expect(bodies[1]).toEqual(['PATCH', { role: 'admin' }])
    expect(admin.get('[data-testid=user-zhang]').text()).toContain('管理员')
  })

  it("shows the server's refusal in Chinese", async () => {
    const fetch = routes({ [`PATCH ${API.users}/u-zhang`]: () => ({ status: 409, body: { error: issue('至少保留一名管理员', 'Keep at least one admin') } }) })
    const admin = await page(fetch)
    await admin.get('[data-testid=user-zhang] [data-testid=toggle-disabled]').trigger('click')
    await flushPromises()
    expect(admin.get('[data-testid=admin-error]').text()).toBe('至少保留一名管理员')
  })

  it('shows nothing of the server to a member', async () => {
    localStorage.clear()
    signedInBefore()
    const fetch = routes()
    const admin = await page(fetch)
    expect(admin.find('[data-testid=admin-forbidden]').exists()).toBe(true)
    expect(fetch).not.toHaveBeenCalled()
  })
})
