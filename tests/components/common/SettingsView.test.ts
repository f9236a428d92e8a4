// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- a test host and a blank page, defined inline on purpose */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createApp, defineComponent, getCurrentInstance, h, ref } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { ensureFormKit } from '@/app/formkit'
import { applyLang, i18n } from '@/app/i18n'
import { INSPECTOR_STORAGE_KEY, TIME_ZONE_STORAGE_KEY, useSettingsStore } from '@/stores/settings'
import SettingsView from '@/views/SettingsView.vue'

// SettingsView is lazy and uses FormKit, which the router guard installs before it renders;
// this host does the same: ensureFormKit on its own app, then render the view.
const Host = defineComponent({
  setup() {
    const ready = ref(false)
    const app = getCurrentInstance()!.appContext.app
    void ensureFormKit(app).then(() => (ready.value = true))
    return () => (ready.value ? h(SettingsView) : null)
  },
})

async function mountSettings() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(Host, { global: { plugins: [pinia, i18n] } })
  await vi.waitFor(() => expect(wrapper.find('form').exists()).toBe(true))
  return wrapper
}

beforeEach(() => {
  localStorage.clear()
  applyLang('zh-CN')
})

describe('ensureFormKit', () => {
  it('installs FormKit once however often a route asks for it', async () => {
    const app = createApp(defineComponent({ render: () => h('div') }))
    const first = ensureFormKit(app)
    expect(ensureFormKit(app)).toBe(first)
    await first
    expect(app.config.globalProperties).toHaveProperty('$formkit')
  })
})

describe('SettingsView', () => {
  it('saves the inspector name typed into the FormKit form', async () => {
    const view = await mountSettings()
    const input = view.get('input[name=inspector]')
    await input.setValue('王老师')
    await view.get('form').trigger('submit')
    await vi.waitFor(() => expect(useSettingsStore().inspector).toBe('王老师'))
    expect(localStorage.getItem(INSPECTOR_STORAGE_KEY)).toBe('王老师')
    expect(view.get('[data-testid=inspector-saved]').text()).toBe('已保存')
  })

  it('switches the language from the segmented control', async () => {
    const view = await mountSettings()
    await view.get('[data-testid=lang-en]').trigger('click')
    expect(i18n.global.locale.value).toBe('en')
    expect(view.get('h1').text()).toBe('Settings')
  })

  it("shows FormKit's validation messages in the interface language, following a switch", async () => {
    const view = await mountSettings()
    await view.get('input[name=inspector]').setValue('名'.repeat(41))
    await view.get('form').trigger('submit')
    await vi.waitFor(() => expect(view.find('.formkit-message').text()).toContain('40个字符'))
    expect(useSettingsStore().inspector).toBe('')

    await view.get('[data-testid=lang-en]').trigger('click')
    await vi.waitFor(() => expect(view.get('.formkit-message').text()).toMatch(/40 characters/))
  })
})

describe('SettingsView time zone', () => {
  it('offers Beijing time by default and keeps another zone once chosen', async () => {
    const wrapper = await mountSettings()
    const select = wrapper.find<HTMLSelectElement>('[data-testid="time-zone"]')
    expect(select.element.value).toBe('Asia/Shanghai')
    expect(select.text()).toContain('北京时间')
    await select.setValue('UTC')
    expect(useSettingsStore().timeZone).toBe('UTC')
    expect(localStorage.getItem(TIME_ZONE_STORAGE_KEY)).toBe('UTC')
    expect(wrapper.find('[data-testid="time-zone-example"]').text()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  })
})
