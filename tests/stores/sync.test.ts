// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { TransportError } from '@/sync/transport'
import { LAST_SYNC_STORAGE_KEY, RETRY_DELAYS_MS, SYNC_INTERVAL_MS, WRITE_DEBOUNCE_MS, useSyncStore, type SyncReport } from '@/stores/sync'
import { useAccountStore } from '@/stores/account'
import { fakeDeps, fakeWindow, issue, report, session, signedInBefore } from './sync-helpers'

beforeEach(() => {
  localStorage.clear()
  vi.useFakeTimers()
  setActivePinia(createPinia())
})
afterEach(() => {
  useSyncStore().stop()
  vi.useRealTimers()
})

function setup({ signedIn = true, pending = 0, online = true } = {}) {
  if (signedIn) signedInBefore()
  const { deps, state } = fakeDeps(pending)
  const win = fakeWindow(online)
  const sync = useSyncStore()
  sync.configure({ deps, window: win })
  const account = useAccountStore()
  // The server answers sign-outs; no test reaches a real network.
  account.configure({ fetch: vi.fn(async () => new Response(null, { status: 204 })) })
  return { sync, deps, state, win, account }
}

/** A run that stays in flight until the test resolves it. */
function heldRun() {
  let release: (r: SyncReport) => void = () => undefined
  const promise = new Promise<SyncReport>((resolve) => (release = resolve))
  return { promise, release: (r = report()) => release(r) }
}

describe('useSyncStore status', () => {
  it('is signedOut without a session, and never runs the engine then', async () => {
    const { sync, deps } = setup({ signedIn: false })
    expect(sync.status).toBe('signedOut')
    expect(await sync.syncNow()).toBeNull()
    expect(deps.run).not.toHaveBeenCalled()
  })

  it('says pending with the count, then synced once the outbox is empty', async () => {
    const { sync, state } = setup({ pending: 3 })
    await sync.refresh()
    expect(sync.status).toBe('pending')
    expect(sync.pending).toBe(3)
    state.pending = 0
    const result = await sync.syncNow()
    expect(result?.pushed).toBe(1)
    expect(sync.status).toBe('synced')
    expect(sync.lastSyncAt).not.toBeNull()
    expect(localStorage.getItem(LAST_SYNC_STORAGE_KEY)).toBe(sync.lastSyncAt)
  })

  it('says offline when the browser is offline, failed when the server cannot be reached', async () => {
    const { sync, deps, win } = setup()
    win.fire('offline')
    expect(sync.status).toBe('offline')
    win.fire('online')
    deps.run.mockRejectedValue(new TransportError('server', 'HTTP 503', undefined, 503))
    await sync.syncNow()
    expect(sync.status).toBe('failed')
    expect(sync.lastError?.failure).toBe('server')
  })

  it('passes the server address and the session CSRF token to the engine', async () => {
    const { sync, deps, account } = setup()
    account.setServerUrl('https://qd.example.edu')
    await sync.syncNow()
    const [target] = deps.run.mock.calls[0] ?? []
    expect(target?.baseUrl).toBe('https://qd.example.edu')
    expect(target?.csrfToken()).toBe('csrf-1')
  })

  it('never rejects: an unexpected engine error is kept for the page', async () => {
    const { sync, deps } = setup()
    deps.run.mockRejectedValue(new Error('IndexedDB closed'))
    await expect(sync.syncNow()).resolves.toBeNull()
    expect(sync.lastError?.message).toBe('IndexedDB closed')
    expect(sync.status).toBe('failed')
  })
})

describe('useSyncStore scheduler', () => {
  it('runs once, 2 s after the last of several local writes', async () => {
    const { sync, deps } = setup()
    sync.start()
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS) // the start's own first sync
    deps.run.mockClear()
    sync.noteLocalWrite()
    await vi.advanceTimersByTimeAsync(1500)
    sync.noteLocalWrite()
    await vi.advanceTimersByTimeAsync(1500)
    sync.noteLocalWrite()
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS - 1)
    expect(deps.run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(deps.run).toHaveBeenCalledTimes(1)
  })

  it('updates the pending count at once when a write is noted', async () => {
    const { sync, state } = setup()
    state.pending = 2
    sync.noteLocalWrite()
    await vi.advanceTimersByTimeAsync(0)
    expect(sync.status).toBe('pending')
    expect(sync.pending).toBe(2)
  })

  it('never runs two syncs at once: a second call joins the first', async () => {
    const { sync, deps } = setup()
    const held = heldRun()
    deps.run.mockReturnValue(held.promise)
    const first = sync.syncNow()
    const second = sync.syncNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(sync.running).toBe(true)
    expect(deps.run).toHaveBeenCalledTimes(1)
    held.release(report({ pushed: 7 }))
    expect((await first)?.pushed).toBe(7)
    expect(await second).toBe(await first)
    expect(sync.running).toBe(false)
  })

  it('syncs when the network comes back', async () => {
    const { sync, deps, win } = setup({ online: false })
    sync.start()
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS)
    expect(deps.run).not.toHaveBeenCalled() // offline: the first sync waits
    win.fire('online')
    await vi.advanceTimersByTimeAsync(0)
    expect(deps.run).toHaveBeenCalledTimes(1)
  })

  it('syncs every minute while online, and not while offline', async () => {
    const { sync, deps, win } = setup()
    sync.start()
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS)
    deps.run.mockClear()
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS)
    expect(deps.run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS)
    expect(deps.run).toHaveBeenCalledTimes(2)
    win.fire('offline')
    await vi.advanceTimersByTimeAsync(3 * SYNC_INTERVAL_MS)
    expect(deps.run).toHaveBeenCalledTimes(2)
  })

  it('stops running by itself after stop()', async () => {
    const { sync, deps } = setup()
    sync.start()
    sync.stop()
    await vi.advanceTimersByTimeAsync(2 * SYNC_INTERVAL_MS)
    expect(deps.run).not.toHaveBeenCalled()
  })

  it('retries a transient failure with growing waits, and clears the error once it succeeds', async () => {
    const { sync, deps } = setup()
    sync.start()
    deps.run.mockRejectedValue(new TransportError('network', 'reset'))
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS)
    expect(deps.run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0] ?? 0)
    expect(deps.run).toHaveBeenCalledTimes(2)
    // The second wait is longer than the first.
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0] ?? 0)
    expect(deps.run).toHaveBeenCalledTimes(2)
    deps.run.mockResolvedValue(report())
    await vi.advanceTimersByTimeAsync((RETRY_DELAYS_MS[1] ?? 0) - (RETRY_DELAYS_MS[0] ?? 0))
    expect(deps.run).toHaveBeenCalledTimes(3)
    expect(sync.lastError).toBeNull()
    expect(sync.status).toBe('synced')
  })

  it('does not retry a refused request by itself', async () => {
    const { sync, deps } = setup()
    sync.start()
    deps.run.mockRejectedValue(new TransportError('refused', 'bad', issue('批次无效', 'Invalid batch')))
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS + RETRY_DELAYS_MS[0]! + 1000)
    expect(deps.run).toHaveBeenCalledTimes(1)
    expect(sync.lastError?.issue?.message['zh-CN']).toBe('批次无效')
  })

  it('treats a refused session as signed out, with the reason kept, and stops retrying', async () => {
    const { sync, deps, account } = setup()
    sync.start()
    deps.run.mockRejectedValue(new TransportError('unauthorized', 'revoked', issue('设备已被吊销', 'Device revoked'), 401))
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS)
    expect(sync.status).toBe('signedOut')
    expect(account.signedIn).toBe(false)
    expect(account.error?.issue?.message['zh-CN']).toBe('设备已被吊销')
    await vi.advanceTimersByTimeAsync(5 * SYNC_INTERVAL_MS)
    expect(deps.run).toHaveBeenCalledTimes(1)
  })
})

describe('useSyncStore sign-out', () => {
  it('keeps local data by default', async () => {
    const { sync, deps, account } = setup({ pending: 4 })
    expect(await sync.signOut()).toBe('signedOut')
    expect(account.signedIn).toBe(false)
    expect(deps.wipe).not.toHaveBeenCalled()
  })

  it('does not wipe unsynced changes without a confirmation', async () => {
    const { sync, deps, account } = setup({ pending: 4 })
    expect(await sync.signOut({ wipe: true })).toBe('confirmWipe')
    expect(sync.pending).toBe(4)
    expect(deps.wipe).not.toHaveBeenCalled()
    expect(account.signedIn).toBe(true)

    expect(await sync.signOut({ wipe: true, confirmUnsynced: true })).toBe('signedOut')
    expect(deps.wipe).toHaveBeenCalledTimes(1)
    expect(sync.pending).toBe(0)
    expect(sync.lastSyncAt).toBeNull()
  })

  it('wipes at once when everything is synced', async () => {
    const { sync, deps } = setup({ pending: 0 })
    expect(await sync.signOut({ wipe: true })).toBe('signedOut')
    expect(deps.wipe).toHaveBeenCalledTimes(1)
  })

  it('still signs out when the server cannot be told', async () => {
    signedInBefore(session())
    const { sync, account } = setup()
    account.configure({ fetch: vi.fn(async () => Promise.reject(new TypeError('offline'))) })
    expect(await sync.signOut()).toBe('signedOut')
    expect(sync.status).toBe('signedOut')
  })
})

describe('useSyncStore and the session', () => {
  it('renews the stored session after a sync once its expiry is near, not on every sync', async () => {
    const near = new Date(Date.now() + 10 * 24 * 3600_000).toISOString()
    signedInBefore(session({ expiresAt: near }))
    const { sync, account } = setup({ signedIn: false })
    const renewed = new Date(Date.now() + 30 * 24 * 3600_000).toISOString()
    const fetch = vi.fn(async () => new Response(JSON.stringify(session({ expiresAt: renewed })), { status: 200 }))
    account.configure({ fetch })
    await sync.syncNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(account.session?.expiresAt).toBe(renewed)
    await sync.syncNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('forgets the error that ended a session once the device signs in again', async () => {
    const { sync, deps, account } = setup()
    deps.run.mockRejectedValueOnce(new TransportError('unauthorized', 'expired', undefined, 401))
    await sync.syncNow()
    expect(sync.status).toBe('signedOut')
    account.configure({ fetch: vi.fn(async () => new Response(JSON.stringify(session()), { status: 200 })), deviceId: async () => 'd' })
    await account.signIn({ username: 'zhang', password: 'pw', deviceName: 'T' })
    await vi.advanceTimersByTimeAsync(0)
    expect(sync.lastError).toBeNull()
    expect(sync.status).toBe('synced')
  })
})
