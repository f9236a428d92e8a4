/**
 * Sync at the scale of a college (issue #13), against the real server process:
 * - sync.push1000.ms: one device pushes 1,000 answers (34 drafts × ~30), until acknowledged (≤ 1000);
 * - sync.pull30k.ms: a new device pulls 1,000 submitted responses × 30 answers, every page (≤ 5000);
 * - sync.ingest50.aps: 50 devices push concurrently, one room (30 answers) per push, answers per
 *   second sustained (≥ 2000), and sync.ingest50.p95.ms, the 95th percentile of one push's round
 *   trip (≤ 300);
 * - sync.serverRss.mb: the server process's peak resident memory (VmHWM) over all of it (≤ 250).
 * On a throwaway PostgreSQL with durable commits (fsync on), then push and pull again on PGlite
 * (`sync.pglite.*`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTempPostgres } from '../scripts/pg-temp.mjs'
import { startServerProcess, type ServerProcess } from '../tests/server/support/process'
import { SimDevice } from './sync/client'
import { benchTemplate, chunk, draftMutations, ITEMS, publishMutations, submitMutation } from './sync/data'
import { SYNC_LIMITS } from '../src/core/sync/protocol'

const PASSWORD = 'bench-admin-password'
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits

async function device(server: ServerProcess): Promise<SimDevice> {
  const d = new SimDevice(server.url)
  await d.login('admin', PASSWORD)
  return d
}

async function pushAll(d: SimDevice, inputs: Parameters<SimDevice['number']>[0]): Promise<void> {
  for (const batch of chunk(d.number(inputs), SYNC_LIMITS.maxBatch)) await d.push(batch)
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN)
  return round(kb / 1024)
}

/** Pushes 1,000 answers from a fresh device; ms until the last acknowledgement. */
async function push1000(server: ServerProcess): Promise<number> {
  const d = await device(server)
  const template = benchTemplate()
  const inputs = []
  let answers = 0
  for (let n = 0; answers < 1000; n++) {
    const m = draftMutations(d, template, 10_000 + n)
    answers += m.length - 1
    inputs.push(...m)
  }
  const t0 = performance.now()
  await pushAll(d, inputs)
  return round(performance.now() - t0)
}

async function seedSubmitted(server: ServerProcess, count: number): Promise<void> {
  const d = await device(server)
  const template = benchTemplate()
  await pushAll(d, Array.from({ length: count }, (_, n) => submitMutation(d, template, n)))
}

async function pullAllMs(server: ServerProcess): Promise<{ ms: number; answers: number }> {
  const d = await device(server)
  const t0 = performance.now()
  const changes = await d.pullAll()
  const ms = performance.now() - t0
  const answers = changes.reduce((sum, c) => sum + (c.kind === 'response' ? Object.keys(c.answers ?? {}).length : c.kind === 'answer' ? 1 : 0), 0)
  return { ms: round(ms), answers }
}

/**
 * 50 devices, each pushing `pushes` rooms (a header and its 30 answers: what a tablet's debounced
 * sync sends after a room is filled) back to back with no think time. Each device has its own
 * rooms and signs in first, one after another as tablets arrive: sign-ins are not measured.
 */
async function ingestRound(server: ServerProcess, pushes: number, firstRoom: number): Promise<{ aps: number; p95: number }> {
  const template = benchTemplate()
  const devices: SimDevice[] = []
  for (let i = 0; i < 50; i++) devices.push(await device(server))
  const batches = devices.map((d, i) => Array.from({ length: pushes }, (_, b) => d.number(draftMutations(d, template, firstRoom + i * 100 + b))))
  const latencies: number[] = []
  let answers = 0
  const t0 = performance.now()
  await Promise.all(
    devices.map(async (d, i) => {
      for (const batch of batches[i]!) {
        const s = performance.now()
        await d.push(batch)
        latencies.push(performance.now() - s)
        answers += batch.filter((m) => m.kind === 'answer').length
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return { aps: round(answers / seconds, 0), p95: round(latencies[Math.floor(latencies.length * 0.95)]!) }
}

/**
 * Sustained ingest: a first round of the same load (6 rooms per device, not measured) brings the
 * server to its steady state, as any server is after its first minutes: its JIT-compiled push path,
 * every pooled connection open with its statements prepared. Measured cold, without it, the first
 * ~300 pushes run ~40 % more server CPU each (docs/design/push-lock.md). Then 50 other devices push
 * 18 rooms each, measured.
 */
async function ingest50(server: ServerProcess): Promise<{ aps: number; p95: number }> {
  await ingestRound(server, 6, 100_000)
  return ingestRound(server, 18, 200_000)
}

async function onServer(server: ServerProcess): Promise<void> {
  const d = await device(server)
  await pushAll(d, publishMutations(d, benchTemplate()))
}

export default async function run(): Promise<Record<string, number>> {
  const metrics: Record<string, number> = {}

  const pg = await startTempPostgres({ fsync: true })
  const server = await startServerProcess({ databaseUrl: pg.url, adminPassword: PASSWORD })
  try {
    await onServer(server)
    await push1000(server) // warm-up: JIT, connection pool, plan cache
    metrics['sync.push1000.ms'] = await push1000(server)
    await seedSubmitted(server, 1000)
    const pulled = await pullAllMs(server)
    if (pulled.answers < 1000 * ITEMS) throw new Error(`pulled ${pulled.answers} answers, expected ≥ ${1000 * ITEMS}`)
    metrics['sync.pull30k.ms'] = pulled.ms
    const ingest = await ingest50(server)
    metrics['sync.ingest50.aps'] = ingest.aps
    metrics['sync.ingest50.p95.ms'] = ingest.p95
    metrics['sync.serverRss.mb'] = peakRssMb(server.pid())
  } finally {
    await server.stop()
    await pg.stop()
  }

  const dir = mkdtempSync(join(tmpdir(), 'qingdan-bench-pglite-'))
  const lite = await startServerProcess({ dataDir: dir, adminPassword: PASSWORD })
  try {
    await onServer(lite)
    await push1000(lite)
    metrics['sync.pglite.push1000.ms'] = await push1000(lite)
    await seedSubmitted(lite, 1000)
    metrics['sync.pglite.pull30k.ms'] = (await pullAllMs(lite)).ms
  } finally {
    await lite.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return metrics
}
