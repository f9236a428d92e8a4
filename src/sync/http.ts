/**
 * The app's `SyncTransport`: the server's HTTP API over `fetch`. The session is a cookie
 * (`credentials: 'include'`); every write carries the session's CSRF token in CSRF_HEADER.
 * Every failure becomes a `TransportError`, with the server's `{ error: Issue }` when it sent one.
 */
import type { Issue } from '@/core/result'
import { API, CSRF_HEADER, type ApiError, type PullResponse, type PushRequest, type PushResponse } from '@/core/sync'
import { TransportError, type SyncTransport, type TransportFailure } from './transport'

export interface HttpTransportOptions {
  /** The server's origin and path prefix, e.g. `https://qingdan.example.edu` ('' for the app's own origin). */
  baseUrl: string
  /** The session's CSRF token (`SessionInfo.csrfToken`), or a function reading the current one. */
  csrfToken: string | (() => string | undefined)
  /** Tests pass a fake; the browser's `fetch` otherwise. */
  fetch?: typeof fetch
  /** Whether the device believes it is online (`navigator.onLine`), to tell `offline` from `network`. */
  online?: () => boolean
}

export function httpTransport(options: HttpTransportOptions): SyncTransport {
  const base = options.baseUrl.replace(/\/+$/, '')
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  const online = options.online ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine))
  const token = (): string | undefined => (typeof options.csrfToken === 'function' ? options.csrfToken() : options.csrfToken)

  async function request(method: string, path: string, init: { body?: BodyInit; type?: string; write?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = {}
    if (init.type) headers['content-type'] = init.type
    const csrf = init.write ? token() : undefined
    if (csrf) headers[CSRF_HEADER] = csrf
    let response: Response
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        credentials: 'include',
        headers,
        ...(init.body !== undefined && { body: init.body }),
      })
    } catch (error) {
      const failure: TransportFailure = online() ? 'network' : 'offline'
      throw new TransportError(failure, `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (!response.ok) throw await errorOf(method, path, response)
    return response
  }

  async function json<T>(response: Response, what: string): Promise<T> {
    try {
      return (await response.json()) as T
    } catch {
      throw new TransportError('server', `${what}: the server's answer is not JSON`, undefined, response.status)
    }
  }

  const blobPath = (sha256: string): string => {
    // A hash goes into the URL path: anything but 64 hex digits is a bug here, never sent.
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new TransportError('refused', `not a SHA-256: ${sha256}`)
    return `${API.blobs}/${sha256}`
  }

  return {
    async push(body: PushRequest): Promise<PushResponse> {
      const response = await request('POST', API.push, { body: JSON.stringify(body), type: 'application/json', write: true })
      return json<PushResponse>(response, 'push')
    },
    async pull(after: number, limit?: number): Promise<PullResponse> {
      const query = new URLSearchParams({ after: String(after) })
      if (limit !== undefined) query.set('limit', String(limit))
      return json<PullResponse>(await request('GET', `${API.pull}?${query.toString()}`), 'pull')
    },
    async hasBlob(sha256: string): Promise<boolean> {
      try {
        await request('HEAD', blobPath(sha256))
        return true
      } catch (error) {
        if (error instanceof TransportError && error.status === 404) return false
        throw error
      }
    },
    async putBlob(sha256: string, bytes: Blob): Promise<void> {
      await request('PUT', blobPath(sha256), { body: bytes, type: 'application/octet-stream', write: true })
    },
    async getBlob(sha256: string): Promise<Blob> {
      return (await request('GET', blobPath(sha256))).blob()
    },
  }
}

/** The TransportError of a non-2xx answer, with the server's issue when its body holds one. */
async function errorOf(method: string, path: string, response: Response): Promise<TransportError> {
  const status = response.status
  const failure: TransportFailure = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status >= 500 ? 'server' : 'refused'
  let issue: Issue | undefined
  try {
    const body = (await response.json()) as Partial<ApiError> | null
    if (body && typeof body.error === 'object' && body.error !== null && typeof body.error.code === 'string') issue = body.error
  } catch {
    // No JSON body (a proxy's error page, a HEAD): the status says enough.
  }
  return new TransportError(failure, `${method} ${path}: ${status}${issue ? ` ${issue.code}` : ''}`, issue, status)
}
