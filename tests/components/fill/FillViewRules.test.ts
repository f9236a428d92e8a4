// @vitest-environment happy-dom
// The 红旗 and conduct samples as a person who has read nothing else meets them: the rule beside
// each answer, the live total following the keys, the 评分规则 panel, a ceiling not called a veto.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Template } from '@/core/format/types'
import { createResponse, openDatabase, setDb, type QingdanDatabase } from '@/db'
import FillView from '@/views/FillView.vue'
import redFlag from '../../../schemas/samples/red-flag-party-branch.json'
import conduct from '../../../schemas/samples/teacher-conduct-negative-list.json'
import { mountFill } from './mountWith'

let db: QingdanDatabase
let pinia: Pinia
let router: Router

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  db = openDatabase({ name: `rules-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/fill', name: 'drafts', component: { template: '<div />' } },
      { path: '/fill/:responseId', name: 'fill', component: FillView },
    ],
  })
})
afterEach(() => db.close())

async function expectSoon(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

async function open(template: Template, subject: Record<string, string | number>) {
  const row = await createResponse(db, { template, subject, role: 'self', inspector: '王老师' })
  await router.push(`/fill/${row.id}`)
  await router.isReady()
  const Shell = defineComponent({ render: () => h(RouterView) })
  const w = mountFill(Shell, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await expectSoon(() => w.find('[data-testid=total]').exists())
  return w
}

describe('FillView on the 红旗 sample', () => {
  it('shows the first item’s rule and what its box counts before it is answered', async () => {
    const w = await open(redFlag as unknown as Template, { branch: '一支部', period: '2026' })
    const row = w.get('#item-first-topic')
    expect(row.get('[data-testid=rule-line]').text()).toContain('每缺 1 次扣 0.5 分，扣完为止（满分 5）')
    expect(row.findAll('.control .unit').map((u) => u.text())).toEqual(['缺', '次'])
    const input = row.get('input').element as HTMLInputElement
    expect(input.value).toBe('')
    expect(input.placeholder).toBe('')
    w.unmount()
  })

  it('re-scores as the person types into a count box, without the box losing focus', async () => {
    const w = await open(redFlag as unknown as Template, { branch: '一支部', period: '2026' })
    const input = w.get('#item-first-topic input')
    const el = input.element as HTMLInputElement
    el.focus()
    el.value = '2'
    await input.trigger('input')
    // 5 − 2 × 0.5: no blur, no change event.
    expect(w.get('#item-first-topic .points').text()).toBe('4 / 5 分')
    expect(w.get('[data-testid=total]').text()).toContain('4 /')
    el.value = '12'
    await input.trigger('input')
    expect(w.get('#item-first-topic .points').text()).toBe('0 / 5 分')
    expect(w.get('[data-testid=total]').text()).toMatch(/总分\s*0 \//)
    expect(document.activeElement).toBe(el)
    w.unmount()
  })

  it('re-scores a number box as the person types: 85% against 90% deducts nothing, and the rule says why', async () => {
    const w = await open(redFlag as unknown as Template, { branch: '一支部', period: '2026' })
    const row = w.get('#item-party-class-attendance')
    expect(row.get('[data-testid=rule-line]').text()).toContain('低于 90% 每低 10% 扣 1 分，扣完为止（满分 1）')
    const input = row.get('input')
    ;(input.element as HTMLInputElement).value = '85'
    await input.trigger('input')
    expect(w.get('#item-party-class-attendance .points').text()).toBe('1 / 1 分')
    ;(input.element as HTMLInputElement).value = '75'
    await input.trigger('input')
    expect(w.get('#item-party-class-attendance .points').text()).toBe('0 / 1 分')
    w.unmount()
  })

  it('opens the 评分规则 panel at any time: description, bands, ceilings', async () => {
    const w = await open(redFlag as unknown as Template, { branch: '一支部', period: '2026' })
    await w.get('[data-testid=rules-open]').trigger('click')
    await expectSoon(() => w.find('[data-testid=rules-panel]').exists())
    const panel = w.get('[data-testid=rules-panel]')
    expect(panel.text()).toContain('高校党支部创建“红旗党支部”年度考评表')
    expect(panel.get('[data-testid=rules-bands]').text()).toContain('≥ 95 分，且每个一级指标得分率 ≥ 80%')
    expect(panel.get('[data-testid=rules-effects]').text()).toContain('等次上限：优秀')
    expect(panel.text()).toContain('“失分项”列入记录，不生成拍照整改任务。')
    await panel.get('[data-testid=rules-close]').trigger('click')
    expect(w.find('[data-testid=rules-panel]').exists()).toBe(false)
    w.unmount()
  })
})

describe('FillView on the conduct list', () => {
  it('calls one 情节较轻 a grade ceiling, not 一票否决, and lists it under 问题', async () => {
    const w = await open(conduct as unknown as Template, { teacher: '王', department: '机电', year: 2026 })
    await w.get('#item-pol1 [data-option=minor]').trigger('click')
    const summary = w.get('[data-testid=fill-summary]')
    expect(summary.get('[data-testid=verdict]').text()).toBe('等次上限：基本合格（因：在课堂、讲座、论坛等场合有损害党中央权威、违背党的路线方针政策的言行）')
    expect(summary.text()).not.toContain('一票否决')
    expect(summary.text()).toContain('问题 1 项')
    await w.get('#item-pol1 [data-option=major]').trigger('click')
    expect(summary.get('[data-testid=verdict]').text()).toMatch(/^一票否决（因：/)
    w.unmount()
  })
})
