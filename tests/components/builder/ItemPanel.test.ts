// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, getCurrentInstance, h, ref } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import type { Item } from '@/core/format/types'
import { findItem } from '@/core/builder'
import { createTemplate } from '@/db/repositories/templates-edit'
import { ensureFormKit } from '@/app/formkit'
import { createAppI18n } from '@/app/i18n'
import { useBuilderStore } from '@/stores/builder'
import ItemPanel from '@/components/builder/ItemPanel.vue'
import { freshDb, template } from '../../db/helpers'

beforeEach(() => setActivePinia(createPinia()))

/** The panel of item q1 over a loaded store; FormKit is installed as the router guard would. */
async function mountPanel(extra?: Item) {
  const db = freshDb()
  const t = template('t', 1, ['q1'])
  if (extra) t.sections[0]!.items.push(extra)
  await createTemplate(db, t)
  const store = useBuilderStore()
  await store.load('t', db)
  store.select({ kind: 'item', id: extra?.id ?? 'q1' })
  const Host = defineComponent({
    setup() {
      const ready = ref(false)
      void ensureFormKit(getCurrentInstance()!.appContext.app).then(() => (ready.value = true))
      return () => (ready.value && store.selectedItem ? h(ItemPanel, { item: store.selectedItem }) : null)
    },
  })
  const wrapper = mount(Host, { global: { plugins: [createAppI18n('zh-CN')] } })
  await vi.waitFor(() => expect(wrapper.find('[data-testid=item-panel] form').exists()).toBe(true))
  const item = (id = extra?.id ?? 'q1'): Item | undefined => findItem(store.template, id)?.item
  return { store, wrapper, item }
}

describe('ItemPanel', () => {
  it('writes a typed title into the template, in one undo step', async () => {
    const { store, wrapper, item } = await mountPanel()
    const title = wrapper.get('input[data-testid=prop-title]')
    await title.setValue('灭火器')
    await title.setValue('灭火器在有效期内')
    await vi.waitFor(() => expect(item()?.title).toBe('灭火器在有效期内'))
    store.undo()
    expect(item()?.title).toBe('Item q1')
  })

  it('sets the max, and clearing the field removes it', async () => {
    const { wrapper, item } = await mountPanel()
    const max = wrapper.get('input[data-testid=prop-max]')
    await max.setValue('10')
    await vi.waitFor(() => expect(item()).toMatchObject({ max: 10 }))
    await max.setValue('')
    await vi.waitFor(() => expect(item()).not.toHaveProperty('max'))
  })

  it('changes the type and keeps the title', async () => {
    const { wrapper, item } = await mountPanel()
    await wrapper.get('select[data-testid=prop-type]').setValue('count')
    await vi.waitFor(() => expect(item()?.type).toBe('count'))
    expect(item()?.title).toBe('Item q1')
  })

  it('edits an option’s points in the options table', async () => {
    const { wrapper, item } = await mountPanel()
    const points = wrapper.findAll('[data-testid=option-row] input[aria-label=得分]')[0]!
    await points.setValue('3')
    const q1 = item()
    expect(q1?.type === 'single' && q1.options[0]?.points).toBe(3)
  })

  it('sets a multi item’s default by ticking its options', async () => {
    const multi: Item = { id: 'm1', type: 'multi', title: '隐患', options: [{ id: 'a', label: '甲', points: 1 }, { id: 'b', label: '乙', points: 1 }] }
    const { wrapper, item } = await mountPanel(multi)
    const boxes = wrapper.findAll('[data-multiple=true] input[type=checkbox]')
    expect(boxes.map((b) => b.attributes('value'))).toEqual(['a', 'b'])
    await boxes[1]!.setValue(true)
    await vi.waitFor(() => expect(item()).toMatchObject({ default: ['b'] }))
    await boxes[1]!.setValue(false)
    await vi.waitFor(() => expect(item()).not.toHaveProperty('default'))
  })

  it('labels a number item’s thresholds as thresholds, not as a minimum score or options', async () => {
    const number: Item = { id: 'n1', type: 'number', title: '出勤率', thresholds: [{ min: 80, points: 3 }, { min: 90, points: 4 }] }
    const { wrapper } = await mountPanel(number)
    const table = wrapper.get('[data-testid=thresholds]')
    expect(table.findAll('th').map((th) => th.text()).filter(Boolean)).toEqual(['≥ 值', '得分'])
    expect(table.findAll('input[aria-label="≥ 值"]').map((i) => (i.element as HTMLInputElement).value)).toEqual(['80', '90'])
    expect(wrapper.get('[data-testid=thresholds-add]').text()).toBe('+ 添加阈值')
    expect(wrapper.text()).not.toContain('最低分')
    expect(wrapper.text()).not.toContain('添加选项')
  })
})
