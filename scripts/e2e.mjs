#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end suite in real Chromium against the production build.
// Extra arguments go to vitest (e.g. a file filter, or --reporter=json --outputFile=...).
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

if (!existsSync(chromium)) {
  console.error(
    `e2e: Chromium not found at ${chromium}.\n` +
      '  Install it: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n' +
      '  or set CHROMIUM_PATH to a Chromium/Chrome executable. The e2e tests never skip.',
  )
  process.exit(1)
}

const bin = (name) => resolve(root, 'node_modules', '.bin', name)
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1

// `npm test` builds right before this; on its own, build only when there is nothing to serve.
if (!existsSync(resolve(root, 'dist', 'index.html'))) {
  console.log('e2e: no dist/ yet, building it first')
  const code = run(bin('vite'), ['build'])
  if (code !== 0) process.exit(code)
}

process.exit(run(bin('vitest'), ['run', '--config', 'tests/e2e/support/vitest.config.ts', ...process.argv.slice(2)]))
