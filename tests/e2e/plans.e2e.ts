// Issue #14, plans on an inspector's tablet: a plan and its rooms as a sync leaves them in
// IndexedDB, a signed-in session with grants, and the team server's plan routes faked in the
// page. The home page's part, 今日待检 and 覆盖 are checked on a phone (390 px), then looked at in
// both languages at 390, 768 and 1024 px (screenshots in E2E_SHOTS/plans).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { appUrl, hasHorizontalScroll, launchBrowser } from './support'
import { openPage } from './support/builder'

const root = resolve(import.meta.dirname, '../..')
const SHOTS = join(process.env.E2E_SHOTS || resolve(root, 'test-results/e2e-shots'), 'plans')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

/** `YYYY-MM-DD` in Beijing, `days` from today. */
function beijingDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000))
}

const ROOMS = [
  ['301', '3', 'u-zhang'],
  ['302', '3', 'u-zhang'],
  ['401', '4', 'u-li'],
] as const
const room = (no: string) => `room:3号楼/${no}`
const PLAN = {
  id: 'p-daily',
  title: '3号楼每日宿舍安全检查',
  templateId: 'dorm-room-safety',
  scopeId: 'building:3号楼',
  subjectIds: ROOMS.map(([no]) => room(no)),
  assignees: Object.fromEntries(ROOMS.map(([no, , who]) => [room(no), who])),
  // Every day, due just before midnight: today's rooms are still due, yesterday's are overdue.
  schedule: { type: 'weekly', days: [1, 2, 3, 4, 5, 6, 7] },
  dueTime: '23:59',
  from: beijingDate(-3),
  to: beijingDate(30),
  people: { 'u-zhang': '张老师', 'u-li': '李老师' },
  updatedAt: '2026-11-01T00:00:00.000Z',
}
const SESSION = {
  user: { id: 'u-zhang', username: 'zhang', displayName: '张老师', role: 'member' },
  deviceId: 'e2e-device',
  csrfToken: 'csrf',
  expiresAt: '2099-01-01T00:00:00.000Z',
  grants: [
    { role: 'inspector', scopeId: 'floor:3号楼/3' },
    { role: 'admin', scopeId: 'building:3号楼' },
  ],
}

/** The server's plan routes answered in the page; any other API call fails as offline would. */
async function fakeServer(page: Page): Promise<void> {
  await page.route('**/api/**', async (route) => {
    const path = new URL(route.request().url()).pathname
    if (path === '/api/plans') return route.fulfill({ json: [PLAN] })
    if (path === '/api/people') return route.fulfill({ json: [{ id: 'u-zhang', username: 'zhang', displayName: '张老师', grants: [] }, { id: 'u-li', username: 'li', displayName: '李老师', grants: [] }] })
    return route.abort()
  })
}

/** What a sync leaves: the plan, the register's rooms, and room 301 checked today. */
async function seed(page: Page): Promise<void> {
  await page.goto(appUrl('/'))
  // The task counts read the database: once they show, the app has created it (schema and all),
  // and opening it here cannot make an empty one first.
  await page.getByTestId('task-counts').waitFor()
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'qingdan' && (d.version ?? 0) >= 7))
  const submittedAt = new Date(Date.now() - 60_000).toISOString()
  await page.evaluate(
    async ({ plan, rooms, submittedAt }) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onsuccess = () => done(open.result)
        open.onerror = () => fail(open.error)
      })
      await new Promise<void>((done, fail) => {
        const tx = db.transaction(['plans', 'register', 'responses', 'summaries'], 'readwrite')
        tx.objectStore('plans').put(plan)
        for (const [no, floor] of rooms) {
          tx.objectStore('register').put({ id: `room:3号楼/${no}`, kind: 'room', scopeId: `floor:3号楼/${floor}`, fields: { building: '3号楼', floor, room: no }, label: `3号楼 ${no}`, importedAt: submittedAt, version: 1 })
        }
        const subject = { building: '3号楼', floor: '3', room: '301' }
        tx.objectStore('responses').put({
          id: 'done-301', templateId: 'dorm-room-safety', templateVersion: 1, templateTitle: '宿舍安全检查', role: 'inspection', subject, subjectId: 'room:3号楼/301',
          status: 'submitted', inspector: '张老师', startedAt: submittedAt, updatedAt: submittedAt, submittedAt, subjectTerms: [],
        })
        tx.objectStore('summaries').put({
          id: 'done-301', templateId: 'dorm-room-safety', templateVersion: 1, templateTitle: '宿舍安全检查', role: 'inspection', subject, subjectId: 'room:3号楼/301',
          inspector: '张老师', submittedAt, total: 100, max: 100, percent: 100, band: null, bandIndex: null, vetoed: false, redLines: 0, findings: [], sections: [], subjectTerms: [],
        })
        tx.oncomplete = () => done()
        tx.onerror = () => fail(tx.error)
      })
      db.close()
    },
    { plan: PLAN, rooms: ROOMS.map(([no, floor]) => [no, floor]), submittedAt },
  )
  await page.evaluate((s) => localStorage.setItem('qingdan.session', s), JSON.stringify(SESSION))
}

describe('plans on the tablet', () => {
  it("shows an inspector today's rooms and a head the plan's coverage, offline from synced data, in both languages", async () => {
    const { context, page, errors } = await openPage(browser, 390, 844)
    await fakeServer(page)
    await seed(page)

    // Home: the inspector's part lists today's rooms.
    await page.goto(appUrl('/'))
    await page.getByTestId('home-today').waitFor()
    await expect.poll(() => page.getByTestId('home-today').locator('li').count()).toBe(2)

    // 今日待检: 301 done, 302 still due; a tap starts the check on that room.
    await page.goto(appUrl('/plans/today'))
    await page.getByTestId('today-list').waitFor()
    const states = await page.getByTestId('today-list').locator('[data-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))
    expect(states).toEqual(['done', 'due'])
    expect(await page.getByTestId('today-summary').textContent()).toContain('共 2 间，已完成 1 间')
    expect(await hasHorizontalScroll(page), 'today at 390: sideways scroll').toBe(false)
    await page.getByTestId(`today-${room('302')}`).click()
    await page.waitForURL(/\/fill\/new\/dorm-room-safety\/1\?subject=/)
    await expect.poll(() => page.locator('#subject-room').inputValue()).toBe('302')

    // 覆盖 over the whole plan: three days before today were never checked (overdue, in red).
    await page.goto(appUrl(`/plans/${PLAN.id}/coverage`))
    await page.getByTestId('coverage-counts').waitFor()
    await page.getByTestId('period-plan').check({ force: true })
    await expect.poll(() => page.locator('[data-count=overdue] .n').textContent()).toBe('9')
    expect(await page.locator('[data-count=done] .n').textContent()).toBe('1')
    expect(await page.locator('[data-count=overdue]').getAttribute('class')).toContain('alert')
    expect(await page.getByTestId('coverage-missing').locator('li.overdue').count()).toBe(9)
    expect(await hasHorizontalScroll(page), 'coverage at 390: sideways scroll').toBe(false)

    for (const lang of ['zh-CN', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('qingdan.locale', l), lang)
      for (const [name, path, ready] of [
        ['home', '/', '[data-testid=home-today] li'],
        ['today', '/plans/today', '[data-testid=today-list]'],
        ['coverage', `/plans/${PLAN.id}/coverage`, '[data-testid=coverage-counts]'],
        ['plans', '/plans', '[data-testid=plan-list] li'],
      ] as const) {
        for (const [width, height] of [[390, 844], [768, 1024], [1024, 768]] as const) {
          await page.setViewportSize({ width, height })
          await page.goto(appUrl(path))
          await page.locator(ready).first().waitFor()
          expect(await hasHorizontalScroll(page), `${name} ${lang} ${width}: sideways scroll`).toBe(false)
          await page.screenshot({ path: join(SHOTS, `${name}-${lang}-${width}.png`), fullPage: true })
        }
      }
    }
    // The plan form, opened on a phone.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(appUrl('/plans'))
    await page.getByTestId('plan-new').click()
    await page.getByTestId('plan-editor').waitFor()
    await page.getByTestId('plan-building-3号楼').check()
    expect(await hasHorizontalScroll(page), 'plan editor at 390: sideways scroll').toBe(false)
    await page.screenshot({ path: join(SHOTS, 'editor-en-390.png'), fullPage: true })
    expect(errors).toEqual([])
    await context.close()
  }, 180_000)
})
