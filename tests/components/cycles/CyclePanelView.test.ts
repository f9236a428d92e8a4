// @vitest-environment happy-dom
// Issue #15 item 3: one branch's panel view — sections × reviewers beside the panel's figure and the
// self-assessment, the flagged reviewer and items, and the self-assessment's evidence.
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import CyclePanelView from '@/views/CyclePanelView.vue'
import type { BranchDetail } from '@/stores/cycle-results'
import { miniResult, tableOf } from './results-support'
import { mountCyclePage } from './views-support'

const COMMITTEE = [{ role: 'admin' as const, scopeId: 'committee:党委' }]

/** S1 of the mini cycle as the panel view receives it (the panel's arithmetic is core's, tested there). */
function s1(): BranchDetail {
  const result = miniResult()
  const subject = result.subjects.find((s) => s.key.unit === 'S1')!
  return {
    row: tableOf(result).rows[0]!,
    panel: {
      key: { unit: 'S1' },
      result: subject,
      reviews: [
        { reviewer: 'a', responseId: 'm-1', total: 95, percent: 95, sections: { a: 45, b: 50 }, vetoed: false, deviates: false },
        { reviewer: 'b', responseId: 'm-2', total: 96, percent: 96, sections: { a: 48, b: 48 }, vetoed: false, deviates: false },
        { reviewer: 'c', responseId: 'm-3', total: 90, percent: 90, sections: { a: 45, b: 45 }, vetoed: false, deviates: true },
      ],
      items: [
        { itemId: 'x', title: 'x', max: 50, points: [45, 48, 45], spread: 3, flagged: false },
        { itemId: 'y', title: '工作实绩', max: 50, points: [50, 48, 40], spread: 10, flagged: true },
      ],
      self: { reviewer: '', responseId: 'm-5', total: 100, percent: 100, sections: { a: 50, b: 50 }, vetoed: false, deviates: false },
    },
    evidence: {
      items: [
        { itemId: 'x', title: '会议记录', sectionId: 'a', needed: 1, present: 0, complete: false },
        { itemId: 'y', title: '工作实绩', sectionId: 'b', needed: 2, present: 2, complete: true },
      ],
      required: 2,
      complete: 1,
      percent: 50,
    },
    selfId: 'm-5',
  }
}

let page: VueWrapper | undefined
afterEach(() => page?.unmount())

async function open(path = '/cycles/mini-2026/results/S1') {
  const world = await mountCyclePage(CyclePanelView, path, { grants: COMMITTEE }, (store) => {
    store.detail = (label: string) => (label === 'S1' ? s1() : null)
  })
  page = world.page
  return world
}

const rows = (p: VueWrapper, testid: string) => p.get(`[data-testid=${testid}]`).findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))

describe('CyclePanelView', () => {
  it('puts the sections as rows and the reviewers as columns beside 综合, self and their difference', async () => {
    const { page } = await open()
    expect(page.get('h1').text()).toBe('S1 · 评委评分明细')
    const head = page.get('[data-testid=panel-sections]').findAll('thead th').map((c) => c.text())
    expect(head).toEqual(['评分项目', '王评委', '李评委', '赵评委 ⚑', '综合得分', '自评', '综合−自评'])
    // Median per section: 甲 45 48 45 → 45, 乙 50 48 45 → 48; self 50 and 50.
    expect(rows(page, 'panel-sections')).toEqual([
      ['甲', '45', '48', '45', '45', '50', '−5'],
      ['乙', '50', '48', '45', '48', '50', '−2'],
      ['综合得分', '95', '96', '90', '95', '100', '−5'],
      ['得分率', '95%', '96%', '90%', '95%', '100%', ''],
    ])
  })

  it('highlights the reviewer far from the panel score and lists only the flagged items', async () => {
    const { page } = await open()
    expect(page.get('[data-reviewer=c]').classes()).toContain('flagged')
    expect(page.get('[data-reviewer=a]').classes()).not.toContain('flagged')
    expect(page.get('[data-testid=flagged-reviewers]').text()).toBe('⚑ 总分偏离综合分 3 分以上的评委：赵评委')
    expect(page.get('[data-testid=item-spreads]').text()).toContain('极差达到满分的 20% 及以上')
    expect(rows(page, 'item-spreads')).toEqual([['工作实绩', '50', '50', '48', '40', '10']])
  })

  it('shows the evidence completeness, what is missing, and links the self-assessment with its files', async () => {
    const { page } = await open()
    expect(page.get('[data-testid=evidence-line]').text()).toBe('要求提供材料的指标 2 项，齐全 1 项（50%）')
    expect(page.get('[data-testid=evidence-missing]').text()).toBe('缺材料：会议记录')
    expect(page.get('[data-testid=open-self]').attributes('href')).toBe('/results/m-5')
  })

  it('says so for a branch it cannot show', async () => {
    const { page } = await open('/cycles/mini-2026/results/S9')
    expect(page.get('[role=alert]').text()).toBe('没有可以显示的本支部结果。')
    expect(page.find('[data-testid=panel-sections]').exists()).toBe(false)
  })
})
