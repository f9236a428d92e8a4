// Builders shared by the account and sync store tests.
import { vi } from 'vitest'
import type { Issue } from '@/core/result'
import type { SessionInfo } from '@/core/sync/protocol'
import { SESSION_STORAGE_KEY } from '@/stores/account'
import type { SyncDeps, SyncReport, SyncWindow } from '@/stores/sync'

export function session(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    user: { id: 'u1', username: 'zhang', displayName: '张老师', role: 'member' },
    deviceId: 'ab12cd34-0000-4000-8000-000000000000',
    csrfToken: 'csrf-1',
    expiresAt: '2099-01-01T00:00:00.000Z',
    ...overrides,
  }
}

/** Stores a session as a previous page would have, so the next store starts signed in. */
export function signedInBefore(info: SessionInfo = session()): void {
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(info))
}

export function issue(zh: string, en: string, code = 'test'): Issue {
  return { code, pointer: '', severity: 'error', message: { 'zh-CN': zh, en } }
}

export function report(overrides: Partial<SyncReport> = {}): SyncReport {
  return { pushed: 1, pulled: 0, uploaded: 0, downloaded: 0, refused: [], ...overrides }
}

/** Engine fakes: `run` resolves at once unless a test replaces it. */
export function fakeDeps(pending = 0) {
  const state = { pending }
  const deps = {
    run: vi.fn<SyncDeps['run']>(async () => report()),
    pending: vi.fn<SyncDeps['pending']>(async () => state.pending),
    refused: vi.fn<SyncDeps['refused']>(async () => []),
    dismiss: vi.fn<SyncDeps['dismiss']>(async () => undefined),
    wipe: vi.fn<SyncDeps['wipe']>(async () => {
      state.pending = 0
    }),
  }
  return { deps, state }
}

/** A window whose online state and events the test drives. */
export function fakeWindow(onLine = true) {
  const listeners = new Map<string, Set<() => void>>()
  const win: SyncWindow & { fire(type: 'online' | 'offline'): void } = {
    navigator: { onLine },
    addEventListener: (type, listener) => {
      if (!listeners.has(type)) listeners.set(type, new Set())
      listeners.get(type)?.add(listener)
    },
    removeEventListener: (type, listener) => listeners.get(type)?.delete(listener),
    fire(type) {
      win.navigator.onLine = type === 'online'
      for (const l of listeners.get(type) ?? []) l()
    },
  }
  return win
}

/** A fetch answering JSON per "METHOD path"; records every call. */
export function fakeFetch(routes: Record<string, (init: RequestInit) => { status?: number; body?: unknown }>) {
  return vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const path = String(url).replace(/^https?:\/\/[^/]+/, '')
    const key = `${init.method ?? 'GET'} ${path}`
    const route = routes[key]
    if (!route) return new Response(JSON.stringify({ error: issue('未知路由', 'Unknown route') }), { status: 404 })
    const { status = 200, body } = route(init)
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  })
}
