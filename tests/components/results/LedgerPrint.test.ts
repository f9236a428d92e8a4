// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '@/app/i18n'
import LedgerPrint from '@/components/results/LedgerPrint.vue'
import type { ResponseDetail, Side } from '@/stores/responses'
import { itemLines, difference } from '@/components/results/rows'
import { scoreResponse } from '@/core/scoring'
import type { Response, Role, Template } from '@/core/format/types'
import type { ResponseRow } from '@/db'
// Imported, not read from disk: under happy-dom `URL` is the DOM's, which file paths do not use.
import dormJson from '../../../schemas/samples/dorm-room-safety.json'
import winterJson from '../../fixtures/dorm-room-safety/winter-findings.json'

const dorm = dormJson as unknown as Template
const winter = (): Response => structuredClone(winterJson) as unknown as Response

function side(response: Response, role: Role, id: string): Side {
  const result = scoreResponse(dorm, response)
  const row: ResponseRow = {
    id, templateId: dorm.id, templateVersion: 1, templateTitle: dorm.title, role, subject: response.subject ?? {},
    status: 'submitted', inspector: role === 'self' ? '王老师' : '李老师', startedAt: '2026-11-27T01:00:00Z',
    updatedAt: '2026-11-27T02:00:00Z', submittedAt: '2026-11-27T02:00:00Z', result,
  }
  return { row, response, result }
}

function detail(counterpart: Side | null): ResponseDetail {
  return { ...side(winter(), 'self', 's'), template: dorm, counterpart, attachments: new Map() }
}

const mountLedger = (d: ResponseDetail) => mount(LedgerPrint, { props: { detail: d }, global: { plugins: [createAppI18n('zh-CN')] } })

describe('LedgerPrint', () => {
  it('prints the header, the criteria column, totals and the three signature lines', () => {
    const text = mountLedger(detail(null)).text()
    expect(text).toContain('宿舍安全检查（每间） · 检查台账')
    expect(text).toContain('检查对象：楼栋：3号楼')
    for (const heading of ['序号', '项目', '分值', '评分标准', '自查分', '备注', '合计', '等次']) expect(text).toContain(heading)
    expect(text).not.toContain('考核分')
    for (const line of ['检查人：', '被检查人：', '负责人：', '日期：']) expect(text).toContain(line)
    const first = dorm.sections[0]?.items[0]
    expect(text).toContain(first && 'criteria' in first ? (first.criteria ?? 'x') : 'x')
  })

  it('prints 自查分 and 考核分 side by side when a review of the same room exists', () => {
    const review = side({ ...winter(), answers: { 'winter-check': { value: 'yes' }, smoking: { value: 1 } } }, 'review', 'r')
    const wrapper = mountLedger(detail(review))
    const headings = wrapper.findAll('th').map((th) => th.text())
    expect(headings).toEqual(['序号', '项目', '分值', '评分标准', '自查分', '考核分', '备注'])
    const totals = wrapper.findAll('tfoot td').map((td) => td.text())
    expect(totals).toContain(String(review.result.total))
  })
})

describe('itemLines', () => {
  it('pairs each visible item with both sides and gives review − self', () => {
    const review = side({ ...winter(), answers: { 'winter-check': { value: 'yes' } } }, 'review', 'r')
    const lines = itemLines(detail(review))
    const power = lines.find((l) => l.item.id === 'power-strip')
    expect(power?.self?.result.score).toBeLessThan(power?.review?.result.score ?? 0)
    expect(difference(power!)).toBe((power?.review?.result.score ?? 0) - (power?.self?.result.score ?? 0))
    expect(lines.map((l) => l.index)).toEqual(lines.map((_, i) => i + 1))
  })
})
