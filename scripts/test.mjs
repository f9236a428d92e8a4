#!/usr/bin/env node
// `npm test`: every check, the fastest to fail first, stopping after the first stage that fails,
// with that step's exit code. The last line is the machine-readable summary, e.g. `tests: 123 passed, 0 failed`.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startTempPostgres } from './pg-temp.mjs'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const tmp = mkdtempSync(join(tmpdir(), 'qingdan-test-'))
const report = (name) => join(tmp, `${name}.json`)
const json = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${report(name)}`]

/*
 * Steps and what each needs first: a step starts as soon as the steps it needs have passed. Lint
 * and typecheck run side by side, then the unit and server tests beside the build, then the e2e
 * suite. (Running the e2e suite beside the unit tests was tried: on two cores both took twice as
 * long, 1,016 s and 825 s, and the browser tests came close to their timeouts; nothing was saved.)
 * The streaming step prints as it goes; the others print their output when they end.
 */
const steps = [
  { name: 'lint', cmd: bin('eslint'), args: ['--config', '.eslint.config.js', '.'], needs: [] },
  { name: 'typecheck', cmd: bin('vue-tsc'), args: ['--noEmit', '-p', 'tsconfig.json'], needs: [] },
  // The server tests run on PGlite and, through QINGDAN_TEST_PG_URL, on a real PostgreSQL.
  { name: 'unit, component and server tests', cmd: bin('vitest'), args: ['run', ...json('unit')], postgres: true, needs: ['lint', 'typecheck'], stream: true },
  { name: 'build', cmd: bin('vite'), args: ['build'], needs: ['lint', 'typecheck'] },
  { name: 'e2e tests (Chromium)', cmd: process.execPath, args: [join(root, 'scripts', 'e2e.mjs'), ...json('e2e')], needs: ['build', 'unit, component and server tests'], stream: true },
]

/** Sums the counts of the vitest runs that wrote a JSON report. */
function counts() {
  const total = { passed: 0, failed: 0, skipped: 0, ran: false }
  for (const name of ['unit', 'e2e']) {
    if (!existsSync(report(name))) continue
    const r = JSON.parse(readFileSync(report(name), 'utf8'))
    total.passed += r.numPassedTests ?? 0
    total.failed += r.numFailedTests ?? 0
    total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
    total.ran = true
  }
  return total
}

function summary() {
  const c = counts()
  if (!c.ran) return
  console.log(`tests: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`)
}

/** A throwaway PostgreSQL cluster for the steps that need one; stopped when they end. */
async function withPostgres(step, run) {
  if (!step.postgres) return run({})
  const pg = await startTempPostgres()
  console.log(`PostgreSQL for the server tests: ${pg.url}`)
  try {
    return await run({ QINGDAN_TEST_PG_URL: pg.url })
  } finally {
    await pg.stop()
  }
}

/** Runs one step; its exit code. `quiet` steps keep their output until they end. */
function runStep(step, env, quiet) {
  return new Promise((done) => {
    const child = spawn(step.cmd, step.args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } })
    const out = []
    if (quiet) {
      child.stdout.on('data', (b) => out.push(b))
      child.stderr.on('data', (b) => out.push(b))
    }
    child.on('error', (e) => {
      out.push(Buffer.from(`${e.message}\n`))
      done({ code: 1, out })
    })
    child.on('close', (code) => done({ code: code ?? 1, out }))
  })
}

let exitCode = 0
const started = Date.now()
const outcome = new Map()
const running = new Map()

async function runNamed(step) {
  const t0 = Date.now()
  console.log(`\n▶ ${step.name}`)
  const { code, out } = await withPostgres(step, (env) => runStep(step, env, !step.stream))
  if (out.length > 0) process.stdout.write(Buffer.concat(out))
  console.log(`${code === 0 ? '✔' : '✘'} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  return { step, code }
}

// Start every step whose needs have passed; after a failure start nothing new, finish the rest.
for (;;) {
  if (exitCode === 0) {
    for (const step of steps) {
      if (outcome.has(step.name) || running.has(step.name)) continue
      if (step.needs.every((n) => outcome.get(n) === 0)) running.set(step.name, runNamed(step))
    }
  }
  if (running.size === 0) break
  const { step, code } = await Promise.race(running.values())
  running.delete(step.name)
  outcome.set(step.name, code)
  if (code !== 0 && exitCode === 0) {
    console.error(`\nnpm test stopped: "${step.name}" failed with exit code ${code}.`)
    exitCode = code
  }
}
if (exitCode === 0) console.log(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
summary()
rmSync(tmp, { recursive: true, force: true })
process.exit(exitCode)
