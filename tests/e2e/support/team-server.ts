// The team server for the sync journeys: a real `server/main.ts` process on a fresh PGlite folder,
// serving the build in dist/ and the API on one origin (the session cookie is SameSite=Strict, so
// the app must come from the server, not from the static server of global-setup.ts).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { API, CSRF_HEADER, SESSION_COOKIE, type Change, type PullResponse, type SessionInfo, type SyncAnswer, type ResponseHeader } from '@/core/sync'
import { startServerProcess, type ServerProcess } from '../../server/support/process'

export const ADMIN_PASSWORD = 'admin-e2e-password'

/** A signed-in API client (what a script or a third device would be). */
export interface ApiSession {
  info: SessionInfo
  get<T>(path: string): Promise<T>
  post<T>(path: string, body: unknown): Promise<T>
  put<T>(path: string, body: unknown): Promise<T>
}

export async function startTeamServer(): Promise<ServerProcess> {
  return startServerProcess({ dataDir: mkdtempSync(join(tmpdir(), 'qingdan-sync-e2e-')), adminPassword: ADMIN_PASSWORD })
}

export async function apiSignIn(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const res = await fetch(new URL(API.login, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceId: crypto.randomUUID(), deviceName: 'e2e 脚本' }),
  })
  if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`)
  const info = (await res.json()) as SessionInfo
  const token = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';', 1)[0]
  if (!token) throw new Error('sign-in set no session cookie')
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(new URL(path, baseUrl), {
      method,
      headers: { cookie: token, ...(body !== undefined && { 'content-type': 'application/json', [CSRF_HEADER]: info.csrfToken }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
    return (await r.json()) as T
  }
  return { info, get: (path) => call('GET', path), post: (path, body) => call('POST', path, body), put: (path, body) => call('PUT', path, body) }
}

/** A response as the server holds it after every pull page: its header and its answers. */
export interface ServerResponse {
  header: ResponseHeader
  answers: Record<string, SyncAnswer>
}

/** Everything the server holds, read the way a new device would: pull from cursor 0 to the end. */
export async function pullEverything(session: ApiSession): Promise<Map<string, ServerResponse>> {
  const responses = new Map<string, ServerResponse>()
  const apply = (change: Change): void => {
    if (change.kind === 'response') {
      const held = responses.get(change.response.id)
      responses.set(change.response.id, { header: change.response, answers: change.answers ?? held?.answers ?? {} })
    } else if (change.kind === 'answer') {
      const held = responses.get(change.responseId)
      if (held) held.answers[change.itemId] = change.answer
    }
  }
  for (let after = 0; ; ) {
    const page = await session.get<PullResponse>(`${API.pull}?after=${after}`)
    page.changes.forEach(apply)
    if (!page.more || page.cursor <= after) return responses
    after = page.cursor
  }
}
