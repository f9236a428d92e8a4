/** The HTTP transport: routes, cookies and CSRF, and every failure as a TransportError. */
import { describe, expect, it } from 'vitest'
import { API, CSRF_HEADER } from '@/core/sync'
import { httpTransport } from '@/sync/http'
import { TransportError } from '@/sync/transport'

interface Call {
  url: string
  method: string
  headers: Record<string, string>
  credentials?: RequestCredentials
  body?: unknown
}

function fakeFetch(reply: (call: Call) => Response | Promise<Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = []
  const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      ...(init?.credentials !== undefined && { credentials: init.credentials }),
      ...(init?.body !== undefined && { body: init.body }),
    }
    calls.push(call)
    return reply(call)
  }) as typeof fetch
  return { fetch: fake, calls }
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const sha = 'a'.repeat(64)
const issue = { code: 'sync.batchTooLarge', pointer: '', severity: 'error', message: { 'zh-CN': '太大', en: 'Too large' } }

describe('httpTransport', () => {
  it('pushes JSON with the session cookie and the CSRF token', async () => {
    const { fetch, calls } = fakeFetch(() => json({ batchId: 'b', results: [], appliedSeq: 0, serverTime: 1 }))
    const t = httpTransport({ baseUrl: 'https://qd.example/', csrfToken: () => 'tok', fetch })
    const body = { deviceId: 'd', batchId: 'b', mutations: [] }
    expect(await t.push(body)).toMatchObject({ batchId: 'b' })
    expect(calls[0]).toMatchObject({ url: `https://qd.example${API.push}`, method: 'POST', credentials: 'include' })
    expect(calls[0]!.headers).toMatchObject({ [CSRF_HEADER]: 'tok', 'content-type': 'application/json' })
    expect(JSON.parse(calls[0]!.body as string)).toEqual(body)
  })

  it('pulls with after and limit in the query, without a CSRF header (a read)', async () => {
    const { fetch, calls } = fakeFetch(() => json({ changes: [], cursor: 5, more: false, serverTime: 1 }))
    const t = httpTransport({ baseUrl: '', csrfToken: 'tok', fetch })
    expect((await t.pull(5, 100)).cursor).toBe(5)
    expect(calls[0]!.url).toBe(`${API.pull}?after=5&limit=100`)
    expect(calls[0]!.headers[CSRF_HEADER]).toBeUndefined()
  })

  it('puts, asks for and gets raw bytes by SHA-256', async () => {
    const { fetch, calls } = fakeFetch((c) =>
      c.method === 'HEAD' ? new Response(null, { status: c.url.endsWith(sha) ? 200 : 404 }) : c.method === 'GET' ? new Response('bytes') : new Response(null, { status: 204 }),
    )
    const t = httpTransport({ baseUrl: '', csrfToken: 'tok', fetch })
    await t.putBlob(sha, new Blob(['bytes']))
    expect(calls[0]).toMatchObject({ url: `${API.blobs}/${sha}`, method: 'PUT', headers: { 'content-type': 'application/octet-stream', [CSRF_HEADER]: 'tok' } })
    expect(await t.hasBlob(sha)).toBe(true)
    expect(await t.hasBlob('b'.repeat(64))).toBe(false)
    expect(await (await t.getBlob(sha)).text()).toBe('bytes')
    await expect(t.getBlob('../admin')).rejects.toMatchObject({ failure: 'refused' })
  })

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [413, 'refused'],
    [503, 'server'],
  ] as const)('maps HTTP %i to %s, with the server issue', async (status, failure) => {
    const { fetch } = fakeFetch(() => json({ error: issue }, status))
    const t = httpTransport({ baseUrl: '', csrfToken: 'tok', fetch })
    const error = await t.pull(0).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect(error).toMatchObject({ failure, status, issue })
  })

  it('maps a failed fetch to offline or network, and a body that is no JSON to server', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(httpTransport({ baseUrl: '', csrfToken: 't', fetch: down.fetch, online: () => false }).pull(0)).rejects.toMatchObject({ failure: 'offline' })
    await expect(httpTransport({ baseUrl: '', csrfToken: 't', fetch: down.fetch, online: () => true }).pull(0)).rejects.toMatchObject({ failure: 'network' })
    const html = fakeFetch(() => new Response('<html>', { status: 200 }))
    await expect(httpTransport({ baseUrl: '', csrfToken: 't', fetch: html.fetch }).pull(0)).rejects.toMatchObject({ failure: 'server' })
  })
})
