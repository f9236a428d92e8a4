// @vitest-environment happy-dom
// The assignee picker shared by the plan form and the plan adjustments.
import { describe, expect, it } from 'vitest'
import PersonSelect from '@/components/plans/PersonSelect.vue'
import { mountFill } from '../fill/mountWith'

const people = [
  { id: 'u-zhang', username: 'zhang', displayName: '张老师', grants: [] },
  { id: 'u-li', username: 'li', displayName: '李老师', grants: [] },
]

describe('PersonSelect', () => {
  it('lists the people by name and reports the chosen id, on the select that carries the test id', async () => {
    const select = mountFill(PersonSelect, { props: { people, modelValue: 'u-zhang' }, attrs: { 'data-testid': 'adjust-assignee' } })
    const root = select.get('select[data-testid=adjust-assignee]')
    expect(root.findAll('option').map((o) => [o.attributes('value'), o.text()])).toEqual([['u-zhang', '张老师'], ['u-li', '李老师']])
    expect((root.element as HTMLSelectElement).value).toBe('u-zhang')
    await root.setValue('u-li')
    expect(select.emitted<[string]>('update:modelValue')?.at(-1)).toEqual(['u-li'])
  })

  it('offers an empty first choice when told what it means, and starts on none while unset', async () => {
    const select = mountFill(PersonSelect, { props: { people, modelValue: undefined, emptyLabel: '暂不指定' } })
    const options = select.findAll('option')
    expect(options.map((o) => [o.attributes('value'), o.text()])).toEqual([['', '暂不指定'], ['u-zhang', '张老师'], ['u-li', '李老师']])
    expect((select.get('select').element as HTMLSelectElement).selectedIndex).toBe(-1)
    await select.get('select').setValue('')
    expect(select.emitted<[string]>('update:modelValue')?.at(-1)).toEqual([''])
  })
})
