// Serves dist/ and starts one Chromium for the whole e2e run, and hands both addresses to the
// tests (inject('baseUrl'), inject('browserWs')). Each file connects to that Chromium rather than
// starting its own: a launch costs ~1 s, twenty files ~20 s of a CI run.
import { chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { chromiumPath, CHROMIUM_ARGS } from './chromium'
import { serveDist } from './serve.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    browserWs: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Fail the whole run up front, with the install hint, rather than once per test.
  const browser = await chromium.launchServer({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] })
  const server = await serveDist()
  project.provide('baseUrl', server.url)
  project.provide('browserWs', browser.wsEndpoint())
  return async () => {
    await server.close()
    await browser.close()
  }
}
