#!/usr/bin/env node
// `npm run bench`: builds if the build is stale, serves dist/ for browser benchmarks, runs every
// bench/*.bench.ts in its own process (a crash names its file), prints a table and writes
// bench/results.json — a flat { metric: number } object, git-ignored.
//
// A bench file default-exports `async function run(): Promise<Record<string, number>>`.
// Browser benches read the served build's address from QINGDAN_BENCH_URL.
//
// `node scripts/bench.mjs <filter>…` runs only the bench files whose name contains one of the
// filters (e.g. `node scripts/bench.mjs size fill`), and merges their metrics into an existing
// bench/results.json instead of replacing it, so the other files' figures stay readable.
//
// Internal mode: `node --import tsx scripts/bench.mjs --child <file> <out.json>` runs one file.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')

if (process.argv[2] === '--child') {
  const [file, out] = process.argv.slice(3)
  const mod = await import(pathToFileURL(resolve(root, file)).href)
  if (typeof mod.default !== 'function') throw new Error(`${file} has no default-exported run()`)
  const metrics = await mod.default()
  writeFileSync(out, JSON.stringify(metrics))
  process.exit(0)
}

/** Newest modification time under a path (a file or a folder, recursively). */
function newest(path) {
  if (!existsSync(path)) return 0
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

function buildIfStale() {
  const built = existsSync(join(root, 'dist', 'index.html')) ? statSync(join(root, 'dist', 'index.html')).mtimeMs : 0
  const sources = Math.max(
    ...['src', 'public', 'schemas', 'scripts/ajv-standalone.ts', 'scripts/i18n-precompile.ts', 'scripts/vue-i18n-named-import.ts', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newest(join(root, p))),
  )
  if (built > sources) return
  console.log('bench: building dist/ (sources are newer than the build)')
  const r = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

buildIfStale()
const { serveDist } = await import('../tests/e2e/support/serve.mjs')
const server = await serveDist({ root: join(root, 'dist') })
const tmp = mkdtempSync(join(tmpdir(), 'qingdan-bench-'))

const filters = process.argv.slice(2)
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((part) => f.includes(part)))
  .sort()
  .map((f) => `bench/${f}`)
if (files.length === 0) {
  console.error(`bench: no bench/*.bench.ts file matches ${filters.join(', ')}`)
  process.exit(1)
}

const results = {}
const failures = []
for (const file of files) {
  const out = join(tmp, file.replace(/\W/g, '_') + '.json')
  const t0 = Date.now()
  console.log(`bench: ${file}`)
  // Asynchronous on purpose: the static server lives in this process and must keep answering.
  const r = await new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench.mjs'), '--child', file, out], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, QINGDAN_BENCH_URL: server.url },
    })
    child.on('exit', (status, signal) => done({ status, signal }))
    child.on('error', () => done({ status: 1, signal: null }))
  })
  if (r.status !== 0 || !existsSync(out)) {
    failures.push(file)
    console.error(`bench: ${file} failed (exit ${r.status ?? r.signal})`)
    continue
  }
  for (const [name, value] of Object.entries(JSON.parse(readFileSync(out, 'utf8')))) {
    if (typeof value !== 'number' || !Number.isFinite(value)) failures.push(`${file}: ${name} is not a number`)
    else results[name] = value
  }
  console.log(`bench: ${file} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}
await server.close()
rmSync(tmp, { recursive: true, force: true })

const resultsFile = join(root, 'bench', 'results.json')
// A filtered run keeps the other files' earlier figures.
const earlier = filters.length && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {}
const names = Object.keys(results).sort()
const width = Math.max(6, ...names.map((n) => n.length))
console.log(`\n${'metric'.padEnd(width)}  value`)
console.log(`${'-'.repeat(width)}  ${'-'.repeat(12)}`)
for (const name of names) console.log(`${name.padEnd(width)}  ${results[name]}`)

const merged = { ...earlier, ...results }
const all = Object.keys(merged).sort()
writeFileSync(resultsFile, JSON.stringify(Object.fromEntries(all.map((n) => [n, merged[n]])), null, 2) + '\n')
console.log(`\nwrote bench/results.json (${names.length} metrics from this run, ${all.length} in all)`)
if (failures.length) {
  console.error(`bench: ${failures.length} problem(s): ${failures.join('; ')}`)
  process.exit(1)
}
