// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder, start
// `postgres` on a free loopback port, trust authentication, and remove it all on stop. Debian's
// `postgresql` package provides the binaries (.ci/run installs it on a fresh machine). As root,
// the cluster runs as the `postgres` user, because PostgreSQL refuses to run as root.
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { userInfo } from 'node:os'

/** The newest installed PostgreSQL's bin folder, or undefined. */
export function findPostgresBin() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return undefined
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions.length ? join(base, versions[0], 'bin') : undefined
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

const asRoot = userInfo().uid === 0

function runAs(cmd, args, options = {}) {
  return asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], options) : spawnSync(cmd, args, options)
}

/**
 * Starts a cluster. `fsync: false` for tests (fast, nothing to keep); benchmarks keep the default,
 * so they measure a durable commit. Returns { url, port, dir, stop(), restart() }.
 */
export async function startTempPostgres({ fsync = false } = {}) {
  const bin = findPostgresBin()
  if (!bin) throw new Error('PostgreSQL not found under /usr/lib/postgresql: install Debian\'s `postgresql` package (.ci/run does)')
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-pg-'))
  chmodSync(dir, 0o700)
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()))
  }
  const data = join(dir, 'data')
  const init = runAs(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`)
  const port = await freePort()
  const settings = ['-c', `port=${port}`, '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'max_connections=200']
  if (!fsync) settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off')
  let proc
  const start = async () => {
    const args = ['-D', data, ...settings]
    proc = asRoot ? spawn('runuser', ['-u', 'postgres', '--', join(bin, 'postgres'), ...args], { stdio: 'ignore' }) : spawn(join(bin, 'postgres'), args, { stdio: 'ignore' })
    for (let i = 0; i < 200; i++) {
      const ready = spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { encoding: 'utf8' })
      if (ready.status === 0) return
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('PostgreSQL did not start within 20 s')
  }
  const stopServer = async (mode = 'fast') => {
    runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop'], { encoding: 'utf8' })
    if (proc && proc.exitCode === null) await new Promise((r) => proc.once('exit', r))
  }
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    /** Stops PostgreSQL (immediate = as after a crash) and starts it again on the same port. */
    async restart(mode = 'fast') {
      await stopServer(mode)
      await start()
    },
    async stop() {
      await stopServer('fast')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// `node scripts/pg-temp.mjs`: start one and print its URL until Ctrl-C (for trying the server).
if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startTempPostgres()
  console.log(pg.url)
  const quit = async () => {
    await pg.stop()
    process.exit(0)
  }
  process.on('SIGINT', quit)
  process.on('SIGTERM', quit)
}
