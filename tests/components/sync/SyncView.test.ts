// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SyncView from '@/views/SyncView.vue'
import { API, type LoginRequest } from '@/core/sync/protocol'
import { TransportError } from '@/sync/transport'
import { useAccountStore } from '@/stores/account'
import { useSyncStore } from '@/stores/sync'
import { fakeDeps, fakeFetch, fakeWindow, issue, session, signedInBefore } from '../../stores/sync-helpers'
import { freshPinia, mountPage } from './mountSync'

beforeEach(() => localStorage.clear())
afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

/** The stores as the page will find them: fakes for the device id, the network and the engine. */
function stores(routes: Parameters<typeof fakeFetch>[0] = {}, pending = 0) {
  const pinia = freshPinia()
  const fetch = fakeFetch({ [`GET ${API.me}`]: () => ({ body: session() }), [`POST ${API.logout}`]: () => ({ status: 204 }), ...routes })
  const account = useAccountStore()
  account.configure({ fetch, deviceId: async () => 'ab12cd34-5678-4000-8000-000000000000' })
  const { deps, state } = fakeDeps(pending)
  const sync = useSyncStore()
  sync.configure({ deps, window: fakeWindow(true) })
  return { pinia, fetch, account, sync, deps, state }
}

describe('SyncView signed out', () => {
  it('offers a device name made from the device id, and posts a LoginRequest', async () => {
    let sent: LoginRequest | undefined
    const { pinia, deps } = stores({ [`POST ${API.login}`]: (init) => ((sent = JSON.parse(String(init.body)) as LoginRequest), { body: session() }) })
    const page = await mountPage(SyncView, { pinia })
    await flushPromises()
    expect((page.get('[data-testid=sign-in-device-name]').element as HTMLInputElement).value).toBe('平板 ab12')
    await page.get('[data-testid=sign-in-username]').setValue('zhang')
    await page.get('[data-testid=sign-in-password]').setValue('s3cret')
    await page.get('[data-testid=sign-in-form]').trigger('submit')
    await flushPromises()
    expect(sent).toEqual({ username: 'zhang', password: 's3cret', deviceId: 'ab12cd34-5678-4000-8000-000000000000', deviceName: '平板 ab12' })
    expect(page.get('[data-testid=sync-user]').text()).toContain('张老师')
    expect(deps.run).toHaveBeenCalledTimes(1) // a first sync right after signing in
  })

  it("shows the server's reason for a refused sign-in in Chinese", async () => {
    const { pinia } = stores({ [`POST ${API.login}`]: () => ({ status: 401, body: { error: issue('用户名或密码错误', 'Wrong username or password') } }) })
    const page = await mountPage(SyncView, { pinia })
    await page.get('[data-testid=sign-in-username]').setValue('zhang')
    await page.get('[data-testid=sign-in-password]').setValue('nope')
    await page.get('[data-testid=sign-in-form]').trigger('submit')
    await flushPromises()
    expect(page.get('[data-testid=sign-in-error]').text()).toBe('用户名或密码错误')
  })

  it('asks for a username and password before sending anything', async () => {
    const { pinia, fetch } = stores()
    const page = await mountPage(SyncView, { pinia })
    await page.get('[data-testid=sign-in-form]').trigger('submit')
    expect(page.get('[data-testid=sign-in-error]').text()).toBe('请填写用户名和密码。')
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0)
  })

  it('refuses a server address that is not http(s)', async () => {
    const { pinia, account } = stores()
    const page = await mountPage(SyncView, { pinia })
    await page.get('[data-testid=server-url]').setValue('ftp://files')
    await page.get('[data-testid=server-form]').trigger('submit')
    expect(page.get('[data-testid=server-note]').text()).toContain('http://')
    expect(account.serverUrl).toBe('')
    await page.get('[data-testid=server-url]').setValue('https://qd.example.edu/')
    await page.get('[data-testid=server-form]').trigger('submit')
    expect(account.serverUrl).toBe('https://qd.example.edu')
  })
})

describe('SyncView signed in', () => {
  it('shows the pending count and the last error in Chinese, and retries on 重试', async () => {
    signedInBefore()
    const { pinia, sync, deps } = stores({}, 5)
    deps.run.mockRejectedValueOnce(new TransportError('refused', 'bad batch', issue('批次格式无效', 'Invalid batch')))
    await sync.syncNow()
    const page = await mountPage(SyncView, { pinia })
    await flushPromises()
    expect(page.get('[data-testid=sync-pending]').text()).toBe('5')
    expect(page.get('[data-testid=sync-error]').text()).toBe('批次格式无效')
    expect(page.get('[data-testid=sync-badge]').text()).toBe('同步失败')
    const retry = page.get('[data-testid=sync-now]')
    expect(retry.text()).toBe('重试')
    await retry.trigger('click')
    await flushPromises()
    expect(deps.run).toHaveBeenCalledTimes(2)
    expect(page.find('[data-testid=sync-error]').exists()).toBe(false)
  })

  it('explains a failure without a server message in the reader\'s language', async () => {
    signedInBefore()
    const { pinia, sync, deps } = stores()
    deps.run.mockRejectedValueOnce(new TransportError('network', 'Failed to fetch'))
    await sync.syncNow()
    const page = await mountPage(SyncView, { pinia })
    expect(page.get('[data-testid=sync-error]').text()).toBe('无法连接服务器，稍后会自动重试。')
  })

  it('lists the changes the server refused, with their reasons', async () => {
    signedInBefore()
    const { pinia, deps } = stores()
    deps.refused.mockResolvedValue([
      { key: 7, id: 'm-1234567890', seq: 3, kind: 'answer', issue: issue('答案不符合模板', 'Answer does not fit the template') },
      { key: 8, id: 'm-2345678901', seq: 4, kind: 'submit' },
    ])
    const page = await mountPage(SyncView, { pinia })
    await flushPromises()
    expect(page.get('[data-testid=sync-refused]').text()).toContain('答案不符合模板')
    // Read and dismissed: it leaves the list here and on the device.
    await page.findAll('[data-testid=sync-refused-dismiss]')[0]!.trigger('click')
    await flushPromises()
    expect(deps.dismiss).toHaveBeenCalledWith(7)
    expect(page.findAll('[data-testid=sync-refused] li')).toHaveLength(1)
    expect(page.get('[data-testid=sync-refused]').text()).not.toContain('答案不符合模板')
  })

  it('warns with the unsynced count before wiping, wipes only when confirmed, then starts the app again', async () => {
    const reload = vi.fn()
    vi.stubGlobal('location', { ...window.location, reload })
    signedInBefore()
    const { pinia, deps, account } = stores({}, 3)
    const page = await mountPage(SyncView, { pinia })
    await flushPromises()
    await page.get('[data-testid=sign-out-wipe]').setValue(true)
    await page.get('[data-testid=sign-out-form]').trigger('submit')
    await flushPromises()
    expect(page.get('[data-testid=wipe-warning]').text()).toBe('还有 3 条更改尚未同步到服务器，清除后将永久丢失。')
    expect(deps.wipe).not.toHaveBeenCalled()
    expect(account.signedIn).toBe(true)
    await page.get('[data-testid=confirm]').trigger('click')
    await flushPromises()
    expect(deps.wipe).toHaveBeenCalledTimes(1)
    expect(account.signedIn).toBe(false)
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('signs out keeping local data by default, without asking', async () => {
    signedInBefore()
    const { pinia, deps, account } = stores({}, 3)
    const page = await mountPage(SyncView, { pinia })
    await flushPromises()
    await page.get('[data-testid=sign-out-form]').trigger('submit')
    await flushPromises()
    expect(page.find('[data-testid=wipe-warning]').exists()).toBe(false)
    expect(deps.wipe).not.toHaveBeenCalled()
    expect(account.signedIn).toBe(false)
    expect(page.find('[data-testid=sign-in-form]').exists()).toBe(true)
    expect(page.get('[data-testid=signed-out-note]').text()).toBe('已退出登录。')
  })

  it('links an admin to the admin page, and nobody else', async () => {
    signedInBefore(session({ user: { id: 'a', username: 'admin', displayName: '管理员', role: 'admin' } }))
    const admin = await mountPage(SyncView, { pinia: stores().pinia })
    expect(admin.find('[data-testid=sync-admin-link]').exists()).toBe(true)
    admin.unmount()
    localStorage.clear()
    signedInBefore()
    const member = await mountPage(SyncView, { pinia: stores().pinia })
    expect(member.find('[data-testid=sync-admin-link]').exists()).toBe(false)
  })
})
