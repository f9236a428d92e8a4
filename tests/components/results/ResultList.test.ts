// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '@/app/i18n'
import ResultList from '@/components/results/ResultList.vue'
import ResultRow from '@/components/results/ResultRow.vue'
import { useSettingsStore } from '@/stores/settings'
import type { ResultSummary } from '@/core/stats'
import { summary } from '../../core/stats/builders'

function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/results/:responseId', name: 'response', component: { template: '<div />' } },
    ],
  })
}

function pinia() {
  const p = createPinia()
  setActivePinia(p)
  return p
}

describe('ResultList', () => {
  it('renders only a window of rows out of 10,000, each linking to its response', async () => {
    const items: ResultSummary[] = Array.from({ length: 10_000 }, (_, i) => summary({ id: `r${i}`, subject: { building: '3号楼', room: String(100 + i) } }))
    const wrapper = mount(ResultList, { props: { items }, global: { plugins: [createAppI18n('zh-CN'), router(), pinia()] } })
    const rows = wrapper.findAll('[data-testid="result-row"]')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(60)
    expect(rows[0]?.attributes('href')).toBe('/results/r0')
    expect(rows[0]?.text()).toContain('3号楼 · 100')
  })

  it('shows band, red line and findings badges', () => {
    const items = [summary({ id: 'v', vetoed: true, band: '不合格', findingIds: ['a', 'b'] })]
    const wrapper = mount(ResultList, { props: { items }, global: { plugins: [createAppI18n('zh-CN'), router(), pinia()] } })
    const text = wrapper.text()
    expect(text).toContain('不合格')
    expect(text).toContain('一票否决')
    expect(text).toContain('2 项隐患')
  })

  it('shows the submission time in the settings’ zone, Beijing time by default', async () => {
    localStorage.clear()
    const row = summary({ id: 't', submittedAt: '2026-12-02T11:42:38.000Z' })
    const wrapper = mount(ResultRow, { props: { summary: row }, global: { plugins: [createAppI18n('zh-CN'), router(), pinia()] } })
    expect(wrapper.text()).toContain('2026-12-02 19:42')
    useSettingsStore().setTimeZone('UTC')
    await wrapper.vm.$nextTick()
    expect(wrapper.text()).toContain('2026-12-02 11:42')
    localStorage.clear()
  })

  it('names a grade ceiling 等次上限, never 一票否决', () => {
    const items = [summary({ id: 'c', vetoed: false, verdict: 'ceiling', band: '基本合格', findingIds: ['a'] })]
    const wrapper = mount(ResultList, { props: { items }, global: { plugins: [createAppI18n('zh-CN'), router(), pinia()] } })
    expect(wrapper.get('[data-testid=row-capped]').text()).toBe('等次上限')
    expect(wrapper.text()).not.toContain('一票否决')
  })
})
