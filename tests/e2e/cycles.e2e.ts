// Issue #15, item 5: a 红旗 evaluation cycle on a real server process — four branches, five panel
// reviewers each on a tablet of their own (a browser context signed in as them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { API, type SyncSubject } from '@/core/sync'
import type { ServerProcess } from '../server/support/process'
import { launchBrowser } from './support'
import { BRANCHES, buildCycleWorld } from './support/cycle-world'
import { startTeamServer, type ApiSession } from './support/team-server'

let server: ServerProcess
let browser: Browser
let admin: ApiSession

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startTeamServer(), launchBrowser()])
  admin = await buildCycleWorld(server.url)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('an evaluation cycle, panel-scored', () => {
  it('sets up the branches', async () => {
    const subjects = await admin.get<SyncSubject[]>(API.register)
    expect(subjects.filter((s) => s.kind === 'branch').map((s) => s.label).sort()).toEqual([...BRANCHES].sort())
  })
})
