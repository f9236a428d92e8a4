// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { Item } from '@/core/format/types'
import LockedNotice from '@/components/fill/LockedNotice.vue'
import { mountFill } from './mountWith'

const choice: Item = {
  id: 'knife',
  type: 'single',
  title: '管制刀具',
  options: [
    { id: 'no', label: '无' },
    { id: 'yes', label: '有', flag: true },
  ],
}
const count: Item = { id: 'wiring', type: 'count', title: '私拉电线', max: 6, deductEach: 3, unitLabel: '处' } as Item

describe('LockedNotice', () => {
  it('says the record was submitted elsewhere and lists each unsaved change as the person would read it', () => {
    const w = mountFill(LockedNotice, {
      props: {
        locked: {
          reason: 'submitted',
          unsaved: [
            { item: choice, answer: { value: 'yes', note: '床下' } },
            { item: count, answer: { value: 2 } },
          ],
          files: 1,
        },
      },
    })
    expect(w.get('[role=alert]').text()).toContain('已在其他窗口或设备上提交')
    expect(w.findAll('li').map((li) => li.text())).toEqual(['管制刀具：有 · 备注：床下', '私拉电线：2处'])
    expect(w.text()).toContain('另有 1 项照片、文件或签名没有保存')
  })

  it('says when nothing was lost', () => {
    const w = mountFill(LockedNotice, { props: { locked: { reason: 'deleted', unsaved: [], files: 0 } } })
    expect(w.text()).toContain('已在其他窗口被删除')
    expect(w.text()).toContain('本页没有未保存的修改')
  })
})
