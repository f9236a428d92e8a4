// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { API, CSRF_HEADER, type LoginRequest } from '@/core/sync/protocol'
import { SERVER_URL_STORAGE_KEY, SESSION_STORAGE_KEY, useAccountStore } from '@/stores/account'
import { fakeFetch, issue, session, signedInBefore } from './sync-helpers'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

function store(fetch: typeof globalThis.fetch, deviceId = 'ab12cd34-device') {
  const account = useAccountStore()
  account.configure({ fetch, deviceId: async () => deviceId })
  return account
}

describe('useAccountStore', () => {
  it('starts signed out on a fresh device, talking to the origin that served the app', () => {
    const account = useAccountStore()
    expect(account.signedIn).toBe(false)
    expect(account.serverUrl).toBe('')
  })

  it('signs in with the device id and name, and keeps the session but never the password', async () => {
    let sent: LoginRequest | undefined
    const fetch = fakeFetch({ [`POST ${API.login}`]: (init) => ((sent = JSON.parse(String(init.body)) as LoginRequest), { body: session() }) })
    const account = store(fetch)
    expect(await account.signIn({ username: ' zhang ', password: 's3cret!', deviceName: '平板 ab12' })).toBe(true)
    expect(sent).toEqual({ username: 'zhang', password: 's3cret!', deviceId: 'ab12cd34-device', deviceName: '平板 ab12' })
    expect(account.signedIn).toBe(true)
    expect(account.user?.username).toBe('zhang')
    const stored = localStorage.getItem(SESSION_STORAGE_KEY) ?? ''
    expect(JSON.parse(stored)).toEqual(session())
    expect(stored).not.toContain('s3cret')
    expect(fetch.mock.calls[0]?.[1]?.credentials).toBe('same-origin')
  })

  it('is still signed in after a reload with no network, until the session lapses', () => {
    signedInBefore(session({ user: { id: 'a', username: 'admin', displayName: '管理员', role: 'admin' } }))
    const account = useAccountStore()
    expect(account.signedIn).toBe(true)
    expect(account.isAdmin).toBe(true)

    setActivePinia(createPinia())
    signedInBefore(session({ expiresAt: '2020-01-01T00:00:00.000Z' }))
    expect(useAccountStore().signedIn).toBe(false)
  })

  it('drops a stored session that is not a session', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ user: 'x' }))
    expect(useAccountStore().signedIn).toBe(false)
  })

  it("keeps the server's bilingual reason when sign-in is refused", async () => {
    const fetch = fakeFetch({ [`POST ${API.login}`]: () => ({ status: 401, body: { error: issue('用户名或密码错误', 'Wrong username or password') } }) })
    const account = store(fetch)
    expect(await account.signIn({ username: 'zhang', password: 'x', deviceName: 'T' })).toBe(false)
    expect(account.signedIn).toBe(false)
    expect(account.error?.failure).toBe('unauthorized')
    expect(account.error?.issue?.message['zh-CN']).toBe('用户名或密码错误')
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()
  })

  it('says offline when no request could be made and the browser is offline', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    try {
      const account = store(fetch)
      await account.signIn({ username: 'zhang', password: 'x', deviceName: 'T' })
      expect(account.error?.failure).toBe('offline')
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('signs out with the CSRF token, and forgets the session even when the server cannot be reached', async () => {
    signedInBefore()
    const fetch = fakeFetch({ [`POST ${API.logout}`]: () => ({ status: 204 }) })
    const account = store(fetch)
    await account.signOut()
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get(CSRF_HEADER)).toBe('csrf-1')
    expect(account.signedIn).toBe(false)
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()

    setActivePinia(createPinia())
    signedInBefore()
    const offline = store(vi.fn(async () => Promise.reject(new TypeError('offline'))))
    await offline.signOut()
    expect(offline.signedIn).toBe(false)
  })

  it('renews the session from /me, forgets it when the server refuses it, keeps it when offline', async () => {
    signedInBefore()
    const renewed = session({ expiresAt: '2099-06-01T00:00:00.000Z' })
    const account = store(fakeFetch({ [`GET ${API.me}`]: () => ({ body: renewed }) }))
    await account.refreshMe()
    expect(account.session?.expiresAt).toBe(renewed.expiresAt)

    account.configure({ fetch: vi.fn(async () => Promise.reject(new TypeError('down'))) })
    await account.refreshMe()
    expect(account.signedIn).toBe(true)

    account.configure({ fetch: fakeFetch({ [`GET ${API.me}`]: () => ({ status: 401, body: { error: issue('设备已被吊销', 'Device revoked') } }) }) })
    await account.refreshMe()
    expect(account.signedIn).toBe(false)
    expect(account.error?.issue?.message.en).toBe('Device revoked')
  })

  it('accepts only an http(s) server address, and sends credentials to another server', async () => {
    const fetch = fakeFetch({ [`POST ${API.login}`]: () => ({ body: session() }) })
    const account = store(fetch)
    expect(account.setServerUrl('ftp://x')).toBe(false)
    expect(account.setServerUrl('javascript:alert(1)')).toBe(false)
    expect(account.serverUrl).toBe('')
    expect(account.setServerUrl(' https://qd.example.edu/ ')).toBe(true)
    expect(localStorage.getItem(SERVER_URL_STORAGE_KEY)).toBe('https://qd.example.edu')
    await account.signIn({ username: 'zhang', password: 'x', deviceName: 'T' })
    expect(String(fetch.mock.calls[0]?.[0])).toBe(`https://qd.example.edu${API.login}`)
    expect(fetch.mock.calls[0]?.[1]?.credentials).toBe('include')
    expect(account.setServerUrl('')).toBe(true)
    expect(localStorage.getItem(SERVER_URL_STORAGE_KEY)).toBeNull()
  })
})

describe('the API client', () => {
  it('calls a 200 answer that is not JSON a server failure, not a success', async () => {
    signedInBefore()
    const account = store(vi.fn(async () => new Response('<!doctype html>', { status: 200 })))
    await account.refreshMe()
    expect(account.signedIn).toBe(true)
    const { createApiClient } = await import('@/io/api')
    const client = createApiClient({ baseUrl: '', csrfToken: () => undefined, fetch: vi.fn(async () => new Response('<html>', { status: 200 })) })
    await expect(client.request('GET', API.me)).rejects.toMatchObject({ name: 'TransportError', failure: 'server' })
  })
})
