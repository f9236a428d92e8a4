// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { createResponse, getResponse, listResponses, openDatabase, setDb, submitResponse, type QingdanDatabase } from '@/db'
import FillView from '@/views/FillView.vue'
import dorm from '../../../schemas/samples/dorm-room-safety.json'
import { mountFill } from './mountWith'

const dormTemplate = dorm as unknown as Template
let db: QingdanDatabase
let pinia: Pinia
let router: Router

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  db = openDatabase({ name: `view-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/fill', name: 'drafts', component: { template: '<div />' } },
      { path: '/fill/:responseId', name: 'fill', component: FillView },
      { path: '/backup', name: 'backup', component: { template: '<div />' } },
      { path: '/results/:responseId', name: 'response', component: { template: '<div />' } },
    ],
  })
})
afterEach(() => {
  db.close()
  vi.restoreAllMocks()
})

async function open(template: Template, subject: Record<string, string | number>) {
  const row = await createResponse(db, { template, subject, role: 'self', inspector: '王老师' })
  await router.push(`/fill/${row.id}`)
  await router.isReady()
  // Through a RouterView, as in the app, so route guards see their route record.
  const Shell = defineComponent({ render: () => h(RouterView) })
  const w = mountFill(Shell, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await expectSoon(() => w.find('[data-testid=total]').exists())
  return { w, id: row.id }
}

async function expectSoon(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

describe('FillView on the dorm sample', () => {
  it('starts at full marks from the defaults and shows a red line the moment it is tapped', async () => {
    const { w } = await open(dormTemplate, { building: '6号楼', floor: 2, room: '201' })
    expect(w.get('[data-testid=total]').text()).toContain('90 / 90')
    expect(w.get('[data-testid=band]').text()).toBe('优秀')
    await w.get('#item-cross-room-wiring [data-option=yes]').trigger('click')
    expect(w.get('[data-testid=total]').text()).toContain('0 / 90')
    expect(w.get('[data-testid=fill-summary]').text()).toContain('红线：宿舍之间互拉电线')
    expect(w.get('[data-testid=band]').text()).toBe('不合格')
    w.unmount()
  })

  it('blocks submit while evidence is missing and lists the item', async () => {
    const { w } = await open(dormTemplate, { building: '6号楼', floor: 2, room: '201' })
    await w.get('#item-wiring button[aria-label^="增加"]').trigger('click')
    await w.get('[data-testid=submit]').trigger('click')
    const blockers = w.get('[data-testid=submit-blockers]')
    expect(blockers.text()).toContain('私拉乱接电线、网线 · 缺少佐证')
    expect(w.find('dialog').exists()).toBe(false)
    w.unmount()
  })

  it('submits after confirmation with the core score, turns read-only, and 下一间 opens room 202', async () => {
    const { w, id } = await open(dormTemplate, { building: '6号楼', floor: 2, room: '201' })
    await w.get('#item-power-left-on button[aria-label^="增加"]').trigger('click')
    // Evidence is required on a flag: attach a file through the store path the input uses.
    const { useFillStore } = await import('@/stores/fill')
    await useFillStore().addFiles('power-left-on', [new Blob(['jpeg'], { type: 'image/jpeg' })], 'evidence')
    await w.get('[data-testid=submit]').trigger('click')
    // The dialog's chunk loads when it is first shown.
    await expectSoon(() => w.find('dialog [data-testid=confirm]').exists())
    await w.get('dialog [data-testid=confirm]').trigger('click')
    await expectSoon(() => w.find('[data-testid=next-room]').exists())
    const stored = await getResponse(db, id)
    expect(stored?.row.status).toBe('submitted')
    expect(stored?.row.result).toEqual(scoreResponse(dormTemplate, stored!.response))
    expect(stored?.row.total).toBe(89)
    expect(w.findAll('#item-wiring button[aria-label^="增加"]').every((b) => b.attributes('disabled') !== undefined)).toBe(true)

    // The completion screen: score, band, what was found, the task it opened, and the way on.
    const complete = w.get('[data-testid=fill-complete]')
    expect(complete.get('[data-testid=complete-score]').text()).toBe('89 / 90')
    expect(complete.get('[data-testid=complete-band]').text()).toBe('优秀')
    expect(complete.get('[data-testid=complete-findings]').text()).toContain('人走未断电')
    expect(complete.get('[data-testid=complete-tasks]').text()).toContain('人走未断电')
    expect(complete.get('[data-testid=view-record]').attributes('href')).toBe(`/results/${id}`)
    expect(w.get('[data-testid=next-room]').text()).toContain('202')
    await w.get('[data-testid=next-room]').trigger('click')
    await expectSoon(() => router.currentRoute.value.params.responseId !== id)
    const drafts = await listResponses(db, { status: 'draft' })
    expect(drafts.map((r) => r.subject)).toEqual([{ building: '6号楼', floor: 2, room: '202' }])
    await expectSoon(() => w.find('[data-testid=subject]').exists() && w.get('[data-testid=subject]').text().includes('房间号 202'))
    w.unmount()
  })

  it('blocks a required item left empty and jumps to it', async () => {
    const template: Template = {
      id: 'req',
      version: 1,
      title: 'Req',
      sections: [{ id: 's', title: 'S', items: [{ id: 'sig', type: 'text', title: '负责人姓名', required: true }] }],
    }
    const { w } = await open(template, {})
    await w.get('[data-testid=submit]').trigger('click')
    await w.get('[data-testid=submit-blockers] button').trigger('click')
    await flushPromises()
    expect(document.activeElement?.getAttribute('aria-label')).toBe('负责人姓名')
    w.unmount()
  })

  it('tells plainly that the storage is full and what to do, until a save succeeds', async () => {
    const { w } = await open(dormTemplate, { building: '6号楼', floor: 2, room: '205' })
    vi.spyOn(db.answers, 'put').mockRejectedValueOnce(new DOMException('', 'QuotaExceededError'))
    await w.get('#item-knife [data-option=yes]').trigger('click')
    await expectSoon(() => w.find('[data-testid=storage-full]').exists())
    const notice = w.get('[data-testid=storage-full]')
    expect(notice.attributes('role')).toBe('alert')
    expect(notice.text()).toContain('存储空间已满')
    expect(notice.text()).toContain('导出备份')
    await notice.get('button').trigger('click')
    await expectSoon(() => w.get('[data-testid=save-status]').text().includes('已保存'))
    expect(w.find('[data-testid=storage-full]').exists()).toBe(false)
  })

  it('tells a tab whose draft was submitted elsewhere, and lists what it could not save', async () => {
    const { w, id } = await open(dormTemplate, { building: '6号楼', floor: 2, room: '206' })
    // Another tab submits the draft.
    await submitResponse(db, id, dormTemplate)
    await w.get('#item-knife [data-option=yes]').trigger('click')
    await expectSoon(() => w.find('[data-testid=locked-out]').exists())
    const notice = w.get('[data-testid=locked-out]')
    expect(notice.text()).toContain('已在其他窗口或设备上提交')
    expect(notice.text()).toContain('管制刀具')
    expect(w.get('[data-testid=save-status]').text()).not.toContain('重试')
    expect((await getResponse(db, id))?.response.answers.knife).toBeUndefined()
  })
})

