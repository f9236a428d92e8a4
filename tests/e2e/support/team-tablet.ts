// A tablet of a team-server journey: a browser context on the server's origin (the session cookie
// is SameSite=Strict), signed in through the 同步 page, synced by tapping 立即同步.
import { expect } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { newTabletPage, waitForServiceWorker, type TabletPage } from './index'

/** A tablet on the server's origin, its service worker in control (so it opens offline too). */
export async function teamTablet(browser: Browser, serverUrl: string): Promise<TabletPage> {
  const t = await newTabletPage(browser)
  await t.page.goto(new URL('/', serverUrl).href)
  await waitForServiceWorker(t.page)
  return t
}

export const syncBadge = (page: Page) => page.getByTestId('sync-badge').first()

/** When this tablet last finished a sync run (ISO, ms), as the sync store keeps it. */
const lastSync = (page: Page): Promise<string | null> => page.evaluate(() => localStorage.getItem('qingdan.lastSyncAt'))

/** Signs in on the 同步 page and waits for the first sync run to finish, clean. */
export async function signInTablet(page: Page, serverUrl: string, who: { username: string; password: string; deviceName: string }): Promise<void> {
  await page.goto(new URL('/sync', serverUrl).href)
  await page.getByTestId('sign-in-username').fill(who.username)
  await page.getByTestId('sign-in-password').fill(who.password)
  await page.getByTestId('sign-in-device-name').fill(who.deviceName)
  await page.getByTestId('sign-in-submit').click()
  await page.getByTestId('sync-user').waitFor()
  // The badge says 已同步 as soon as nothing is pending, before the first pull has finished.
  await expect.poll(() => lastSync(page), { timeout: 15_000 }).not.toBeNull()
  await expect.poll(() => syncBadge(page).getAttribute('data-status'), { timeout: 15_000 }).toBe('synced')
}

/** Taps 立即同步 on the sync page and waits for a new clean run (nothing pending, no error). */
export async function syncNow(page: Page, serverUrl: string): Promise<void> {
  await page.goto(new URL('/sync', serverUrl).href)
  const before = await lastSync(page)
  await page.getByTestId('sync-now').click()
  await expect.poll(() => lastSync(page), { timeout: 15_000 }).not.toBe(before)
  await expect.poll(() => syncBadge(page).getAttribute('data-status'), { timeout: 15_000 }).toBe('synced')
  await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('0')
}
