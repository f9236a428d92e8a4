/**
 * The device's account on a team server (#13): which server, who is signed in, and the session
 * the tablet keeps for 30 days offline. Like the settings, it lives in localStorage: tiny, needed
 * synchronously before the first render (the header's sync badge), and not part of any backup.
 * The password is never stored; the session cookie is HTTP-only and the browser's.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { LoginRequest, SessionInfo } from '@/core/sync/protocol'
import { safeLocalStorage } from '@/app/i18n'
import { accountApi, createApiClient, isServerUrl, normalizeBaseUrl, type AccountApi } from '@/io/api'
import { TransportError } from '@/sync/transport'
import { removeStored, writeStored } from './local-storage'

/** localStorage key of the server address ('' or absent: the origin that served the app). */
export const SERVER_URL_STORAGE_KEY = 'qingdan.serverUrl'
/** localStorage key of the last SessionInfo, so a reload offline is still signed in. */
export const SESSION_STORAGE_KEY = 'qingdan.session'

/** What the store needs from the rest of the app; tests pass fakes. */
export interface AccountDeps {
  /** This device's id (src/db/repositories/meta.ts `getDeviceId`). */
  deviceId: () => Promise<string>
  fetch?: typeof fetch
  now?: () => number
}

const defaultDeps: AccountDeps = {
  // Loaded on first use: the header's badge uses this store, and the first load stays small.
  deviceId: async () => {
    const [{ getDb }, { getDeviceId }] = await Promise.all([import('@/db/singleton'), import('@/db/repositories/meta')])
    return getDeviceId(getDb())
  },
}

export interface SignInForm {
  username: string
  password: string
  deviceName: string
}

export const useAccountStore = defineStore('account', () => {
  const storage = safeLocalStorage()
  let deps: AccountDeps = defaultDeps

  const serverUrl = ref<string>(readServerUrl(storage))
  const session = shallowRef<SessionInfo | null>(readSession(storage))
  const deviceId = ref<string>('')
  const busy = ref(false)
  /** The last sign-in / sign-out / me failure, for the view to explain. */
  const error = shallowRef<TransportError | null>(null)
  /** Bumped by `tick()` so `signedIn` notices a session lapsing while the page stays open. */
  const clock = ref(Date.now())

  /** A stored session counts until it lapses; offline, nobody can tell us it was revoked earlier. */
  const signedIn = computed(() => session.value !== null && Date.parse(session.value.expiresAt) > clock.value)
  const user = computed(() => (signedIn.value ? session.value?.user ?? null : null))
  const isAdmin = computed(() => user.value?.role === 'admin')

  /** Replaces dependencies (tests); missing ones keep their defaults. */
  function configure(next: Partial<AccountDeps>): void {
    deps = { ...deps, ...next }
    clock.value = now()
  }

  function now(): number {
    return deps.now ? deps.now() : Date.now()
  }

  function tick(): void {
    clock.value = now()
  }

  /** A client for the configured server with this session's CSRF token. */
  function client(): AccountApi {
    return accountApi(createApiClient({ baseUrl: serverUrl.value, csrfToken: () => session.value?.csrfToken, ...(deps.fetch && { fetch: deps.fetch }) }))
  }

  /** Saves the address; refuses one that is not '' or an http(s) URL (returns false, keeps the old one). */
  function setServerUrl(url: string): boolean {
    if (!isServerUrl(url)) return false
    serverUrl.value = normalizeBaseUrl(url)
    if (serverUrl.value === '') removeStored(storage, SERVER_URL_STORAGE_KEY)
    else writeStored(storage, SERVER_URL_STORAGE_KEY, serverUrl.value)
    return true
  }

  async function loadDeviceId(): Promise<string> {
    if (!deviceId.value) deviceId.value = await deps.deviceId()
    return deviceId.value
  }

  function keep(info: SessionInfo | null): void {
    session.value = info
    clock.value = now()
    if (info) writeStored(storage, SESSION_STORAGE_KEY, JSON.stringify(info))
    else removeStored(storage, SESSION_STORAGE_KEY)
  }

  /** Signs in this device; true on success. The password goes to the server and nowhere else. */
  async function signIn(form: SignInForm): Promise<boolean> {
    busy.value = true
    error.value = null
    try {
      const request: LoginRequest = {
        username: form.username.trim(),
        password: form.password,
        deviceId: await loadDeviceId(),
        deviceName: form.deviceName.trim(),
      }
      keep(await client().login(request))
      return true
    } catch (e) {
      error.value = asTransportError(e)
      return false
    } finally {
      busy.value = false
    }
  }

  /**
   * Ends the session here. The server is told when it can be reached; offline the local session
   * is forgotten anyway (the person asked to sign out) and the cookie lapses on the server.
   */
  async function signOut(): Promise<void> {
    busy.value = true
    try {
      await client().logout()
    } catch {
      /* offline or already signed out: signing out locally is what matters */
    } finally {
      keep(null)
      error.value = null
      busy.value = false
    }
  }

  /** Asks the server who we are (renews the 30 days); a refused session is forgotten. */
  async function refreshMe(): Promise<void> {
    if (!session.value) return
    try {
      keep(await client().me())
    } catch (e) {
      const failure = asTransportError(e)
      if (failure.failure === 'unauthorized') sessionEnded(failure)
      // Offline or a server error: keep the stored session, the tablet stays signed in.
    }
  }

  /** The server refused the session (expired, revoked device or user): sign in again. */
  function sessionEnded(reason: TransportError): void {
    keep(null)
    error.value = reason
  }

  return { serverUrl, session, deviceId, busy, error, signedIn, user, isAdmin, configure, tick, client, setServerUrl, loadDeviceId, signIn, signOut, refreshMe, sessionEnded }
})

export function asTransportError(e: unknown): TransportError {
  if (e instanceof TransportError) return e
  return new TransportError('network', e instanceof Error ? e.message || e.name : String(e))
}

function readServerUrl(storage: Storage | undefined): string {
  try {
    const stored = storage?.getItem(SERVER_URL_STORAGE_KEY) ?? ''
    return isServerUrl(stored) ? normalizeBaseUrl(stored) : ''
  } catch {
    return ''
  }
}

/** The stored session when it still has the shape we wrote; anything else is dropped. */
function readSession(storage: Storage | undefined): SessionInfo | null {
  try {
    const raw = storage?.getItem(SESSION_STORAGE_KEY)
    if (!raw) return null
    const value = JSON.parse(raw) as Partial<SessionInfo>
    const user = value.user
    const valid = typeof value.csrfToken === 'string' && typeof value.deviceId === 'string' && typeof value.expiresAt === 'string' &&
      typeof user === 'object' && user !== null && typeof user.id === 'string' && typeof user.username === 'string' &&
      (user.role === 'admin' || user.role === 'member')
    return valid ? (value as SessionInfo) : null
  } catch {
    return null
  }
}
