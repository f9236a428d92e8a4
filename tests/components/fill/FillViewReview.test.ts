// @vitest-environment happy-dom
// A review filled beside the self-assessment it reviews (#15): the self's answer, points, note and
// evidence per item, a mark where the reviewer's points differ, the self's total at the top.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Item, Template } from '@/core/format/types'
import { addAttachment, createResponse, openDatabase, saveAnswer, setDb, submitResponse, type QingdanDatabase } from '@/db'
import { startReviewOf } from '@/db/repositories/review'
import { useResponsesStore } from '@/stores/responses'
import { SELF_OPEN_KEY } from '@/components/fill/self-side'
import FillView from '@/views/FillView.vue'
import { mountFill } from './mountWith'

const template: Template = {
  id: 'hq',
  version: 1,
  title: '红旗党支部创建',
  subject: { fields: [{ id: 'branch', label: '支部' }] },
  sections: [
    {
      id: 's',
      title: '组织建设',
      items: [
        { id: 'meetings', type: 'score', title: '三会一课', max: 10 } as Item,
        {
          id: 'rules',
          type: 'single',
          title: '制度上墙',
          options: [
            { id: 'ok', label: '规范', points: 6 },
            { id: 'bad', label: '不规范', points: 0 },
          ],
        } as Item,
      ],
    },
  ],
}

let db: QingdanDatabase
let pinia: Pinia
let router: Router
const reads: Array<[string, boolean]> = []

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  db = openDatabase({ name: `review-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/fill', name: 'drafts', component: { template: '<div />' } },
      { path: '/fill/:responseId', name: 'fill', component: FillView },
      { path: '/results/:responseId', name: 'response', component: { template: '<div />' } },
    ],
  })
  // Blobs do not survive fake-indexeddb's structured clone under happy-dom: the thumbnails' bytes
  // come from here (the responses store's read is AttachmentImage's only way to the bytes).
  reads.length = 0
  useResponsesStore().attachmentBlob = async (id: string, full = false) => (reads.push([id, full]), new Blob([full ? 'full' : 'thumb']))
  let n = 0
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:${++n}`)
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
})
afterEach(() => {
  db.close()
  vi.restoreAllMocks()
})

async function expectSoon(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

/** 一支部's submitted self-assessment: 三会一课 8 with a note, a photo and a scan; 制度上墙 规范. */
async function submittedSelf(): Promise<{ id: string; photo: string }> {
  const self = await createResponse(db, { template, subject: { branch: '一支部' }, role: 'self', inspector: '张书记' })
  const photo = await addAttachment(db, { responseId: self.id, itemId: 'meetings', name: '会议记录.jpg', type: 'image/jpeg', blob: new Blob(['jpeg']) })
  const scan = await addAttachment(db, { responseId: self.id, itemId: 'meetings', name: '学习计划.pdf', type: 'application/pdf', blob: new Blob(['pdf']) })
  const at = '2026-12-01T08:00:00.000Z'
  await saveAnswer(db, self.id, 'meetings', { value: 8, note: '全年 12 次，缺 1 次', attachments: [photo.id, scan.id], updatedAt: at })
  await saveAnswer(db, self.id, 'rules', { value: 'ok', updatedAt: at })
  await submitResponse(db, self.id, template)
  return { id: self.id, photo: photo.id }
}

async function open(responseId: string): Promise<VueWrapper> {
  await router.push(`/fill/${responseId}`)
  await router.isReady()
  const Shell = defineComponent({ render: () => h(RouterView) })
  const w = mountFill(Shell, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await expectSoon(() => w.find('[data-testid=total]').exists())
  return w
}

async function openReview(): Promise<{ w: VueWrapper; selfId: string; photo: string; reviewId: string }> {
  const self = await submittedSelf()
  const started = await startReviewOf(db, self.id, '评审甲')
  if (!started.ok) throw new Error(started.reason)
  const w = await open(started.id)
  await expectSoon(() => w.findAll('[data-testid=self-side]').length === 2)
  return { w, selfId: self.id, photo: self.photo, reviewId: started.id }
}

const selfOf = (w: VueWrapper, itemId: string) => w.get(`[data-testid=review-pair]:has(#item-${itemId}) [data-testid=self-side]`)

describe('FillView: a review beside its self-assessment', () => {
  it('shows each item’s self answer, points, note and evidence, and the self total with a link at the top', async () => {
    const { w, selfId, photo } = await openReview()
    const meetings = selfOf(w, 'meetings')
    expect(meetings.get('[data-testid=self-points]').text()).toBe('8 / 10 分')
    expect(meetings.get('[data-testid=self-answer]').text()).toBe('8')
    expect(meetings.get('[data-testid=self-note]').text()).toBe('自评备注：全年 12 次，缺 1 次')
    // The photo as a thumbnail (the stored thumbnail's bytes), the scan by its name.
    await expectSoon(() => meetings.find(`button[data-attachment="${photo}"] img`).exists())
    expect(meetings.get(`button[data-attachment="${photo}"]`).attributes('aria-label')).toBe('查看原图：会议记录.jpg')
    expect(meetings.get(`button[data-attachment="${photo}"] img`).attributes('src')).toMatch(/^blob:/)
    expect(reads).toContainEqual([photo, false])
    expect(meetings.text()).toContain('学习计划.pdf')
    // The thumbnail opens the full image.
    await meetings.get(`button[data-attachment="${photo}"]`).trigger('click')
    await expectSoon(() => w.find('[data-testid=self-evidence-full] img').exists())
    expect(reads).toContainEqual([photo, true])
    expect(selfOf(w, 'rules').get('[data-testid=self-answer]').text()).toBe('规范')
    expect(selfOf(w, 'rules').get('[data-testid=self-points]').text()).toBe('6 / 6 分')

    const head = w.get('[data-testid=reviewed-self]')
    expect(head.get('[data-testid=self-total]').text()).toBe('自评总分 14 / 16')
    expect(head.get('[data-testid=self-who]').text()).toContain('支部 一支部')
    expect(head.get('[data-testid=self-who]').text()).toContain('张书记 提交于')
    expect(head.get('[data-testid=self-link]').attributes('href')).toBe(`/results/${selfId}`)
    expect(w.find('[data-testid=self-missing]').exists()).toBe(false)
    w.unmount()
  })

  it('marks an item once the reviewer’s points differ from the self’s, and unmarks it when they agree', async () => {
    const { w } = await openReview()
    // Nothing is marked before the reviewer has scored anything.
    expect(w.findAll('[data-testid=self-differs]')).toHaveLength(0)
    // The 0–10 stepper starts from the top: one step down is 9, the self gave 8.
    await w.get('#item-meetings button[aria-label^="减少"]').trigger('click')
    expect(selfOf(w, 'meetings').get('[data-testid=self-differs]').text()).toContain('自评 8 / 评审 9')
    await w.get('#item-rules [data-option=ok]').trigger('click')
    expect(selfOf(w, 'rules').find('[data-testid=self-differs]').exists()).toBe(false)
    await w.get('#item-rules [data-option=bad]').trigger('click')
    expect(selfOf(w, 'rules').get('[data-testid=self-differs]').text()).toContain('自评 6 / 评审 0')
    await w.get('#item-meetings button[aria-label^="减少"]').trigger('click')
    expect(selfOf(w, 'meetings').find('[data-testid=self-differs]').exists()).toBe(false)
    w.unmount()
  })

  it('folds the compact self blocks with one toggle, remembered for the session', async () => {
    const { w, reviewId } = await openReview()
    const toggle = w.get('[data-testid=self-toggle]')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(toggle.text()).toBe('收起自评')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(w.findAll('[data-testid=self-side]').every((s) => s.classes('folded'))).toBe(true)
    expect(sessionStorage.getItem(SELF_OPEN_KEY)).toBe('0')
    w.unmount()
    // The next review opened in this tab starts folded too.
    const again = await open(reviewId)
    await expectSoon(() => again.findAll('[data-testid=self-side]').length === 2)
    expect(again.findAll('[data-testid=self-side]').every((s) => s.classes('folded'))).toBe(true)
    await again.get('[data-testid=self-toggle]').trigger('click')
    expect(sessionStorage.getItem(SELF_OPEN_KEY)).toBe('1')
    again.unmount()
  })

  it('renders nothing of a self-assessment beside a response that is not a review', async () => {
    const plain = await createResponse(db, { template, subject: { branch: '二支部' }, role: 'self', inspector: '李书记' })
    const w = await open(plain.id)
    await expectSoon(() => w.find('#item-meetings').exists())
    expect(w.find('[data-testid=review-pair]').exists()).toBe(false)
    expect(w.find('[data-testid=self-side]').exists()).toBe(false)
    expect(w.find('[data-testid=reviewed-self]').exists()).toBe(false)
    expect(w.find('[data-testid=self-missing]').exists()).toBe(false)
    w.unmount()
  })

  it('says so when the self-assessment is not on this device, and the form works as before', async () => {
    const orphan = await createResponse(db, { template, subject: { branch: '三支部' }, role: 'review', inspector: '评审乙', reviewOf: 'not-here' })
    const w = await open(orphan.id)
    await expectSoon(() => w.find('[data-testid=self-missing]').exists())
    expect(w.get('[data-testid=self-missing]').text()).toContain('这份评审对应的自评不在本设备上')
    expect(w.find('[data-testid=self-side]').exists()).toBe(false)
    await w.get('#item-rules [data-option=ok]').trigger('click')
    expect(w.get('[data-testid=total]').text()).toContain('6 / 16')
    w.unmount()
  })
})
