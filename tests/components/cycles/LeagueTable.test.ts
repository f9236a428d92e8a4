// @vitest-environment happy-dom
// Issue #15: the league table shows the quota tie with its legend, vetoed branches last, the change.
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import type { SummaryRow } from '@/core/cycles'
import LeagueTable from '@/components/cycles/results/LeagueTable.vue'
import CycleLegend from '@/components/cycles/results/CycleLegend.vue'
import QuotaSummary from '@/components/cycles/results/QuotaSummary.vue'
import { mountFill } from '../fill/mountWith'
import { miniResult, PEOPLE, tableOf } from './results-support'

function router() {
  const stub = defineComponent({ render: () => h('div') })
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: stub }, { path: '/cycles/:cycleId/results/:subject', name: 'cycle-panel', component: stub }] })
}

function mountTable(change?: Record<string, number>, linkOf?: (row: SummaryRow) => RouteLocationRaw) {
  const result = miniResult()
  const table = tableOf(result, change)
  return mountFill(LeagueTable, { props: { table, people: PEOPLE, showChange: change !== undefined, ...(linkOf && { linkOf }) }, global: { plugins: [router()] } })
}

const cells = (page: ReturnType<typeof mountTable>) => page.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))

describe('LeagueTable', () => {
  it('lists rank, branch, each reviewer by name, panel total, percent, self, difference and band', () => {
    const page = mountTable()
    expect(page.findAll('[data-testid=reviewer-col]').map((c) => c.text())).toEqual(['王评委', '李评委', '赵评委', '钱评委'])
    // S1: a 95 (the later of two), b 96, c 90, d only a draft → —; median 95; self 100 → −5.
    expect(cells(page)[0]).toEqual(['1', 'S1', '95', '96', '90', '—', '95', '95%', '100', '−5', '优秀＊并列超额'])
    expect(page.find('[data-testid=change-col]').exists()).toBe(false)
  })

  it('marks both branches tied at 95 within the 25 % quota, the demoted one and the vetoed one, last', () => {
    const page = mountTable()
    const rows = page.findAll('tbody tr')
    expect(rows.map((r) => r.attributes('data-subject'))).toEqual(['S1', 'S2', 'S3', 'S4'])
    expect(rows.map((r) => r.find('[data-testid=tie-mark]').exists())).toEqual([true, true, false, false])
    expect(rows[2]!.get('[data-testid=demoted-mark]').text()).toBe('超额降档')
    expect(rows[3]!.get('[data-testid=veto-mark]').text()).toBe('一票否决')
    expect(rows[3]!.classes()).toContain('vetoed')
    // Vetoed S4 scored 99, more than anyone, and still ranks last.
    expect(cells(page)[3]!.slice(0, 2)).toEqual(['4', 'S4'])
  })

  it('shows the rank change against the previous cycle: up, down, unchanged and new', () => {
    const page = mountTable({ S1: 2, S2: -1, S3: 0 })
    expect(page.findAll('[data-testid=change]').map((c) => c.text())).toEqual(['↑2 (+1.5)', '↓1 (+1.5)', '— (+1.5)', '新'])
  })

  it('links each branch to its panel view when asked', () => {
    const page = mountTable(undefined, (row) => ({ name: 'cycle-panel', params: { cycleId: 'mini-2026', subject: row.label } }))
    expect(page.findAll('tbody a').map((a) => a.attributes('href'))).toEqual(['/cycles/mini-2026/results/S1', '/cycles/mini-2026/results/S2', '/cycles/mini-2026/results/S3', '/cycles/mini-2026/results/S4'])
  })
})

describe('CycleLegend and QuotaSummary', () => {
  it('explains the tie: the quota’s places and that the tie keeps the band; and the demotion and veto', () => {
    const result = miniResult()
    const page = mountFill(CycleLegend, { props: { rows: tableOf(result).rows, quotas: result.quotas } })
    expect(page.get('[data-legend="tie-优秀"]').text()).toBe('＊ 并列超额：“优秀”限额 25%，共 1 个名额；与第 1 名得分相同的支部同样保留该等次，实际 2 个。')
    expect(page.find('[data-legend="demoted-优秀"]').exists()).toBe(true)
    expect(page.get('[data-legend=veto]').text()).toBe('一票否决的支部排在其他支部之后。')
  })

  it('shows no legend for a table without marks', () => {
    const result = miniResult()
    const plain = tableOf(result).rows.map((r) => ({ ...r, quotaTie: false, quotaDemoted: false, vetoed: false }))
    const page = mountFill(CycleLegend, { props: { rows: plain, quotas: result.quotas } })
    expect(page.find('[data-testid=cycle-legend]').exists()).toBe(false)
  })

  it('summarises each quota: band, max share, places, kept and moved down', () => {
    const page = mountFill(QuotaSummary, { props: { quotas: miniResult().quotas } })
    expect(page.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))).toEqual([['优秀', '25%', '1', '2', '1']])
  })
})
