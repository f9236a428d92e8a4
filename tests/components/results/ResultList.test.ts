// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '@/app/i18n'
import ResultList from '@/components/results/ResultList.vue'
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

describe('ResultList', () => {
  it('renders only a window of rows out of 10,000, each linking to its response', async () => {
    const items: ResultSummary[] = Array.from({ length: 10_000 }, (_, i) => summary({ id: `r${i}`, subject: { building: '3号楼', room: String(100 + i) } }))
    const wrapper = mount(ResultList, { props: { items }, global: { plugins: [createAppI18n('zh-CN'), router()] } })
    const rows = wrapper.findAll('[data-testid="result-row"]')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(60)
    expect(rows[0]?.attributes('href')).toBe('/results/r0')
    expect(rows[0]?.text()).toContain('3号楼 · 100')
  })

  it('shows band, red line and findings badges', () => {
    const items = [summary({ id: 'v', vetoed: true, band: '不合格', findingIds: ['a', 'b'] })]
    const wrapper = mount(ResultList, { props: { items }, global: { plugins: [createAppI18n('zh-CN'), router()] } })
    const text = wrapper.text()
    expect(text).toContain('不合格')
    expect(text).toContain('一票否决')
    expect(text).toContain('2 项隐患')
  })

  it('names a grade ceiling 等次上限, never 一票否决', () => {
    const items = [summary({ id: 'c', vetoed: false, verdict: 'ceiling', band: '基本合格', findingIds: ['a'] })]
    const wrapper = mount(ResultList, { props: { items }, global: { plugins: [createAppI18n('zh-CN'), router()] } })
    expect(wrapper.get('[data-testid=row-capped]').text()).toBe('等次上限')
    expect(wrapper.text()).not.toContain('一票否决')
  })
})
