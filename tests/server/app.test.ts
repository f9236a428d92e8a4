import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { API, SESSION_COOKIE, SYNC_LIMITS, type ApiError, type HealthInfo } from '@/core/sync/protocol'
import { readMigrations } from '../../server/db/migrate'
import type { RoutePlugin } from '../../server/app'
import { ApiHttpError } from '../../server/http/errors'
import { DATABASE_KINDS } from './support/databases'
import { testServer, type TestServer } from './support/app'

function expectIssue(body: unknown, code: string): void {
  const { error } = body as ApiError
  expect(error.code).toBe(code)
  expect(error.severity).toBe('error')
  expect(error.message['zh-CN']).toMatch(/\S/)
  expect(error.message.en).toMatch(/\S/)
}

/** Routes a plugin adds, as the sync service will: an echo of raw bytes and a failing route. */
const testRoutes: RoutePlugin = async (app, { db }) => {
  app.put('/api/test/blob', async (request) => ({ bytes: (request.body as Buffer).length, isBuffer: Buffer.isBuffer(request.body), db: db.kind }))
  app.post('/api/test/json', async (request) => ({ keys: Object.keys(request.body as object).length }))
  app.get('/api/test/crash', async () => {
    throw new Error('password_hash column exploded at 10.1.2.3')
  })
  app.get('/api/test/teapot', async () => {
    throw new ApiHttpError(418, 'teapot', { 'zh-CN': '茶壶', en: 'teapot' }, { pointer: '/x' })
  })
}

describe.each(DATABASE_KINDS)('the app on %s', (kind) => {
  let server: TestServer
  let dist: string
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'qingdan-dist-'))
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>清单</title><div id="app"></div>')
    writeFileSync(join(dist, 'assets', 'main-abc123.js'), 'console.log(1)')
  })
  afterAll(() => rmSync(dist, { recursive: true, force: true }))
  afterEach(async () => server?.close())

  it('answers /api/health with the database kind and schema version', async () => {
    server = await testServer(kind)
    const response = await server.app.inject({ method: 'GET', url: API.health })
    expect(response.statusCode).toBe(200)
    expect(response.json<HealthInfo>()).toEqual({ ok: true, database: kind, schemaVersion: readMigrations().length })
  })

  it('serves the built app, falls back to index.html for app routes, and 404s unknown API paths as JSON', async () => {
    server = await testServer(kind, { staticDir: dist })
    const index = await server.app.inject({ method: 'GET', url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.body).toContain('<div id="app">')
    expect(index.headers['cache-control']).toBe('no-cache')

    const asset = await server.app.inject({ method: 'GET', url: '/assets/main-abc123.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.body).toBe('console.log(1)')
    expect(asset.headers['cache-control']).toContain('immutable')

    const deep = await server.app.inject({ method: 'GET', url: '/results/abc?x=1' })
    expect(deep.statusCode).toBe(200)
    expect(deep.headers['content-type']).toContain('text/html')
    expect(deep.body).toContain('<div id="app">')

    const api = await server.app.inject({ method: 'GET', url: '/api/no-such-thing' })
    expect(api.statusCode).toBe(404)
    expect(api.headers['content-type']).toContain('application/json')
    expectIssue(api.json(), 'notFound')

    const post = await server.app.inject({ method: 'POST', url: '/somewhere', payload: {} })
    expect(post.statusCode).toBe(404)
    expectIssue(post.json(), 'notFound')
  })

  it('reads no session for the app\'s own files, only for /api', async () => {
    server = await testServer(kind, { staticDir: dist })
    const query = vi.spyOn(server.db, 'query')
    const cookie = `${SESSION_COOKIE}=${'A'.repeat(43)}`
    expect((await server.app.inject({ method: 'GET', url: '/assets/main-abc123.js', headers: { cookie } })).statusCode).toBe(200)
    expect((await server.app.inject({ method: 'GET', url: '/fill/123', headers: { cookie } })).statusCode).toBe(200)
    expect(query).not.toHaveBeenCalled()
    expect((await server.app.inject({ method: 'GET', url: API.me, headers: { cookie } })).statusCode).toBe(401)
    expect(query).toHaveBeenCalled()
    query.mockRestore()
  })

  it('without a build, answers the API and 404s everything else as JSON', async () => {
    server = await testServer(kind)
    const page = await server.app.inject({ method: 'GET', url: '/' })
    expect(page.statusCode).toBe(404)
    expectIssue(page.json(), 'notFound')
  })

  it('refuses a body over the push limit with 413 in the error shape', async () => {
    server = await testServer(kind, { plugins: [testRoutes] })
    const big = JSON.stringify({ x: 'a'.repeat(SYNC_LIMITS.maxPushBytes) })
    const response = await server.app.inject({ method: 'POST', url: '/api/test/json', headers: { 'content-type': 'application/json' }, payload: big })
    expect(response.statusCode).toBe(413)
    expectIssue(response.json(), 'bodyTooLarge')
  })

  it('refuses malformed JSON with 400 in the error shape', async () => {
    server = await testServer(kind, { plugins: [testRoutes] })
    const response = await server.app.inject({ method: 'POST', url: API.login, headers: { 'content-type': 'application/json' }, payload: '{"username": "a",' })
    expect(response.statusCode).toBe(400)
    expectIssue(response.json(), 'invalidJson')
  })

  it('reports schema violations with a pointer to the field, unknown properties included', async () => {
    server = await testServer(kind)
    const payload = { username: 'a', password: 'b', deviceId: crypto.randomUUID(), deviceName: 'x', admin: true }
    const response = await server.app.inject({ method: 'POST', url: API.login, payload })
    expect(response.statusCode).toBe(400)
    expectIssue(response.json(), 'invalidRequest')
    expect(response.json<ApiError>().error.pointer).toBe('/admin')

    const missing = await server.app.inject({ method: 'POST', url: API.login, payload: { username: 'a', password: 'b', deviceName: 'x' } })
    expect(missing.statusCode).toBe(400)
    expect(missing.json<ApiError>().error.pointer).toBe('/deviceId')
  })

  it('takes raw bytes up to the attachment limit, as a Buffer, and refuses more', async () => {
    server = await testServer(kind, { plugins: [testRoutes] })
    const headers = { 'content-type': 'application/octet-stream' }
    const ok = await server.app.inject({ method: 'PUT', url: '/api/test/blob', headers, payload: Buffer.alloc(SYNC_LIMITS.maxPushBytes + 1) })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toEqual({ bytes: SYNC_LIMITS.maxPushBytes + 1, isBuffer: true, db: kind })
    const tooBig = await server.app.inject({ method: 'PUT', url: '/api/test/blob', headers, payload: Buffer.alloc(SYNC_LIMITS.maxBlobBytes + 1) })
    expect(tooBig.statusCode).toBe(413)
    expectIssue(tooBig.json(), 'bodyTooLarge')
  })

  it('answers an unexpected error with a bare 500 that leaks nothing, and ApiHttpError as it is', async () => {
    server = await testServer(kind, { plugins: [testRoutes] })
    const crash = await server.app.inject({ method: 'GET', url: '/api/test/crash' })
    expect(crash.statusCode).toBe(500)
    expectIssue(crash.json(), 'internal')
    expect(crash.body).not.toMatch(/password_hash|10\.1\.2\.3|exploded/)

    const teapot = await server.app.inject({ method: 'GET', url: '/api/test/teapot' })
    expect(teapot.statusCode).toBe(418)
    expect(teapot.json<ApiError>().error).toMatchObject({ code: 'teapot', pointer: '/x' })
  })

  it('sends security headers on every answer', async () => {
    server = await testServer(kind)
    const response = await server.app.inject({ method: 'GET', url: API.health })
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('DENY')
    expect(response.headers['content-security-policy']).toBe("frame-ancestors 'none'")
  })
})
