// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import SyncBadge from '@/components/sync/SyncBadge.vue'
import type { SyncStatus } from '@/stores/sync'
import { mountPage } from './mountSync'

const text = async (status: SyncStatus, pending = 0, lang: 'zh-CN' | 'en' = 'zh-CN') =>
  (await mountPage(SyncBadge, { lang, props: { status, pending } })).get('[data-testid=sync-badge]').text()

describe('SyncBadge', () => {
  it('names the four states of a signed-in device in Chinese', async () => {
    expect(await text('synced')).toBe('已同步')
    expect(await text('pending', 12)).toBe('待同步 12')
    expect(await text('offline')).toBe('离线')
    expect(await text('failed')).toBe('同步失败')
  })

  it('names them in English', async () => {
    expect(await text('synced', 0, 'en')).toBe('Synced')
    expect(await text('pending', 3, 'en')).toBe('3 pending')
    expect(await text('offline', 0, 'en')).toBe('Offline')
    expect(await text('failed', 0, 'en')).toBe('Sync failed')
  })

  it('says 未登录 on a device that is not signed in, and always links to the sync page', async () => {
    const badge = await mountPage(SyncBadge, { props: { status: 'signedOut', pending: 0 } })
    const link = badge.get('[data-testid=sync-badge]')
    expect(link.text()).toBe('未登录')
    expect(link.attributes('href')).toBe('/sync')
    expect(link.attributes('aria-label')).toBe('同步状态：未登录')
  })
})
