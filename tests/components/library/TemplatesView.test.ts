// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { QingdanDatabase } from '@/db'
import { createTemplate } from '@/db/repositories/templates-edit'
import { createAppI18n } from '@/app/i18n'
import { useLibraryStore } from '@/stores/library'
import TemplatesView from '@/views/TemplatesView.vue'
import { freshDb, template } from '../../db/helpers'

beforeEach(() => setActivePinia(createPinia()))

/** The library view over a database holding one template; the store is pointed at it first. */
async function mountLibrary(): Promise<{ wrapper: ReturnType<typeof mount>; db: QingdanDatabase }> {
  const db = freshDb()
  await createTemplate(db, template('dorm', 1))
  await useLibraryStore().refresh(db)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/templates', component: TemplatesView },
      { path: '/templates/:templateId/edit', name: 'builder', component: defineComponent({ render: () => h('p', 'builder') }) },
    ],
  })
  await router.push('/templates')
  const wrapper = mount(TemplatesView, { global: { plugins: [createAppI18n('zh-CN'), router] } })
  await vi.waitFor(() => expect(wrapper.findAll('[data-testid^=template-card-]')).toHaveLength(1))
  return { wrapper, db }
}

/** Chooses a file in a file input, as the browser does before `change`. */
async function choose(wrapper: ReturnType<typeof mount>, testid: string, file: File): Promise<void> {
  const input = wrapper.get(`[data-testid=${testid}]`)
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

describe('TemplatesView import', () => {
  it('refuses a rubric table that is not a spreadsheet, or is too large, and stores nothing', async () => {
    const { wrapper, db } = await mountLibrary()
    await choose(wrapper, 'import-table', new File(['not a zip'], '评分细则.xlsx'))
    // exceljs is a large lazy import: on a loaded machine it takes longer than waitFor's default 1 s.
    await vi.waitFor(() => expect(wrapper.get('[data-testid=import-message]').text()).toContain('无法读取文件 评分细则.xlsx'), { timeout: 10_000 })
    const huge = new File(['x'], 'huge.csv', { type: 'text/csv' })
    Object.defineProperty(huge, 'size', { value: 6 * 1024 ** 2 })
    await choose(wrapper, 'import-table', huge)
    await vi.waitFor(() => expect(wrapper.get('[data-testid=import-message]').text()).toContain('huge.csv 过大'))
    expect(await db.templates.count()).toBe(1)
  }, 20_000)

  it('lists each problem of a rejected template JSON with where it is, and stores nothing', async () => {
    const { wrapper, db } = await mountLibrary()
    const broken = { id: 'broken', version: 1, title: '坏模板', sections: [{ id: 's1', title: '一', items: [{ id: 'q1', type: 'single', title: '无选项' }] }] }
    await choose(wrapper, 'import-json', new File([JSON.stringify(broken)], 'broken.json', { type: 'application/json' }))
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid=import-issue]').length).toBeGreaterThan(0))
    expect(wrapper.get('[data-testid=import-message]').text()).toContain('导入失败，模板库没有变化')
    const issues = wrapper.findAll('[data-testid=import-issue]').map((li) => li.text())
    expect(issues.some((text) => text.includes('位置') && text.includes('/sections/0/items/0'))).toBe(true)
    expect(wrapper.findAll('[data-testid^=template-card-]')).toHaveLength(1)
    expect(await db.templates.count()).toBe(1)
  })

  it('names the line of a syntax error, and a later good file replaces the listing', async () => {
    const { wrapper, db } = await mountLibrary()
    await choose(wrapper, 'import-json', new File(['{\n  "id": "x",\n  oops\n}'], 'bad.json'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid=import-issue]').exists()).toBe(true))
    expect(wrapper.get('[data-testid=import-issue]').text()).toContain('第 3 行')
    await choose(wrapper, 'import-json', new File([JSON.stringify(template('new-one', 1))], 'ok.json'))
    await vi.waitFor(() => expect(wrapper.get('[data-testid=import-message]').text()).toContain('已导入'))
    expect(wrapper.find('[data-testid=import-issue]').exists()).toBe(false)
    expect(await db.templates.count()).toBe(2)
  })
})

describe('TemplatesView new blank template', () => {
  it('asks for the name in an in-app dialog and opens the new draft in the builder', async () => {
    const { wrapper, db } = await mountLibrary()
    // happy-dom has no window.prompt: the old prompt-based flow would throw here.
    await wrapper.get('[data-testid=new-blank]').trigger('click')
    await wrapper.get('[data-testid=new-title]').setValue('  消防检查 ')
    await wrapper.get('[data-testid=confirm]').trigger('click')
    await vi.waitFor(async () => expect(await db.templates.count()).toBe(2))
    const created = (await db.templates.toArray()).find((row) => row.id !== 'dorm')
    expect(created?.title).toBe('消防检查')
    await vi.waitFor(() => expect(wrapper.vm.$route.path).toBe(`/templates/${created?.id}/edit`))
  })
})
