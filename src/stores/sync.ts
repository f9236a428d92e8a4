/**
 * Sync with the team server (#13), as the app sees it: a status for the header badge, the pending
 * count, the last sync, the last error, and a scheduler that runs the device's sync engine by
 * itself while online — debounced after local writes, on reconnecting, and every minute. Filling
 * never waits for it: every run is async, one at a time, and its errors are kept, not thrown.
 * The engine and the outbox live in src/sync and src/db; this store reaches them through
 * `SyncDeps` (default wiring in ./sync-deps.ts, loaded on first use; tests pass fakes).
 */
import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import type { Issue } from '@/core/result'
import type { MutationResult } from '@/core/sync/protocol'
import type { TransportError } from '@/sync/transport'
import { safeLocalStorage } from '@/app/i18n'
import { asTransportError, useAccountStore } from '@/stores/account'
import { removeStored, writeStored } from './local-storage'

/** What one engine run did (src/sync/engine.ts `runSync`). */
export interface SyncReport {
  pushed: number
  pulled: number
  uploaded: number
  downloaded: number
  refused: MutationResult[]
  serverTime?: number
}

/** A mutation the server refused: retrying will not help, the person should know why. */
export interface RefusedMutation {
  /** The refusal's own key on this device (to dismiss it). */
  key: number
  id: string
  seq: number
  /** What it was about (`answer`, `submit` …) when known. */
  kind?: string
  issue?: Issue
}

/** Where the engine sends its requests. */
export interface SyncTarget {
  baseUrl: string
  csrfToken: () => string | undefined
}

/** The store's way to the engine, the outbox and the local data. */
export interface SyncDeps {
  run(target: SyncTarget, signal: AbortSignal): Promise<SyncReport>
  /** Outbox rows not acknowledged yet. */
  pending(): Promise<number>
  refused(): Promise<RefusedMutation[]>
  /** Removes a refusal from the list once the person has read it. */
  dismiss(key: number): Promise<void>
  /** Deletes every local record (sign-out with wipe). */
  wipe(): Promise<void>
}

/** The window the scheduler listens to (a fake in tests). */
export interface SyncWindow {
  addEventListener(type: 'online' | 'offline', listener: () => void): void
  removeEventListener(type: 'online' | 'offline', listener: () => void): void
  navigator: { onLine: boolean }
}

export const SYNC_STATUSES = ['synced', 'pending', 'offline', 'failed', 'signedOut'] as const
export type SyncStatus = (typeof SYNC_STATUSES)[number]

/** localStorage key of the last successful sync (ISO), so a reload still says when. */
export const LAST_SYNC_STORAGE_KEY = 'qingdan.lastSyncAt'

/** Quiet time after the last local write before a sync starts. */
export const WRITE_DEBOUNCE_MS = 2000
/** A sync at least this often while online and signed in. */
export const SYNC_INTERVAL_MS = 60_000
/**
 * The server keeps a session 30 days after its last use, but the device only learns the new
 * expiry from /me: it asks after a sync once the stored expiry is nearer than this (about daily).
 */
export const RENEW_SESSION_WITHIN_MS = 29 * 24 * 3600_000
/** Waits before retrying after a transient failure; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 15_000, 30_000, 60_000]

export type SignOutOutcome = 'signedOut' | 'confirmWipe'

export const useSyncStore = defineStore('sync', () => {
  const account = useAccountStore()
  const storage = safeLocalStorage()
  let deps: SyncDeps | undefined
  let win: SyncWindow | undefined = typeof window === 'undefined' ? undefined : window

  const running = ref(false)
  const pending = ref(0)
  const lastSyncAt = ref<string | null>(readLastSync(storage))
  /** The last run's failure; cleared by a successful run. */
  const lastError = shallowRef<TransportError | null>(null)
  const refused = shallowRef<RefusedMutation[]>([])
  const lastReport = shallowRef<SyncReport | null>(null)
  const online = ref(win ? win.navigator.onLine : true)

  const status = computed<SyncStatus>(() => {
    if (!account.signedIn) return 'signedOut'
    if (!online.value || lastError.value?.failure === 'offline') return 'offline'
    if (lastError.value) return 'failed'
    return pending.value > 0 ? 'pending' : 'synced'
  })

  // A new sign-in starts clean: the error that ended the last session is the sign-in form's now.
  watch(
    () => account.signedIn,
    (signedIn) => {
      if (!signedIn) return
      lastError.value = null
      attempt = 0
    },
  )

  let current: Promise<SyncReport | null> | undefined
  let controller: AbortController | undefined
  let debounceTimer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let intervalTimer: ReturnType<typeof setInterval> | undefined
  let attempt = 0
  let started = false

  /** Replaces the engine wiring and the window (tests). */
  function configure(next: { deps?: SyncDeps; window?: SyncWindow | null }): void {
    if (next.deps) deps = next.deps
    if (next.window !== undefined) {
      unlisten()
      win = next.window ?? undefined
      online.value = win ? win.navigator.onLine : true
      listen()
    }
  }

  async function engine(): Promise<SyncDeps> {
    deps ??= (await import('./sync-deps')).defaultSyncDeps()
    return deps
  }

  /** The person has read a refusal: it leaves the list (the change itself stays refused). */
  async function dismissRefused(key: number): Promise<void> {
    await (await engine()).dismiss(key)
    refused.value = refused.value.filter((r) => r.key !== key)
  }

  /** Re-reads the pending count and the refused list; failures leave the last known values. */
  async function refresh(): Promise<void> {
    try {
      const d = await engine()
      ;[pending.value, refused.value] = await Promise.all([d.pending(), d.refused()])
    } catch (e) {
      console.warn('sync status unavailable', e)
    }
  }

  /**
   * Runs one sync now; a call while one runs joins it (never two at once). Resolves with the
   * report, or null when it did not run or failed (see `lastError`). Never rejects.
   */
  function syncNow(): Promise<SyncReport | null> {
    current ??= runOnce().finally(() => {
      current = undefined
    })
    return current
  }

  async function runOnce(): Promise<SyncReport | null> {
    clearTimer('retry')
    clearTimer('debounce')
    account.tick()
    if (!account.signedIn) return null
    running.value = true
    controller = new AbortController()
    try {
      const d = await engine()
      const report = await d.run({ baseUrl: account.serverUrl, csrfToken: () => account.session?.csrfToken }, controller.signal)
      lastReport.value = report
      lastError.value = null
      attempt = 0
      lastSyncAt.value = new Date(Date.now()).toISOString()
      writeStored(storage, LAST_SYNC_STORAGE_KEY, lastSyncAt.value)
      const expiresAt = account.session ? Date.parse(account.session.expiresAt) : Infinity
      if (expiresAt - Date.now() < RENEW_SESSION_WITHIN_MS) void account.refreshMe()
      return report
    } catch (e) {
      const failure = asTransportError(e)
      lastError.value = failure
      if (failure.failure === 'unauthorized') account.sessionEnded(failure)
      else if (failure.transient) scheduleRetry()
      return null
    } finally {
      running.value = false
      controller = undefined
      await refresh()
    }
  }

  function scheduleRetry(): void {
    if (!started) return
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? SYNC_INTERVAL_MS
    attempt += 1
    clearTimer('retry')
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      if (online.value) void syncNow()
    }, delay)
  }

  /** Where the app saves (the fill store): a sync follows once writes have been quiet a moment. */
  function noteLocalWrite(): void {
    if (!account.signedIn) return
    // The outbox row was written with the change: the badge says 待同步 N at once.
    void refresh()
    clearTimer('debounce')
    debounceTimer = setTimeout(() => {
      debounceTimer = undefined
      if (online.value) void syncNow()
    }, WRITE_DEBOUNCE_MS)
  }

  // The network state is followed from the start (the badge says 离线); syncing on reconnect
  // only once the scheduler runs.
  const onOnline = (): void => {
    online.value = true
    attempt = 0
    if (started) void syncNow()
  }
  const onOffline = (): void => {
    online.value = false
    clearTimer('retry')
  }
  function listen(): void {
    win?.addEventListener('online', onOnline)
    win?.addEventListener('offline', onOffline)
  }
  function unlisten(): void {
    win?.removeEventListener('online', onOnline)
    win?.removeEventListener('offline', onOffline)
  }
  listen()

  /** Starts the scheduler (App.vue, once); a first sync follows after the write debounce. */
  function start(): void {
    if (started) return
    started = true
    intervalTimer = setInterval(() => {
      if (online.value && !current) void syncNow()
    }, SYNC_INTERVAL_MS)
    if (account.signedIn) {
      void refresh()
      debounceTimer = setTimeout(() => {
        debounceTimer = undefined
        if (online.value) void syncNow()
      }, WRITE_DEBOUNCE_MS)
    }
  }

  function stop(): void {
    if (!started) return
    started = false
    clearTimer('debounce')
    clearTimer('retry')
    if (intervalTimer !== undefined) clearInterval(intervalTimer)
    intervalTimer = undefined
  }

  function clearTimer(which: 'debounce' | 'retry'): void {
    if (which === 'debounce' && debounceTimer !== undefined) {
      clearTimeout(debounceTimer)
      debounceTimer = undefined
    }
    if (which === 'retry' && retryTimer !== undefined) {
      clearTimeout(retryTimer)
      retryTimer = undefined
    }
  }

  /**
   * Signs out. Keeping local data is the default. Wiping never discards unsynced changes
   * silently: with pending changes it returns 'confirmWipe' and does nothing, until called again
   * with `confirmUnsynced` (the view shows the count first).
   */
  async function signOut(options: { wipe?: boolean; confirmUnsynced?: boolean } = {}): Promise<SignOutOutcome> {
    const { wipe = false, confirmUnsynced = false } = options
    if (wipe) {
      if (current) await current
      await refresh()
      if (pending.value > 0 && !confirmUnsynced) return 'confirmWipe'
    }
    controller?.abort()
    clearTimer('debounce')
    clearTimer('retry')
    await account.signOut()
    lastError.value = null
    if (wipe) {
      await (await engine()).wipe()
      pending.value = 0
      refused.value = []
      lastSyncAt.value = null
      removeStored(storage, LAST_SYNC_STORAGE_KEY)
    }
    return 'signedOut'
  }

  return { status, running, pending, lastSyncAt, lastError, refused, lastReport, online, configure, refresh, dismissRefused, syncNow, noteLocalWrite, start, stop, signOut }
})

function readLastSync(storage: Storage | undefined): string | null {
  try {
    const value = storage?.getItem(LAST_SYNC_STORAGE_KEY) ?? null
    return value !== null && !Number.isNaN(Date.parse(value)) ? value : null
  } catch {
    return null
  }
}
