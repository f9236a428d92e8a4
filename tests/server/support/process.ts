/**
 * The server as a real process, as `npm run server` runs it (bundled by scripts/server.mjs), for
 * the tests that kill it, restart it, or run two of it: the fault tests, the stateless test and
 * the sync e2e journey.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { buildServer, SERVER_BUNDLE } from '../../../scripts/server.mjs'

const root = resolve(import.meta.dirname, '..', '..', '..')

let built = false
/** Bundles the server once per test process, so every start runs what `npm run server` runs. */
export function bundle(): string {
  if (!built) buildServer()
  built = true
  return SERVER_BUNDLE
}

export interface ServerProcessOptions {
  /** `postgres://…`; PGlite in `dataDir` otherwise. */
  databaseUrl?: string
  dataDir?: string
  adminPassword?: string
  port?: number
  env?: Record<string, string>
}

export interface ServerProcess {
  url: string
  port: number
  /** Everything the process printed so far. */
  output(): string
  /** The running process's id (changes on restart). */
  pid(): number
  /** Sends `signal` and waits for the exit; resolves to the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  /** A new process on the same port, database and data folder. */
  restart(signal?: NodeJS.Signals): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => done(port))
    })
  })
}

/**
 * Waits until this child says it listens and /api/health answers. The line matters: between
 * `freePort` and the child's bind, a server of another test run can take the port, and its
 * health answer must not pass for ours (the child then fails with EADDRINUSE).
 */
async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`)
    if (!output().includes(`Qingdan server: ${url} `)) {
      await new Promise((r) => setTimeout(r, 150))
      continue
    }
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${output()}`)
}

export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  let log = ''
  let child: ChildProcess
  const launch = async (): Promise<void> => {
    child = spawn(process.execPath, [bundle()], {
      cwd: root,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: '' }),
        ...(options.dataDir && { QINGDAN_DATA_DIR: options.dataDir }),
        ...(options.adminPassword && { QINGDAN_ADMIN_PASSWORD: options.adminPassword }),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
    // Only this launch's output: after a restart, the old process's line is still in the log.
    const from = log.length
    await waitForHealth(url, child, () => log.slice(from))
  }
  const stop = (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode)
      child.once('exit', (code) => done(code))
      child.kill(signal)
    })
  await launch()
  return {
    url,
    port,
    output: () => log,
    pid: () => child.pid ?? 0,
    stop,
    async restart(signal: NodeJS.Signals = 'SIGTERM') {
      await stop(signal)
      await launch()
    },
  }
}
