// The e2e project: real Chromium against the production build. Separate from vite.config.ts so
// `npx vitest run` stays the fast unit/component run and never needs a build or a browser.
import { defineConfig } from 'vitest/config'
import { fileURLToPath, URL } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))

export default defineConfig({
  root,
  resolve: { alias: { '@': fileURLToPath(new URL('../../../src', import.meta.url)) } },
  test: {
    name: 'e2e',
    root,
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    // One file at a time: the machine is small, and every file drives the one Chromium of the run.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
