/**
 * `npm run server` as a real process: first start prints a one-time admin password that signs
 * in, SIGTERM stops it with exit code 0, and a second start keeps the data and the admin.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { API, SESSION_COOKIE, type HealthInfo, type SessionInfo } from '@/core/sync/protocol'
import { DATABASE_KINDS, emptyDatabase } from './support/databases'
import type { Db } from '../../server/db/types'
import { bundle } from './support/process'

const ROOT = resolve(import.meta.dirname, '..', '..')
const START_MS = 90_000

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

interface Running {
  child: ChildProcess
  base: string
  output: () => string
  exited: Promise<number | null>
}

async function startServer(env: Record<string, string>): Promise<Running> {
  const port = await freePort()
  const clean = { ...process.env }
  delete clean.DATABASE_URL
  delete clean.QINGDAN_ADMIN_PASSWORD
  // The bundle `npm run server` runs, in one node process, so the signal and the exit code are the
  // server's own.
  const child = spawn(process.execPath, [bundle()], {
    cwd: ROOT,
    env: { ...clean, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + START_MS
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`)
    if (Date.now() > deadline) throw new Error(`server did not answer within ${START_MS} ms:\n${out}`)
    try {
      const response = await fetch(base + API.health)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { child, base, output: () => out, exited }
}

async function stop(server: Running): Promise<number | null> {
  server.child.kill('SIGTERM')
  return server.exited
}

async function signIn(base: string, password: string): Promise<Response> {
  return fetch(base + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password, deviceId: crypto.randomUUID(), deviceName: 'test' }),
  })
}

const ONE_TIME = /one-time password: (\S+)/

describe.each(DATABASE_KINDS)('npm run server on %s', (kind) => {
  const running: Running[] = []
  let dataDir: string | undefined
  let db: Db | undefined
  afterEach(async () => {
    for (const server of running.splice(0)) if (server.child.exitCode === null) server.child.kill('SIGKILL')
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
    await db?.close()
    db = undefined
  })

  async function databaseEnv(): Promise<Record<string, string>> {
    if (kind === 'pglite') {
      dataDir = mkdtempSync(join(tmpdir(), 'qingdan-data-'))
      return { QINGDAN_DATA_DIR: dataDir }
    }
    const empty = await emptyDatabase(kind)
    db = empty.db
    return { DATABASE_URL: empty.url! }
  }

  it('prints a one-time admin password that signs in, stops on SIGTERM with 0, and keeps its data', { timeout: 4 * START_MS }, async () => {
    const env = await databaseEnv()
    const first = await startServer(env)
    running.push(first)
    const health = (await (await fetch(first.base + API.health)).json()) as HealthInfo
    expect(health).toMatchObject({ ok: true, database: kind })
    const password = ONE_TIME.exec(first.output())?.[1]
    expect(password, first.output()).toBeDefined()
    const login = await signIn(first.base, password!)
    expect(login.status).toBe(200)
    expect(((await login.json()) as SessionInfo).user).toMatchObject({ username: 'admin', role: 'admin' })
    expect(login.headers.get('set-cookie')).toContain(`${SESSION_COOKIE}=`)
    expect(await stop(first)).toBe(0)

    const second = await startServer(env)
    running.push(second)
    expect(second.output()).not.toMatch(ONE_TIME)
    expect((await signIn(second.base, password!)).status).toBe(200)
    expect(await stop(second)).toBe(0)
  })

  it('takes the first password from QINGDAN_ADMIN_PASSWORD and never prints it', { timeout: 2 * START_MS }, async () => {
    const env = await databaseEnv()
    const server = await startServer({ ...env, QINGDAN_ADMIN_PASSWORD: 'from the environment' })
    running.push(server)
    expect(server.output()).not.toMatch(ONE_TIME)
    expect(server.output()).not.toContain('from the environment')
    expect((await signIn(server.base, 'from the environment')).status).toBe(200)
    expect(await stop(server)).toBe(0)
  })

  it.runIf(kind === 'postgres')('creates one admin when two processes start at once on one database', { timeout: 2 * START_MS }, async () => {
    const env = await databaseEnv()
    const both = await Promise.all([startServer(env), startServer(env)])
    running.push(...both)
    const printed = both.map((s) => ONE_TIME.exec(s.output())?.[1]).filter((p) => p !== undefined)
    expect(printed).toHaveLength(1)
    expect(await db!.query("select username from users")).toEqual([{ username: 'admin' }])
    for (const server of both) expect((await signIn(server.base, printed[0]!)).status).toBe(200)
    expect(await Promise.all(both.map(stop))).toEqual([0, 0])
  })
})
