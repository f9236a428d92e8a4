// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import LanguageSwitch from '@/components/common/LanguageSwitch.vue'

describe('LanguageSwitch', () => {
  it('names each language in itself and checks the current one', () => {
    const sw = mount(LanguageSwitch, { props: { modelValue: 'en', legend: '界面语言' } })
    const options = sw.findAll('[role=radio]')
    expect(options.map((o) => o.text())).toEqual(['中文', 'English'])
    expect(options.map((o) => o.attributes('aria-checked'))).toEqual(['false', 'true'])
  })

  it('asks for the language that was tapped', async () => {
    const sw = mount(LanguageSwitch, { props: { modelValue: 'zh-CN', legend: 'Language' } })
    await sw.get('[data-testid=lang-en]').trigger('click')
    expect(sw.emitted('update:modelValue')).toEqual([['en']])
  })
})
