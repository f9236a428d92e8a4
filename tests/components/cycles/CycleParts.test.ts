// @vitest-environment happy-dom
// Issue #15: a cycle page's parts — a branch's task (its self-assessment, deadline, 台账 figure and
// the start that joins the cycle) and a panel member's queue (their own review per branch).
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { BranchRow } from '@/stores/cycles'
import BranchTasks from '@/components/cycles/BranchTasks.vue'
import ReviewQueue from '@/components/cycles/ReviewQueue.vue'
import { BRANCHES, cycle, fakeEvidence, template, cycleResponse } from '../../stores/cycle-fakes'
import { mountFill } from '../fill/mountWith'

function router() {
  const stub = { template: '<div />' }
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/fill/new/:templateId/:version', name: 'fill-start', component: stub },
      { path: '/:rest(.*)*', component: stub },
    ],
  })
}

function row(i: number, self: BranchRow['self'], files: number | null, reviews: BranchRow['reviews'] = {}): BranchRow {
  const entry = BRANCHES[i]!
  const selfId = self === 'none' ? undefined : `self-${i}`
  return {
    subjectId: entry.id,
    entry,
    keyId: entry.fields.branch,
    label: entry.label,
    self,
    ...(selfId !== undefined && { selfId }),
    reviews,
    submittedReviews: Object.values(reviews).filter((r) => r.status === 'submitted').length,
    evidence: files === null ? null : fakeEvidence(template, cycleResponse(`self-${i}`, 'self', entry.label, 'draft', '书记', files).response),
  }
}

const DEC_12 = Date.parse('2026-12-12T00:00:00.000Z')
const DEC_1 = Date.parse('2026-12-01T00:00:00.000Z')

describe('the branch task', () => {
  it('shows the evidence figure with what is missing, and starts a self-assessment in the cycle', async () => {
    const r = router()
    const page = mountFill(BranchTasks, { props: { cycle: cycle(), rows: [row(0, 'none', null), row(1, 'draft', 1)], now: DEC_1, deadline: '2026-12-11 00:00' }, global: { plugins: [r] } })
    const [first, second] = page.findAll('li.card')
    expect(first!.get('[data-testid=self-status]').text()).toBe('未开始')
    expect(first!.get('[data-testid=evidence]').text()).toBe('尚无自评，台账未知')
    const start = first!.get('[data-testid=self-start]').attributes('href')
    expect(decodeURIComponent(start ?? '')).toBe('/fill/new/red-flag-party-branch/1?subject=branch:第一党支部&cycle=c1&role=self')

    expect(second!.get('[data-testid=self-status]').text()).toBe('草稿')
    const evidence = second!.get('[data-testid=evidence]').text()
    expect(evidence).toContain('台账 1/3 项齐全')
    expect(evidence).toContain('缺 2 项')
    expect(evidence).toContain('三会一课记录')
    expect(evidence).toContain('主题党日记录')
    expect(evidence).not.toContain('党员名册')
    expect(second!.get('[data-testid=self-continue]').attributes('href')).toBe('/fill/self-1')
    expect(second!.get('[data-testid=self-deadline]').classes()).not.toContain('late')
  })

  it('marks a self-assessment not submitted by the deadline in red, and a submitted one not', async () => {
    const page = mountFill(BranchTasks, { props: { cycle: cycle(), rows: [row(0, 'draft', 3), row(1, 'submitted', 3)], now: DEC_12, deadline: '2026-12-11 00:00' }, global: { plugins: [router()] } })
    const [late, done] = page.findAll('[data-testid=self-deadline]')
    expect(late!.classes()).toContain('late')
    expect(late!.text()).toContain('已逾期')
    expect(done!.classes()).not.toContain('late')
    // A submitted self-assessment prints its ledger; the result waits for the release.
    expect(page.get('[data-testid=self-ledger]').attributes('href')).toBe('/results/self-1')
    expect(page.find('[data-testid=self-result]').exists()).toBe(false)
  })

  it('leads to the results once released', async () => {
    const page = mountFill(BranchTasks, { props: { cycle: cycle({ releasedAt: '2026-12-25T00:00:00.000Z' }), rows: [row(1, 'submitted', 3)], now: DEC_12, deadline: '' }, global: { plugins: [router()] } })
    expect(page.get('[data-testid=self-result]').attributes('href')).toBe('/cycles/c1/results')
  })
})

describe('the review queue', () => {
  it('shows my own review per branch and the step it needs', async () => {
    const rows = [
      row(0, 'submitted', 3, { wang: { status: 'submitted', id: 'rev-0' }, li: { status: 'draft', id: 'li-0' } }),
      row(1, 'submitted', 2, { wang: { status: 'draft', id: 'rev-1' } }),
      row(2, 'none', null, { li: { status: 'submitted', id: 'li-2' } }),
    ]
    const page = mountFill(ReviewQueue, { props: { rows, username: 'wang', deadline: '2026-12-21 00:00', late: false }, global: { plugins: [router()] } })
    const lines = page.findAll('tbody tr')
    expect(lines.map((l) => l.get('[data-testid=my-review]').text())).toEqual(['已提交', '评审中', '未评'])
    expect(lines[1]!.get('[data-testid=review-continue]').attributes('href')).toBe('/fill/rev-1')
    expect(lines[0]!.find('[data-testid=review-start]').exists()).toBe(false)
    expect(lines[1]!.text()).toContain('台账 2/3 项齐全')
    await lines[2]!.get('[data-testid=review-start]').trigger('click')
    expect(page.emitted<[BranchRow]>('review')?.[0]?.[0].subjectId).toBe('branch:第三党支部')
  })
})
