// @vitest-environment happy-dom
// Issue #14: the plan form — rooms by building and floor, one inspector per floor, the whole PlanInput emitted.
import { describe, expect, it } from 'vitest'
import type { PlanInput } from '@/core/sync/protocol'
import type { RegisterSubject } from '@/core/register'
import PlanEditor from '@/components/plans/PlanEditor.vue'
import { mountFill } from '../fill/mountWith'

const room = (no: string, floor: string): RegisterSubject => ({ id: `room:3号楼/${no}`, kind: 'room', scopeId: `floor:3号楼/${floor}`, fields: { building: '3号楼', floor, room: no }, label: `3号楼 ${no}` })
const props = {
  rooms: [room('301', '3'), room('302', '3'), room('401', '4')],
  templates: [{ id: 'dorm', title: '宿舍安全检查' }],
  people: [
    { id: 'u-zhang', username: 'zhang', displayName: '张老师', grants: [] },
    { id: 'u-li', username: 'li', displayName: '李老师', grants: [] },
  ],
  scopes: ['building:3号楼'],
  // A Monday.
  today: '2026-11-30',
}

describe('the plan form', () => {
  it('picks a floor, assigns it one inspector and emits a weekly plan whose scope the server picks, or the one chosen', async () => {
    const page = mountFill(PlanEditor, { props })
    await page.get('[data-testid=plan-title]').setValue('3号楼每周三')
    await page.get('[data-testid="plan-floor-3号楼 · 3"]').setValue(true)
    await page.get('[data-testid="plan-assignee-3号楼 · 3"]').setValue('u-zhang')
    await page.get('form').trigger('submit')
    const [input] = page.emitted<[PlanInput]>('save')?.[0] ?? []
    expect(input).toMatchObject({
      title: '3号楼每周三',
      templateId: 'dorm',
      scopeId: '',
      subjectIds: ['room:3号楼/301', 'room:3号楼/302'],
      assignees: { 'room:3号楼/301': 'u-zhang', 'room:3号楼/302': 'u-zhang' },
      schedule: { type: 'weekly', days: [3] },
      dueTime: '18:00',
      from: '2026-11-30',
    })
    // The rooms' common scope is offered by name too.
    await page.get('[data-testid=plan-scope]').setValue('floor:3号楼/3')
    await page.get('form').trigger('submit')
    expect(page.emitted<[PlanInput]>('save')?.[1]?.[0].scopeId).toBe('floor:3号楼/3')
  })

  it("refuses what the server would, with the core's reasons: no room, or a schedule that never falls due", async () => {
    const page = mountFill(PlanEditor, { props })
    await page.get('[data-testid=plan-title]').setValue('空计划')
    await page.get('form').trigger('submit')
    expect(page.get('[role=alert]').text()).toContain('请至少选择一个检查对象。')

    await page.get('[data-testid=plan-building-3号楼]').setValue(true)
    // Weekly on Wednesday, but only on one Monday.
    const [from, to] = page.findAll('input[type=date]')
    await from?.setValue('2026-11-30')
    await to?.setValue('2026-11-30')
    await page.get('form').trigger('submit')
    expect(page.emitted('save')).toBeUndefined()
    expect(page.get('[role=alert]').text()).toContain('按这个周期，计划在起止日期内一次也不会到期。')
  })

  it('names the scopes it offers, and shows an id the session has no name for as it is', async () => {
    const page = mountFill(PlanEditor, { props: { ...props, scopeNames: { 'building:3号楼': '3号楼', 'floor:3号楼/3': '3号楼3层' } } })
    await page.get('[data-testid="plan-floor-3号楼 · 4"]').setValue(true)
    const options = page.findAll('[data-testid=plan-scope] option')
    expect(options.map((o) => [o.attributes('value'), o.text()])).toEqual([
      ['', '按所选房间自动确定'],
      ['floor:3号楼/4', 'floor:3号楼/4'],
      ['building:3号楼', '3号楼'],
    ])
  })
})
