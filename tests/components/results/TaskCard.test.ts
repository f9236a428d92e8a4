// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '@/app/i18n'
import TaskCard from '@/components/tasks/TaskCard.vue'
import type { Task as TaskRow } from '@/core/tasks/task'
import { useTasksStore } from '@/stores/tasks'

const task = (extra: Partial<TaskRow> = {}): TaskRow => ({
  id: 't1',
  responseId: 'r1',
  itemId: 'smoking',
  templateId: 'dorm-room-safety',
  subject: { building: '3号楼', floor: 2, room: '201' },
  title: '室内吸烟',
  status: 'open',
  deadline: '2026-11-30T02:00:00.000Z',
  createdAt: '2026-11-27T02:00:00.000Z',
  updatedAt: '2026-11-27T02:00:00.000Z',
  ...extra,
})

function mountCard(t: TaskRow) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/results/:responseId', name: 'response', component: { template: '<div />' } },
      { path: '/fill/:responseId', name: 'fill', component: { template: '<div />' } },
    ],
  })
  return mount(TaskCard, { props: { task: t }, global: { plugins: [createAppI18n('zh-CN'), router] } })
}

beforeEach(() => setActivePinia(createPinia()))

describe('TaskCard', () => {
  it('marks a task past its deadline as overdue (red) until it is verified', () => {
    useTasksStore().now = '2026-12-01T00:00:00.000Z'
    const open = mountCard(task())
    expect(open.classes()).toContain('overdue')
    expect(open.text()).toContain('逾期')
    expect(open.find('[data-testid="fix-photo"]').attributes('accept')).toBe('image/*')

    const closed = mountCard(task({ status: 'verified', verifiedAt: '2026-11-29T02:00:00.000Z' }))
    expect(closed.classes()).not.toContain('overdue')
    // Dates read the same on every screen and in exports: YYYY-MM-DD in the settings' zone.
    expect(closed.text()).toContain('已于 2026-11-29 销号')
  })

  it('shows the core’s reason when a step is refused (no photo of the fix)', async () => {
    const store = useTasksStore()
    store.rectify = async () => ({ ok: false, issues: [{ code: 'task.noPhoto', pointer: '', severity: 'error', message: { 'zh-CN': '请先拍摄或选择整改后的照片。', en: 'Take a photo first.' } }] })
    const card = mountCard(task())
    await card.get('[data-testid="fix-photo"]').element.closest('form')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(card.text()).toContain('请先拍摄或选择整改后的照片。')
  })

  it('offers the re-check for a rectified task, then the close once linked', () => {
    useTasksStore().now = '2026-11-28T00:00:00.000Z'
    const waiting = mountCard(task({ status: 'rectified' }))
    expect(waiting.classes()).not.toContain('overdue')
    expect(waiting.find('[data-testid="start-recheck"]').exists()).toBe(true)
    const linked = mountCard(task({ status: 'rectified', recheckResponseId: 'r2' }))
    expect(linked.find('[data-testid="verify-task"]').exists()).toBe(true)
    expect(linked.find('[data-testid="open-recheck"]').attributes('href')).toBe('/fill/r2')
  })
})
