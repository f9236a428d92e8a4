// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import type { JsonLogicRule } from '@/core/format/types'
import ConditionEditor from '@/components/builder/ConditionEditor.vue'
import { messages } from '@/app/i18n'

const i18n = () => createI18n({ legacy: false, locale: 'zh-CN', messages })
const items = [{ id: 'q1', title: '灭火器' }, { id: 'q2', title: '电器' }]

describe('ConditionEditor', () => {
  it('adds a clause on the first item and emits the JSON Logic it means', async () => {
    const w = mount(ConditionEditor, { props: { rule: undefined, items, label: 'visibleIf' }, global: { plugins: [i18n()] } })
    await w.get('[data-testid=condition-add]').trigger('click')
    expect(w.emitted('update')?.[0]).toEqual([{ '==': [{ var: 'q1' }, ''] }])
  })

  it('edits the value of an existing clause and keeps the AND group', async () => {
    const rule: JsonLogicRule = { and: [{ '==': [{ var: 'q1' }, 'no'] }, { '>': [{ var: 'q2' }, 1] }] }
    const w = mount(ConditionEditor, { props: { rule, items, label: 'visibleIf' }, global: { plugins: [i18n()] } })
    const value = w.findAll('[data-testid=condition-value]')[1]!
    await value.setValue('3')
    expect(w.emitted('update')?.[0]).toEqual([{ and: [{ '==': [{ var: 'q1' }, 'no'] }, { '>': [{ var: 'q2' }, 3] }] }])
  })

  it('shows a rule it cannot edit visually as read-only JSON', () => {
    const rule: JsonLogicRule = { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] }
    const w = mount(ConditionEditor, { props: { rule, items, label: 'visibleIf' }, global: { plugins: [i18n()] } })
    expect(w.find('[data-testid=condition-group]').exists()).toBe(false)
    expect(w.get('pre').text()).toContain('"all"')
  })
})
