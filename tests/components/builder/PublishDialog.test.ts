// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { builderWarnings, diffTemplates } from '@/core/builder'
import type { Template } from '@/core/format/types'
import { createAppI18n } from '@/app/i18n'
import PublishDialog from '@/components/builder/PublishDialog.vue'

const v1: Template = { id: 't', version: 1, title: '宿舍检查', sections: [{ id: 's1', title: '一级指标 1', items: [{ id: 'q1', type: 'score', title: '整洁', max: 5 }] }] }

describe('PublishDialog', () => {
  it('names the version published and repeats the warnings it was published with', () => {
    const wrapper = mount(PublishDialog, {
      props: { version: 1, diff: diffTemplates(null, v1), warnings: builderWarnings(v1) },
      global: { plugins: [createAppI18n('zh-CN')] },
    })
    expect(wrapper.get('h2').text()).toBe('已发布第 1 版')
    const warnings = wrapper.get('[data-testid=publish-warnings]')
    expect(warnings.text()).toContain('提醒（1）')
    expect(warnings.text()).toContain('没有“被检查对象字段”')
  })

  it('shows no warning box when there is nothing to warn about', () => {
    const wrapper = mount(PublishDialog, { props: { version: 2, diff: diffTemplates(v1, { ...v1, version: 2 }) }, global: { plugins: [createAppI18n('en')] } })
    expect(wrapper.find('[data-testid=publish-warnings]').exists()).toBe(false)
    expect(wrapper.get('h2').text()).toBe('Version 2 published')
  })
})
