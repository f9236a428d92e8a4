// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AdminView from '@/views/AdminView.vue'
import { API, type GrantSummary, type UserSummary } from '@/core/sync/protocol'
import type { Scope } from '@/core/access'
import { useAccountStore } from '@/stores/account'
import { fakeFetch, issue, session, signedInBefore } from '../../stores/sync-helpers'
import { freshPinia, mountPage } from './mountSync'

const ZHANG = '00000000-0000-4000-8000-00000000000a'
const users: UserSummary[] = [
  { id: 'u-admin', username: 'admin', displayName: '管理员', role: 'admin', disabled: false, createdAt: '2026-11-01T00:00:00Z' },
  { id: ZHANG, username: 'zhang', displayName: '张老师', role: 'member', disabled: false, createdAt: '2026-11-02T00:00:00Z' },
]
const scopes: Scope[] = [
  { id: 'b1', parentId: 'd1', kind: 'building', name: '一号楼' },
  { id: 'c1', parentId: null, kind: 'college', name: '信息学院' },
  { id: 'd1', parentId: 'c1', kind: 'department', name: '后勤处' },
  { id: 'f1', parentId: 'b1', kind: 'floor', name: '三层' },
  { id: 'p1', parentId: 'c1', kind: 'committee', name: '学院党委' },
]
const grant = (id: string, overrides: Partial<GrantSummary> = {}): GrantSummary =>
  ({ id, userId: ZHANG, username: 'zhang', role: 'inspector', scopeId: 'b1', grantedAt: '2026-12-02T10:00:00Z', ...overrides })

function routes(extra: Parameters<typeof fakeFetch>[0] = {}) {
  return fakeFetch({
    [`GET ${API.users}`]: () => ({ body: users }),
    [`GET ${API.devices}`]: () => ({ body: [] }),
    [`GET ${API.audit}?limit=100`]: () => ({ body: [] }),
    [`GET ${API.scopes}`]: () => ({ body: scopes }),
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

const optionTexts = (wrapper: Awaited<ReturnType<typeof page>>, testid: string) =>
  wrapper.findAll(`[data-testid=${testid}] option`).map((o) => o.text())

beforeEach(() => {
  localStorage.clear()
  signedInBefore(session({ user: { id: 'u-admin', username: 'admin', displayName: '管理员', role: 'admin' }, csrfToken: 'csrf-admin' }))
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('AdminView: scopes', () => {
  it('shows the tree indented under each parent, kinds named in Chinese', async () => {
    const admin = await page(routes())
    const rows = admin.findAll('[data-testid=admin-scopes] li')
    expect(rows.map((r) => [r.attributes('data-depth'), r.find('.kind').text(), r.find('.name').text()])).toEqual([
      ['0', '学院', '信息学院'],
      ['1', '部门', '后勤处'],
      ['2', '楼栋', '一号楼'],
      ['3', '楼层', '三层'],
      ['1', '党委', '学院党委'],
    ])
  })

  it('offers only the kinds core allows under the chosen parent', async () => {
    const admin = await page(routes())
    expect(optionTexts(admin, 'scope-kind')).toEqual(['学院'])
    await admin.get('[data-testid=scope-parent]').setValue('c1')
    expect(optionTexts(admin, 'scope-kind')).toEqual(['部门', '党委'])
    await admin.get('[data-testid=scope-parent]').setValue('p1')
    expect(optionTexts(admin, 'scope-kind')).toEqual(['党支部'])
    await admin.get('[data-testid=scope-parent]').setValue('f1')
    expect(optionTexts(admin, 'scope-kind')).toEqual([])
    expect(admin.get('[data-testid=scope-submit]').attributes('disabled')).toBeDefined()
    expect(admin.find('[data-testid=scope-no-children]').exists()).toBe(true)
  })

  it('adds a scope under its parent and shows it in the tree', async () => {
    let sent: Scope | undefined
    const admin = await page(routes({
      [`POST ${API.scopes}`]: (init) => ((sent = JSON.parse(String(init.body)) as Scope), { status: 201, body: sent }),
    }))
    await admin.get('[data-testid=scope-parent]').setValue('b1')
    await admin.get('[data-testid=scope-name]').setValue(' 四层 ')
    await admin.get('[data-testid=admin-create-scope]').trigger('submit')
    await flushPromises()
    expect(sent).toMatchObject({ parentId: 'b1', kind: 'floor', name: '四层' })
    expect(admin.get(`[data-testid=scope-${sent?.id}]`).attributes('data-depth')).toBe('3')
    expect(admin.get('[data-testid=admin-note]').text()).toBe('已添加范围“四层”。')
    expect((admin.get('[data-testid=scope-name]').element as HTMLInputElement).value).toBe('')
  })

  it('lists every issue of a refused scope in Chinese and keeps the form', async () => {
    const issues = [issue('名称已被同级范围使用。', 'A sibling already has this name.', 'duplicateName'), issue('范围编号重复。', 'Duplicate scope id.', 'duplicateScope')]
    const admin = await page(routes({ [`POST ${API.scopes}`]: () => ({ status: 400, body: { error: issues[0], issues } }) }))
    await admin.get('[data-testid=scope-parent]').setValue('c1')
    await admin.get('[data-testid=scope-name]').setValue('后勤处')
    await admin.get('[data-testid=admin-create-scope]').trigger('submit')
    await flushPromises()
    expect(admin.findAll('[data-testid=admin-error] li').map((li) => li.text())).toEqual(['名称已被同级范围使用。', '范围编号重复。'])
    expect((admin.get('[data-testid=scope-name]').element as HTMLInputElement).value).toBe('后勤处')
    expect(admin.findAll('[data-testid=admin-scopes] li')).toHaveLength(5)
  })

  it('shows a single refusal as its Chinese sentence', async () => {
    const admin = await page(routes({ [`PATCH ${API.scopes}/d1`]: () => ({ status: 404, body: { error: issue('没有这个范围。', 'No such scope.') } }) }))
    await admin.get('[data-testid=scope-d1] [data-testid=scope-rename]').trigger('click')
    await admin.get('[data-testid=scope-rename-input]').setValue('总务处')
    await admin.get('[data-testid=scope-rename-save]').trigger('click')
    await flushPromises()
    expect(admin.get('[data-testid=admin-error]').text()).toBe('没有这个范围。')
  })
})

describe('AdminView: grants', () => {
  it('shows the chosen user\'s grants with role and scope in Chinese, grants another and revokes one', async () => {
    const calls: string[] = []
    let posted: unknown
    const admin = await page(routes({
      [`GET ${API.grants}?userId=${ZHANG}`]: () => ({ body: [grant('g1')] }),
      [`POST ${API.grants}`]: (init) => ((posted = JSON.parse(String(init.body))), { status: 201, body: grant('g2', { role: 'viewer', scopeId: 'p1' }) }),
      [`DELETE ${API.grants}/g1`]: () => (calls.push('DELETE g1'), { body: grant('g1') }),
    }))
    expect(admin.find('[data-testid=admin-grants]').exists()).toBe(false)
    await admin.get('[data-testid=grant-user]').setValue(ZHANG)
    await flushPromises()
    expect(admin.get('[data-testid=grant-g1]').text()).toContain('检查员')
    expect(admin.get('[data-testid=grant-g1]').text()).toContain('楼栋 · 一号楼')
    expect(optionTexts(admin, 'grant-role')).toEqual(['管理员', '模板设计', '检查员', '评审员', '查看者'])

    await admin.get('[data-testid=grant-role]').setValue('viewer')
    await admin.get('[data-testid=grant-scope]').setValue('p1')
    await admin.get('[data-testid=admin-create-grant]').trigger('submit')
    await flushPromises()
    expect(posted).toEqual({ userId: ZHANG, role: 'viewer', scopeId: 'p1' })
    expect(admin.get('[data-testid=grant-g2]').text()).toContain('查看者')
    expect(admin.get('[data-testid=grant-g2]').text()).toContain('党委 · 学院党委')

    await admin.get('[data-testid=grant-g1] [data-testid=grant-revoke]').trigger('click')
    await flushPromises()
    expect(calls).toEqual(['DELETE g1'])
    expect(admin.find('[data-testid=grant-g1]').exists()).toBe(false)
    expect(admin.get('[data-testid=admin-note]').text()).toBe('已撤销授权。')
  })

  it('shows the server\'s refusal of a duplicate grant in Chinese', async () => {
    const admin = await page(routes({
      [`GET ${API.grants}?userId=${ZHANG}`]: () => ({ body: [grant('g1')] }),
      [`POST ${API.grants}`]: () => ({ status: 409, body: { error: issue('该用户已在此范围内拥有这个角色。', 'The user already holds this role on this scope.', 'grantExists') } }),
    }))
    await admin.get('[data-testid=grant-user]').setValue(ZHANG)
    await flushPromises()
    await admin.get('[data-testid=grant-role]').setValue('inspector')
    await admin.get('[data-testid=grant-scope]').setValue('b1')
    await admin.get('[data-testid=admin-create-grant]').trigger('submit')
    await flushPromises()
    expect(admin.get('[data-testid=admin-error]').text()).toBe('该用户已在此范围内拥有这个角色。')
    expect(admin.findAll('[data-testid=admin-grants] tbody tr')).toHaveLength(1)
  })
})
