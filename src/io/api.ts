/**
 * A small fetch wrapper for the server's JSON API (accounts, admin). Every failure becomes the
 * sync contract's `TransportError`, so the sync page and the admin page explain errors the same
 * way: the server's bilingual `Issue` when it sent one, else a message chosen by `failure`.
 */
import {
  API,
  CSRF_HEADER,
  type AuditEntry,
  type DeviceSummary,
  type GrantSummary,
  type LoginRequest,
  type PersonSummary,
  type PlanInput,
  type RegisterImportRequest,
  type RegisterImportResult,
  type SessionInfo,
  type SyncPlan,
  type UserSummary,
  type UsersImportRequest,
  type UsersImportResult,
} from '@/core/sync/protocol'
import type { Role, Scope } from '@/core/access'
import type { AccountRole } from '@/core/sync/protocol'
import type { Issue } from '@/core/result'
import { TransportError, type TransportFailure } from '@/sync/transport'

export interface ApiClientOptions {
  /** '' for the app's own origin (the server also serves the app), else e.g. `https://qd.example.edu`. */
  baseUrl: string
  /** The session's CSRF token, sent on every write. */
  csrfToken: () => string | undefined
  /** Defaults to the global fetch, looked up per call so tests may stub it. */
  fetch?: typeof fetch
  /** Whether the browser believes it is online (decides `offline` vs `network`). */
  isOnline?: () => boolean
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface ApiClient {
  request<T>(method: Method, path: string, body?: unknown): Promise<T>
}

/** Strips trailing slashes; '' stays '' (same origin). */
export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '')
}

/**
 * Whether `url` is usable as a server address: '' (same origin) or an absolute http(s) URL
 * without credentials, query or fragment (the routes are appended to it).
 */
export function isServerUrl(url: string): boolean {
  const clean = normalizeBaseUrl(url)
  if (clean === '') return true
  try {
    const parsed = new URL(clean)
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.username && !parsed.password && !parsed.search && !parsed.hash
  } catch {
    return false
  }
}

/** Same origin: the cookie goes along by default; another server needs `include` (and CORS there). */
function credentialsFor(baseUrl: string): RequestCredentials {
  if (baseUrl === '') return 'same-origin'
  try {
    return typeof location !== 'undefined' && new URL(baseUrl).origin === location.origin ? 'same-origin' : 'include'
  } catch {
    return 'include'
  }
}

function failureOf(status: number): TransportFailure {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status >= 500) return 'server'
  return 'refused'
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false
  const message = (value as { message?: unknown }).message
  return typeof (value as { code?: unknown }).code === 'string' && typeof message === 'object' && message !== null &&
    typeof (message as Record<string, unknown>)['zh-CN'] === 'string' && typeof (message as Record<string, unknown>).en === 'string'
}

/** The refusal's first issue (`error`) and, when the server sent several, all of them (`issues`). */
async function errorIssues(response: Response): Promise<{ issue?: Issue; issues?: Issue[] }> {
  try {
    const body: unknown = await response.json()
    if (typeof body !== 'object' || body === null) return {}
    const { error, issues } = body as { error?: unknown; issues?: unknown }
    const all = Array.isArray(issues) ? issues.filter(isIssue) : []
    return { ...(isIssue(error) && { issue: error }), ...(all.length > 0 && { issues: all }) }
  } catch {
    return {}
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl)
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false)

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (method !== 'GET') {
      const token = options.csrfToken()
      if (token) headers[CSRF_HEADER] = token
    }
    const doFetch = options.fetch ?? fetch
    let response: Response
    try {
      response = await doFetch(baseUrl + path, {
        method,
        headers,
        credentials: credentialsFor(baseUrl),
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
    } catch (e) {
      // fetch rejects only when no response came: no network, DNS, CORS, a cut connection.
      const failure: TransportFailure = isOnline() ? 'network' : 'offline'
      throw new TransportError(failure, e instanceof Error ? e.message : String(e))
    }
    if (!response.ok) {
      const { issue, issues } = await errorIssues(response)
      throw new TransportError(failureOf(response.status), issue?.message.en ?? `HTTP ${response.status}`, issue, response.status, issues)
    }
    if (response.status === 204) return undefined as T
    const text = await response.text()
    // A logout may answer 200 with an empty body.
    if (text === '') return undefined as T
    try {
      return JSON.parse(text) as T
    } catch {
      // Not the API answering (a proxy's page, an old server serving the app for every path).
      throw new TransportError('server', `Not JSON from ${path}`, undefined, response.status)
    }
  }

  return { request }
}

/** The fields an admin may change on a user; any subset. */
export interface UserPatch {
  role?: AccountRole
  disabled?: boolean
  password?: string
  displayName?: string
}

export interface NewUser {
  username: string
  displayName: string
  role: AccountRole
  password: string
}

export interface NewGrant {
  userId: string
  role: Role
  scopeId: string
}

/** The account and admin routes of the API, typed (src/core/sync/protocol.ts). */
export function accountApi(client: ApiClient) {
  return {
    login: (request: LoginRequest) => client.request<SessionInfo>('POST', API.login, request),
    logout: () => client.request<void>('POST', API.logout),
    me: () => client.request<SessionInfo>('GET', API.me),
    listUsers: () => client.request<UserSummary[]>('GET', API.users),
    createUser: (user: NewUser) => client.request<UserSummary>('POST', API.users, user),
    updateUser: (id: string, patch: UserPatch) => client.request<UserSummary>('PATCH', `${API.users}/${encodeURIComponent(id)}`, patch),
    listDevices: () => client.request<DeviceSummary[]>('GET', API.devices),
    revokeDevice: (id: string) => client.request<DeviceSummary>('POST', `${API.devices}/${encodeURIComponent(id)}/revoke`),
    listAudit: (limit = 100) => client.request<AuditEntry[]>('GET', `${API.audit}?limit=${limit}`),
    listScopes: () => client.request<Scope[]>('GET', API.scopes),
    createScope: (scope: Scope) => client.request<Scope>('POST', API.scopes, scope),
    updateScope: (id: string, patch: Partial<Omit<Scope, 'id'>>) => client.request<Scope>('PATCH', `${API.scopes}/${encodeURIComponent(id)}`, patch),
    listGrants: (userId?: string) => client.request<GrantSummary[]>('GET', userId ? `${API.grants}?userId=${encodeURIComponent(userId)}` : API.grants),
    createGrant: (grant: NewGrant) => client.request<GrantSummary>('POST', API.grants, grant),
    deleteGrant: (id: string) => client.request<GrantSummary>('DELETE', `${API.grants}/${encodeURIComponent(id)}`),
    importUsers: (request: UsersImportRequest) => client.request<UsersImportResult>('POST', API.usersImport, request),
    importRegister: (request: RegisterImportRequest) => client.request<RegisterImportResult>('PUT', API.register, request),
    releaseReview: (id: string) => client.request<{ id: string; releasedAt: string }>('POST', `${API.reviews}/${encodeURIComponent(id)}/release`),
  }
}

export type AccountApi = ReturnType<typeof accountApi>

/** The plan routes (#14): plans the account reads, and the people it may assign. */
export function plansApi(client: ApiClient) {
  return {
    listPlans: () => client.request<SyncPlan[]>('GET', API.plans),
    createPlan: (plan: PlanInput) => client.request<SyncPlan>('POST', API.plans, plan),
    /** Replaces the whole plan (schedule, subjects, overrides, `cancelled`). */
    updatePlan: (plan: PlanInput) => client.request<SyncPlan>('PUT', `${API.plans}/${encodeURIComponent(plan.id)}`, plan),
    listPeople: () => client.request<PersonSummary[]>('GET', API.people),
  }
}

export type PlansApi = ReturnType<typeof plansApi>
