// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import AppTopBar from '@/components/common/AppTopBar.vue'
import { applyLang, i18n } from '@/app/i18n'
import type { NavSection } from '@/app/router'

const Blank = defineComponent({ render: () => null })

// Tiny router with the app's paths and nav sections, blank pages: the bar is under test.
function router() {
  const page = (path: string, nav: NavSection) => ({ path, component: Blank, meta: { titleKey: '', nav } })
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      page('/', 'home'),
      page('/templates', 'templates'),
      page('/fill', 'fill'),
      page('/fill/:responseId', 'fill'),
      page('/results', 'results'),
      page('/settings', 'settings'),
    ],
  })
}

async function mountAt(path: string, online = true) {
  const r = router()
  await r.push(path)
  return mount(AppTopBar, { props: { online }, global: { plugins: [r, i18n] } })
}

afterEach(() => applyLang('zh-CN'))

describe('AppTopBar', () => {
  it('shows the four areas in Chinese in the order the product names them', async () => {
    const bar = await mountAt('/')
    expect(bar.findAll('nav a').map((a) => a.text())).toEqual(['模板库', '填写', '结果', '设置'])
    expect(bar.get('[data-testid=brand]').text()).toBe('清单')
  })

  it('marks 填写 as the current page inside a response, not only on /fill', async () => {
    const bar = await mountAt('/fill/r-123')
    const current = bar.findAll('nav a').filter((a) => a.attributes('aria-current') === 'page')
    expect(current.map((a) => a.text())).toEqual(['填写'])
  })

  it('marks nothing as current on the home page', async () => {
    const bar = await mountAt('/')
    expect(bar.findAll('nav a[aria-current]')).toHaveLength(0)
  })

  it('says when the device is offline', async () => {
    const bar = await mountAt('/', false)
    expect(bar.get('[data-testid=online-status]').text()).toBe('离线')
    await bar.setProps({ online: true })
    expect(bar.get('[data-testid=online-status]').text()).toBe('在线')
  })

  it('leaves the network to the sync badge when that one shows it (no 离线 twice)', async () => {
    const bar = await mountAt('/', false)
    await bar.setProps({ showNetwork: false })
    expect(bar.find('[data-testid=online-status]').exists()).toBe(false)
  })

  it('follows a language switch', async () => {
    const bar = await mountAt('/')
    applyLang('en')
    await bar.vm.$nextTick()
    expect(bar.findAll('nav a').map((a) => a.text())).toEqual(['Templates', 'Fill', 'Results', 'Settings'])
  })
})
