// Serves dist/ once for the whole e2e run and hands its address to the tests (inject('baseUrl')).
import type { TestProject } from 'vitest/node'
import { chromiumPath } from './chromium'
import { serveDist } from './serve.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Fail the whole run up front, with the install hint, rather than once per test.
  chromiumPath()
  const server = await serveDist()
  project.provide('baseUrl', server.url)
  return () => server.close()
}
