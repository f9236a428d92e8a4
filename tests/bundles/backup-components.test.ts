// @vitest-environment happy-dom
// The import summary table and the home reminder, rendered with the app's real messages.
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/app/i18n'
import { MERGE_KINDS, type KindCounts, type MergeSummary as Summary } from '@/core/exchange/bundle'
import { setDb } from '@/db'
import MergeSummary from '@/components/backup/MergeSummary.vue'
import BackupReminder from '@/components/backup/BackupReminder.vue'
import { device, fillRoom } from './bundle-builders'
import { SESSION_STORAGE_KEY } from '@/stores/account'
import { session } from '../stores/sync-helpers'

const counts = (c: Partial<KindCounts> = {}): KindCounts => ({ new: 0, updated: 0, skipped: 0, conflicts: 0, refused: 0, ...c })

describe('MergeSummary', () => {
  it('shows each kind of record with its counts and marks conflicts', () => {
    const summary = Object.fromEntries([...MERGE_KINDS, 'total'].map((k) => [k, counts()])) as Summary
    summary.responses = counts({ new: 2, conflicts: 1 })
    const w = mount(MergeSummary, { props: { summary }, global: { plugins: [createAppI18n('zh-CN')] } })
    expect(w.get('[data-testid=summary-responses] th').text()).toBe('检查记录')
    expect(w.get('[data-testid=summary-responses-new]').text()).toBe('2')
    expect(w.get('[data-testid=summary-responses-conflicts]').classes()).toContain('warn')
    expect(w.get('[data-testid=summary-answers-conflicts]').classes()).not.toContain('warn')
  })
})

describe('BackupReminder', () => {
  beforeEach(() => setActivePinia(createPinia()))
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/backup', name: 'backup', component: { template: '<p/>' } }] })

  it('reminds a device with responses that never made a backup, and links to the backup page', async () => {
    const db = await device()
    await fillRoom(db, '101', { q1: 'ok' })
    setDb(db)
    const w = mount(BackupReminder, { global: { plugins: [createAppI18n('zh-CN'), router] } })
    await expect.poll(async () => (await flushPromises(), w.find('[data-testid=backup-reminder]').exists())).toBe(true)
    expect(w.text()).toContain('1 份记录')
    expect(w.get('[data-testid=backup-reminder-link]').attributes('href')).toBe('/backup')
  })

  it('stays hidden on a tablet signed in to a team server, whose records the server keeps', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session()))
    setActivePinia(createPinia())
    const db = await device()
    await fillRoom(db, '101', { q1: 'ok' })
    setDb(db)
    const w = mount(BackupReminder, { global: { plugins: [createAppI18n('zh-CN'), router] } })
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(w.find('[data-testid=backup-reminder]').exists()).toBe(false)
    localStorage.clear()
  })

  it('stays hidden on a device with nothing to back up', async () => {
    setDb(await device())
    const w = mount(BackupReminder, { global: { plugins: [createAppI18n('zh-CN'), router] } })
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(w.find('[data-testid=backup-reminder]').exists()).toBe(false)
  })
})
