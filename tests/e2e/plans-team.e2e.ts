// Issue #14, item 6: the college's organisation on a real server process. The admin builds the
// scope tree on the admin page, imports rooms (register page) and people (admin page), and plans
// a weekly check of 3号楼 and 5号楼 for two inspectors. Each inspector's tablet (its own browser
// context) lists only its own rooms for today, fills one offline and syncs; the head's coverage
// view shows what is done and what is missing; an inspector sees nothing of the other building,
// neither on screen nor through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { API, type PushResponse, type SyncPlan } from '@/core/sync'
import type { ServerProcess } from '../server/support/process'
import { clock, header, m, Outbox } from '../server/sync/support/builders'
import { launchBrowser, type TabletPage } from './support'
import { submitByTap } from './support/fill'
import { ADMIN_PASSWORD, apiSignIn, pullEverything, startTeamServer } from './support/team-server'
import { signInTablet, syncNow, teamTablet } from './support/team-tablet'

const root = resolve(import.meta.dirname, '../..')
const SHOTS = join(process.env.E2E_SHOTS || resolve(root, 'test-results/e2e-shots'), 'plans')

const ROOMS = '楼栋,楼层,房间号,负责人\n3号楼,3,301,张老师\n3号楼,3,302,张老师\n5号楼,1,101,李老师\n5号楼,1,102,李老师\n'
const PEOPLE = [
  '用户名,姓名,角色,范围,初始密码',
  'zhang,张老师,检查员,3号楼,zhang-password-1',
  'li,李老师,检查员,5号楼,li-password-1',
  'wang,王主任,查看者,学工部,wang-password-1',
].join('\n')

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startTeamServer(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const url = (path: string): string => new URL(path, server.url).href
/** Server round trips on a shared 2-core machine: seconds, not the default one. */
const WAIT = { timeout: 15_000 }

/** Today as the college's clocks read it, and its ISO weekday (1 Monday … 7 Sunday). */
function todayInShanghai(): { date: string; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(new Date())
  const part = (type: string): string => parts.find((p) => p.type === type)!.value
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1
  return { date: `${part('year')}-${part('month')}-${part('day')}`, weekday }
}

async function chooseFile(page: Page, testId: string, name: string, text: string): Promise<void> {
  await page.getByTestId(testId).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })
}

async function addScope(page: Page, parent: string | null, name: string): Promise<void> {
  if (parent) await page.getByTestId('scope-parent').selectOption({ label: parent })
  await page.getByTestId('scope-name').fill(name)
  await page.getByTestId('scope-submit').click()
  await page.getByTestId('admin-scopes').getByText(name, { exact: true }).waitFor()
}

/** The admin's day: the tree, the rooms, the people, and the weekly plan. */
async function setUpAsAdmin(admin: TabletPage, weekday: number): Promise<void> {
  const { page } = admin
  await signInTablet(page, server.url, { username: 'admin', password: ADMIN_PASSWORD, deviceName: '学工部的平板' })

  await page.goto(url('/admin'))
  await addScope(page, null, '职业学院')
  await addScope(page, '学院 · 职业学院', '学工部')

  await page.goto(url('/register'))
  await chooseFile(page, 'register-file', 'rooms.csv', ROOMS)
  await page.getByTestId('register-preview').waitFor()
  await expect.poll(() => page.getByTestId('register-upload-parent').inputValue(), WAIT).not.toBe('')
  await page.getByTestId('register-upload-confirm').click()
  await expect.poll(() => page.getByTestId('register-message').textContent(), WAIT).toContain('新增 4 项')

  await page.goto(url('/admin'))
  await chooseFile(page, 'people-file', 'people.csv', PEOPLE)
  await page.getByTestId('people-confirm').click()
  expect(await page.getByTestId('people-result').textContent()).toContain('已新建 3 个账号')

  // The rooms come back through the pull; then the weekly plan, due late tonight.
  await syncNow(page, server.url)
  await page.goto(url('/plans'))
  await page.getByTestId('plan-new').click()
  await page.getByTestId('plan-title').fill('3号楼、5号楼每周宿舍安全检查')
  await page.getByTestId('plan-template').selectOption('dorm-room-safety')
  await page.getByTestId('plan-kind-weekly').check()
  for (let d = 1; d <= 7; d++) await page.getByTestId(`plan-day-${d}`).setChecked(d === weekday)
  await page.getByTestId('plan-editor').locator('input[type=time]').fill('23:59')
  await page.getByTestId('plan-building-3号楼').check()
  await page.getByTestId('plan-building-5号楼').check()
  await page.getByTestId('plan-assignee-3号楼 · 3').selectOption({ label: '张老师' })
  await page.getByTestId('plan-assignee-5号楼 · 1').selectOption({ label: '李老师' })
  await page.getByTestId('plan-save').click()
  await page.getByTestId('plans-message').waitFor()
}

/** An inspector fills one of today's rooms offline, from the 今日待检 list, and syncs back online. */
async function inspectOffline(t: TabletPage, subjectId: string): Promise<void> {
  const { page, context } = t
  await page.goto(url('/plans/today'))
  await page.getByTestId(`today-${subjectId}`).waitFor()
  await context.setOffline(true)
  await page.getByTestId(`today-${subjectId}`).click()
  await page.getByTestId('begin').click()
  await page.getByTestId('total').waitFor()
  await page.locator('#item-late-return').getByRole('button', { name: '增加 晚归', exact: true }).tap()
  await expect.poll(() => page.getByTestId('save-status').textContent(), WAIT).toContain('已保存')
  await submitByTap(page)
  await context.setOffline(false)
  await syncNow(page, server.url)
}

const todayIds = (page: Page): Promise<string[]> =>
  page.locator('[data-testid^="today-room:"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('today-'.length)))

/** Screenshots of `paths` (name → path) at the three widths, for a person to look at. */
async function screenshots(page: Page, who: string, paths: Record<string, string>): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  for (const width of [390, 768, 1024]) {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 1024 })
    for (const [name, path] of Object.entries(paths)) {
      await page.goto(url(path))
      await page.locator('main').waitFor()
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(SHOTS, `${who}-${name}-${width}.png`), fullPage: true })
    }
  }
}

describe('a weekly plan for two inspectors (#14)', () => {
  it('gives each inspector only their rooms, offline too, and the head the coverage; the other building stays out of reach', async () => {
    const { weekday } = todayInShanghai()
    const admin = await teamTablet(browser, server.url)
    await setUpAsAdmin(admin, weekday)

    const zhang = await teamTablet(browser, server.url)
    const li = await teamTablet(browser, server.url)
    await signInTablet(zhang.page, server.url, { username: 'zhang', password: 'zhang-password-1', deviceName: '张老师的平板' })
    await signInTablet(li.page, server.url, { username: 'li', password: 'li-password-1', deviceName: '李老师的平板' })
    // One sync run that surely pulled the plan and the rooms (sign-in's first run may still be going).
    for (const t of [zhang, li]) await syncNow(t.page, server.url)

    // Each tablet lists its own building's rooms for today, and nothing of the other.
    await zhang.page.goto(url('/plans/today'))
    await zhang.page.getByTestId('today-list').waitFor()
    await expect.poll(() => todayIds(zhang.page), WAIT).toEqual(['room:3号楼/301', 'room:3号楼/302'])
    await li.page.goto(url('/plans/today'))
    await li.page.getByTestId('today-list').waitFor()
    await expect.poll(() => todayIds(li.page), WAIT).toEqual(['room:5号楼/101', 'room:5号楼/102'])

    await inspectOffline(zhang, 'room:3号楼/301')
    await inspectOffline(li, 'room:5号楼/101')

    // The head (viewer of 学工部) sees the plan's coverage: one room done per building, one missing.
    const head = await teamTablet(browser, server.url)
    await signInTablet(head.page, server.url, { username: 'wang', password: 'wang-password-1', deviceName: '王主任的平板' })
    await syncNow(head.page, server.url)
    const plans = await (await apiSignIn(server.url, 'wang', 'wang-password-1')).get<SyncPlan[]>(API.plans)
    expect(plans.map((p) => p.title)).toEqual(['3号楼、5号楼每周宿舍安全检查'])
    await head.page.goto(url(`/plans/${plans[0]!.id}/coverage`))
    const counts = head.page.getByTestId('coverage-counts')
    await counts.waitFor()
    await expect.poll(() => counts.locator('[data-count=done] .n').textContent(), WAIT).toBe('2')
    expect(await counts.locator('[data-count=due] .n').textContent()).toBe('2')
    const missing = await head.page.getByTestId('coverage-missing').textContent()
    expect(missing).toContain('302')
    expect(missing).toContain('102')
    expect(missing).not.toContain('301')

    // 张老师 sees only 3号楼: on screen …
    await zhang.page.goto(url('/results'))
    await zhang.page.getByTestId('result-count').waitFor()
    const shown = await zhang.page.getByTestId('result-row').allTextContents()
    expect(shown).toHaveLength(1)
    expect(shown[0]).toContain('301')
    // … and through the API: the pull, the register, and a direct write to the other building.
    const api = await apiSignIn(server.url, 'zhang', 'zhang-password-1')
    const held = [...(await pullEverything(api)).values()].map((r) => `${r.header.subject.building}/${r.header.subject.room}`)
    expect(held).toEqual(['3号楼/301'])
    const register = await api.get<{ id: string }[]>(API.register)
    expect(register.map((s) => s.id).sort()).toEqual(['room:3号楼/301', 'room:3号楼/302'])
    const all = await (await apiSignIn(server.url, 'admin', ADMIN_PASSWORD)).get<{ id: string }[]>(API.register)
    expect(all).toHaveLength(4)
    const other = header(crypto.randomUUID(), clock(1, api.info.deviceId), { subject: { building: '5号楼', floor: '1', room: '102' }, subjectId: 'room:5号楼/102' })
    const pushed = await api.post<PushResponse>(API.push, new Outbox(api.info.deviceId).batch(m.response(other)))
    expect(pushed.results[0]).toMatchObject({ status: 'refused', issue: { code: 'outOfScope' } })

    await screenshots(zhang.page, 'inspector', { home: '/', today: '/plans/today' })
    await screenshots(head.page, 'head', { home: '/', coverage: `/plans/${plans[0]!.id}/coverage` })
    await screenshots(admin.page, 'admin', { plans: '/plans', register: '/register' })
    for (const t of [admin, zhang, li, head]) await t.context.close()
  }, 240_000)
})
