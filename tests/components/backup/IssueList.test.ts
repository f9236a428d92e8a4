// @vitest-environment happy-dom
// The import problems list shared by the backup, register and people imports.
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import type { Issue } from '@/core/result'
import IssueList from '@/components/backup/IssueList.vue'
import { mountFill } from '../fill/mountWith'

const issue = (n: number): Issue => ({ code: `bad-${n}`, pointer: `/rows/${n}`, severity: 'error', message: { 'zh-CN': `第 ${n} 行有误`, en: `Row ${n} is wrong` } })
const issues = [1, 2, 3, 4, 5].map(issue)

describe('IssueList', () => {
  it('shows every problem in the interface language under the default test id', () => {
    const list = mountFill(IssueList, { props: { issues } })
    const items = list.findAll('[data-testid=bundle-issues] li')
    expect(items.map((li) => li.text())).toEqual(['第 1 行有误', '第 2 行有误', '第 3 行有误', '第 4 行有误', '第 5 行有误'])
    expect(items[0]!.attributes('data-code')).toBe('bad-1')
    expect(list.get('[data-testid=bundle-issues]').attributes('role')).toBe('alert')
    expect(list.findAll('p')).toHaveLength(0)
  })

  it('puts its title first, keeps the first `max` problems and lets the caller say how many it left out', () => {
    const list = mountFill(IssueList, {
      props: { issues, title: '文件有问题，未导入。', max: 2, testid: 'register-issues' },
      slots: { more: ({ count }: { count: number }) => h('span', `还有 ${count} 处`) },
    })
    const box = list.get('[data-testid=register-issues]')
    expect(box.findAll('li').map((li) => li.text())).toEqual(['第 1 行有误', '第 2 行有误'])
    expect(box.findAll('p').map((p) => p.text())).toEqual(['文件有问题，未导入。', '还有 3 处'])
  })

  it('says nothing more when no problem is left out, or when the caller gave no words for it', () => {
    const all = mountFill(IssueList, { props: { issues, max: 5 }, slots: { more: () => h('span', 'more') } })
    expect(all.findAll('li')).toHaveLength(5)
    expect(all.text()).not.toContain('more')
    const cut = mountFill(IssueList, { props: { issues, max: 2 } })
    expect(cut.findAll('li')).toHaveLength(2)
    expect(cut.findAll('p')).toHaveLength(0)
  })
})
