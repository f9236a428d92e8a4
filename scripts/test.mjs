#!/usr/bin/env node
// `npm test`: every check in the order that fails fastest, stopping at the first failure with
// its exit code. The last line is the machine-readable summary, e.g. `tests: 123 passed, 0 failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const tmp = mkdtempSync(join(tmpdir(), 'qingdan-test-'))
const report = (name) => join(tmp, `${name}.json`)
const json = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${report(name)}`]

const steps = [
  { name: 'lint', cmd: bin('eslint'), args: ['--config', '.eslint.config.js', '.'] },
  { name: 'typecheck', cmd: bin('vue-tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'unit and component tests', cmd: bin('vitest'), args: ['run', ...json('unit')] },
  { name: 'build', cmd: bin('vite'), args: ['build'] },
  { name: 'e2e tests (Chromium)', cmd: process.execPath, args: [join(root, 'scripts', 'e2e.mjs'), ...json('e2e')] },
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

let exitCode = 0
const started = Date.now()
for (const step of steps) {
  const t0 = Date.now()
  console.log(`\n▶ ${step.name}`)
  const result = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit' })
  const code = result.status ?? 1
  console.log(`${code === 0 ? '✔' : '✘'} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  if (code !== 0) {
    console.error(`\nnpm test stopped: "${step.name}" failed with exit code ${code}.`)
    exitCode = code
    break
  }
}
if (exitCode === 0) console.log(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
summary()
rmSync(tmp, { recursive: true, force: true })
process.exit(exitCode)
