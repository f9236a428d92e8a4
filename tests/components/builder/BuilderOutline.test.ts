// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createTemplate } from '@/db/repositories/templates-edit'
import { createAppI18n } from '@/app/i18n'
import { useBuilderStore } from '@/stores/builder'
import BuilderOutline from '@/components/builder/BuilderOutline.vue'
import { freshDb, template } from '../../db/helpers'

beforeEach(() => setActivePinia(createPinia()))

/** The outline over a store holding template `t` (one section, items q1 q2 q3). */
async function mountOutline() {
  const db = freshDb()
  await createTemplate(db, template('t', 1, ['q1', 'q2', 'q3']))
  const store = useBuilderStore()
  await store.load('t', db)
  const Host = defineComponent({ setup: () => () => h(BuilderOutline, { sections: store.template.sections }) })
  const wrapper = mount(Host, { global: { plugins: [createAppI18n('zh-CN')] } })
  const order = (): string[] => store.template.sections[0]!.items.map((i) => i.id)
  return { store, wrapper, order }
}

describe('BuilderOutline', () => {
  it('moves an item down with its ↓ button, as one undoable edit', async () => {
    const { store, wrapper, order } = await mountOutline()
    await wrapper.get('button[aria-label="下移 · Item q1"]').trigger('click')
    expect(order()).toEqual(['q2', 'q1', 'q3'])
    store.undo()
    expect(order()).toEqual(['q1', 'q2', 'q3'])
  })

  it('moves the focused item up with Alt+↑ and ignores ↑ without Alt', async () => {
    const { wrapper, order } = await mountOutline()
    const row = wrapper.get('[data-testid=outline-item-q3]')
    await row.trigger('keydown', { key: 'ArrowUp' })
    expect(order()).toEqual(['q1', 'q2', 'q3'])
    await row.trigger('keydown', { key: 'ArrowUp', altKey: true })
    expect(order()).toEqual(['q1', 'q3', 'q2'])
  })

  it('re-renders the rows in the new order and marks the clicked one as selected', async () => {
    const { store, wrapper } = await mountOutline()
    await wrapper.get('[data-testid=outline-item-q2]').trigger('click')
    expect(store.selection).toEqual({ kind: 'item', id: 'q2' })
    expect(wrapper.get('[data-testid=outline-item-q2]').attributes('aria-current')).toBe('true')
    await wrapper.get('button[aria-label="上移 · Item q2"]').trigger('click')
    expect(wrapper.findAll('[data-testid^=outline-item-]').map((b) => b.attributes('data-testid'))).toEqual([
      'outline-item-q2',
      'outline-item-q1',
      'outline-item-q3',
    ])
  })

  it('adds an item of the chosen type to the section and selects it', async () => {
    const { store, wrapper } = await mountOutline()
    await wrapper.get('[data-testid=add-type-s1]').setValue('count')
    await wrapper.get('[data-testid=add-item-s1]').trigger('click')
    const added = store.template.sections[0]!.items[3]
    expect(added?.type).toBe('count')
    expect(store.selection).toEqual({ kind: 'item', id: added?.id })
  })
})
