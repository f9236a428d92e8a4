// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { useSettingsStore } from '@/stores/settings'
import { createAppI18n } from '@/app/i18n'
import LedgerPrint from '@/components/results/LedgerPrint.vue'
import { useResponsesStore, type AttachmentMeta, type ResponseDetail, type Side } from '@/stores/responses'
import { itemLines, difference } from '@/components/results/rows'
import { compareResults, scoreResponse } from '@/core/scoring'
import type { Item, Response, Role, Template } from '@/core/format/types'
import type { ResponseRow } from '@/db'
// Imported, not read from disk: under happy-dom `URL` is the DOM's, which file paths do not use.
import dormJson from '../../../schemas/samples/dorm-room-safety.json'
import conductJson from '../../../schemas/samples/teacher-conduct-negative-list.json'
import winterJson from '../../fixtures/dorm-room-safety/winter-findings.json'
import oneMinorJson from '../../fixtures/teacher-conduct-negative-list/one-minor.json'
import minorMajorJson from '../../fixtures/teacher-conduct-negative-list/minor-and-major.json'

const dorm = dormJson as unknown as Template
const conduct = conductJson as unknown as Template
const winter = (): Response => structuredClone(winterJson) as unknown as Response

beforeEach(() => {
  setActivePinia(createPinia())
  // The bytes of every attachment: a tiny PNG-typed Blob (the ledger only needs an object URL).
  useResponsesStore().attachmentBlob = async () => new Blob(['png'], { type: 'image/png' })
  let n = 0
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:${++n}`)
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
})

function side(template: Template, response: Response, role: Role, id: string, extra: Partial<ResponseRow> = {}): Side {
  const result = scoreResponse(template, response)
  const row: ResponseRow = {
    id, templateId: template.id, templateVersion: template.version, templateTitle: template.title, role, subject: response.subject ?? {},
    status: 'submitted', inspector: role === 'self' ? '王老师' : '李老师', startedAt: '2026-11-27T01:00:00Z',
    updatedAt: '2026-11-27T02:00:00Z', submittedAt: '2026-11-27T02:00:00Z', result, ...extra,
  }
  return { row, response, result }
}

function detail(main: Side, template: Template, counterpart: Side | null = null, attachments: AttachmentMeta[] = []): ResponseDetail {
  return { ...main, template, counterpart, attachments: new Map(attachments.map((a) => [a.id, a])) }
}

const dormDetail = (counterpart: Side | null = null): ResponseDetail => detail(side(dorm, winter(), 'self', 's'), dorm, counterpart)

const meta = (id: string, itemId: string | null, type: string, name: string, responseId = 's'): AttachmentMeta => ({
  id, responseId, itemId, name, type, size: 2048, createdAt: '2026-11-27T02:42:00.000Z',
})

const mountLedger = (d: ResponseDetail, lang: 'zh-CN' | 'en' = 'zh-CN') => mount(LedgerPrint, { props: { detail: d }, global: { plugins: [createAppI18n(lang)] } })

/** One item of every answer kind, in one section: the answer column's cases side by side. */
const kinds: Template = {
  id: 'kinds', version: 1, title: '各类题目',
  scoring: { bands: [{ label: '合格', min: 0 }] },
  sections: [{
    id: 'all', title: '一、全部',
    items: [
      { id: 'one', type: 'single', title: '单选', options: [{ id: 'ok', label: '符合', points: 2 }, { id: 'bad', label: '不符合', points: 0 }] },
      { id: 'many', type: 'multi', title: '多选', max: 3, options: [{ id: 'a', label: '甲', deduct: 1 }, { id: 'b', label: '乙', deduct: 1 }] },
      { id: 'times', type: 'count', title: '次数', max: 5, deductEach: 0.5, unitLabel: '次' },
      { id: 'rate', type: 'number', title: '出勤率', max: 4, unitLabel: '%', target: 90, unit: 10, deductEach: 1 },
      { id: 'mark', type: 'score', title: '打分', max: 10 },
      { id: 'skip', type: 'single', title: '可不适用', na: true, options: [{ id: 'y', label: '是', points: 1 }] },
      { id: 'words', type: 'text', title: '情况说明' },
      { id: 'when', type: 'date', title: '日期' },
      { id: 'pics', type: 'photo', title: '现场照片' },
      { id: 'docs', type: 'file', title: '会议记录' },
      { id: 'sign', type: 'signature', title: '谈话对象签名' },
    ] satisfies Item[],
  }],
}

const kindsResponse = (): Response => ({
  templateId: 'kinds', templateVersion: 1, subject: {},
  answers: {
    one: { value: 'ok' },
    many: { value: ['a', 'b'], attachments: ['ev-1'] },
    times: { value: 12, note: '全年' },
    rate: { value: 75 },
    mark: { value: 7.5 },
    skip: { na: true },
    words: { value: '已整改' },
    when: { value: '2026-11-20' },
    pics: { value: ['ph-1', 'ph-2'] },
    docs: { value: ['doc-1'] },
    sign: { value: 'sig-item' },
  },
})

const kindsAttachments = [
  meta('ev-1', 'many', 'image/jpeg', 'ev.jpg'),
  meta('ph-1', 'pics', 'image/jpeg', 'a.jpg'),
  meta('ph-2', 'pics', 'image/jpeg', 'b.jpg'),
  meta('doc-1', 'docs', 'application/pdf', '会议记录.pdf'),
  meta('sig-item', 'sign', 'image/png', 'signature.png'),
  meta('sig-row', null, 'image/png', 'signature.png'),
]

const answerOf = (w: ReturnType<typeof mountLedger>, id: string, role = 'self'): string => w.get(`tr[data-item="${id}"] [data-answer="${role}"]`).text()

describe('LedgerPrint', () => {
  it('prints the header, the criteria column, totals and the signature lines', () => {
    const text = mountLedger(dormDetail()).text()
    expect(text).toContain('宿舍安全检查（每间） · 检查台账')
    expect(text).toContain('检查对象：楼栋：3号楼')
    for (const heading of ['序号', '项目', '分值', '评分标准', '答案', '自查分', '备注', '合计', '等次']) expect(text).toContain(heading)
    expect(text).not.toContain('考核分')
    for (const line of ['检查人：', '被检查人：', '负责人：', '日期：']) expect(text).toContain(line)
    const first = dorm.sections[0]?.items[0]
    expect(text).toContain(first && 'criteria' in first ? (first.criteria ?? 'x') : 'x')
  })

  it('prints each answer in words: labels, counts with unit, numbers, N/A, text, attachments', () => {
    const w = mountLedger(detail(side(kinds, kindsResponse(), 'self', 's'), kinds, null, kindsAttachments))
    expect(answerOf(w, 'one')).toBe('符合')
    expect(answerOf(w, 'many')).toBe('甲、乙')
    expect(answerOf(w, 'times')).toBe('12次')
    expect(answerOf(w, 'rate')).toBe('75%')
    expect(answerOf(w, 'mark')).toBe('7.5')
    expect(answerOf(w, 'skip')).toBe('不适用')
    expect(answerOf(w, 'words')).toBe('已整改')
    expect(answerOf(w, 'when')).toBe('2026-11-20')
    expect(answerOf(w, 'pics')).toBe('2 张照片，见附件')
    expect(answerOf(w, 'docs')).toBe('1 个文件，见附件')
    expect(answerOf(w, 'sign')).toBe('已签名，见签字栏')
    // Scores beside the answers: 12 × 0.5 = 6 deducted from 5, floored at 0; 75 % is one full unit of 10 below 90.
    expect(w.get('tr[data-item="times"] [data-score="self"]').text()).toBe('0')
    expect(w.get('tr[data-item="rate"] [data-score="self"]').text()).toBe('3')
    expect(w.get('tr[data-item="times"] .remark').text()).toBe('全年')
  })

  it('prints the defaults the score counted, e.g. 0件 for an untouched dorm count', () => {
    const w = mountLedger(dormDetail())
    expect(answerOf(w, 'appliance-stored')).toBe('1件')
    expect(answerOf(w, 'wiring')).toBe('0处')
    expect(answerOf(w, 'socket-damaged')).toBe('有')
  })

  it('prints in English with English punctuation', () => {
    const w = mountLedger(detail(side(kinds, kindsResponse(), 'self', 's'), kinds, null, kindsAttachments), 'en')
    expect(answerOf(w, 'many')).toBe('甲, 乙')
    expect(answerOf(w, 'times')).toBe('12 次')
    expect(answerOf(w, 'skip')).toBe('N/A')
    expect(w.text()).toContain('Answer')
    expect(w.get('[data-testid=ledger-signatures]').text()).not.toContain('：')
  })

  it('has exactly one 合计 row, after the items and inside the closing block, and no tfoot', () => {
    const w = mountLedger(dormDetail())
    expect(w.find('tfoot').exists()).toBe(false)
    expect(w.findAll('tr').filter((r) => r.text().includes('合计'))).toHaveLength(1)
    expect(w.get('[data-testid=ledger-table]').text()).not.toContain('合计')
    // The 合计 row, the conclusion and the signatures are one block (break-inside: avoid on paper).
    const closing = w.get('[data-testid=ledger-closing]')
    expect(closing.find('[data-testid=ledger-total]').exists()).toBe(true)
    expect(closing.find('[data-testid=ledger-signatures]').exists()).toBe(true)
    expect(w.get('[data-testid=ledger-total] [data-score="self"]').text()).toBe(String(scoreResponse(dorm, winter()).total))
    // Both tables share their column widths, so the 合计 row lines up with the items.
    const widths = (sel: string) => w.get(sel).findAll('col').map((c) => c.attributes('style'))
    expect(widths('[data-testid=ledger-total-table]')).toEqual(widths('[data-testid=ledger-table]'))
    expect(w.findAll('[data-testid=ledger-table] col')).toHaveLength(7)
    // Section headings sit between the items, one per section.
    expect(w.findAll('tr.section-row').map((r) => r.text())).toEqual(dorm.sections.map((s) => s.title))
  })

  it('prints the captured signatures as images on their lines: the inspector and each signature item', async () => {
    const main = side(kinds, kindsResponse(), 'self', 's', { signature: 'sig-row' })
    const w = mountLedger(detail(main, kinds, null, kindsAttachments))
    await vi.waitFor(async () => (await flushPromises(), expect(w.findAll('[data-testid=ledger-signatures] img')).toHaveLength(2)))
    const inspector = w.get('[data-signer="inspector-self"]')
    expect(inspector.text()).toContain('检查人：')
    expect(inspector.get('img').attributes('data-attachment')).toBe('sig-row')
    const item = w.get('[data-signer="sign-self"]')
    expect(item.text()).toContain('谈话对象签名：')
    expect(item.get('img').attributes('data-attachment')).toBe('sig-item')
  })

  it('lists photos captioned with item and time, and evidence files by name, per item', async () => {
    const w = mountLedger(detail(side(kinds, kindsResponse(), 'self', 's'), kinds, null, kindsAttachments))
    const appendix = w.get('[data-testid=ledger-attachments]')
    await vi.waitFor(async () => (await flushPromises(), expect(appendix.findAll('img')).toHaveLength(3)))
    const captions = appendix.findAll('[data-testid=ledger-caption]').map((c) => c.text())
    expect(captions).toEqual(['2. 多选 · 2026-11-27 10:42', '9. 现场照片 · 2026-11-27 10:42', '9. 现场照片 · 2026-11-27 10:42'])
    expect(appendix.get('[data-item="docs"]').text()).toContain('文件：会议记录.pdf（2 KB）')
    // Signatures are on the signature lines, not in the appendix.
    expect(appendix.find('[data-item="sign"]').exists()).toBe(false)
  })

  it('writes those times in the settings’ zone', async () => {
    useSettingsStore().setTimeZone('UTC')
    const w = mountLedger(detail(side(kinds, kindsResponse(), 'self', 's'), kinds, null, kindsAttachments))
    await vi.waitFor(async () => (await flushPromises(), expect(w.findAll('[data-testid=ledger-caption]')).toHaveLength(3)))
    expect(w.get('[data-testid=ledger-caption]').text()).toBe('2. 多选 · 2026-11-27 02:42')
    useSettingsStore().setTimeZone('Asia/Shanghai') // the setting is stored: later tests read the default
  })

  it('names a ceiling as 等次上限 and a veto as 一票否决, each with its cause', () => {
    const minor = mountLedger(detail(side(conduct, oneMinorJson as unknown as Response, 'self', 's'), conduct))
    const verdict = minor.get('[data-testid=ledger-verdict]').text()
    expect(verdict).toMatch(/^等次上限：基本合格（因：不认真备课.*（情节较轻））$/)
    expect(minor.text()).not.toContain('一票否决')
    expect(minor.get('[data-testid=ledger-conclusion]').text()).toContain('等次：基本合格')

    const major = mountLedger(detail(side(conduct, minorMajorJson as unknown as Response, 'self', 's'), conduct))
    expect(major.get('[data-testid=ledger-verdict]').text()).toMatch(/^一票否决（因：.*（情节较重及以上）/)
  })

  it('states the band and the points lost', () => {
    const w = mountLedger(dormDetail())
    const result = scoreResponse(dorm, winter())
    expect(w.get('[data-testid=ledger-conclusion]').text()).toContain(`等次：${result.band?.label}`)
    const lost = w.get('[data-testid=ledger-lost]').text()
    expect(lost).toContain('扣分项：')
    expect(lost).toContain('存放违规大功率电器（热得快、电饭锅、电煮锅、电磁炉、卷发棒等） −2')
    expect(w.findAll('[data-testid=ledger-verdict]')).toHaveLength(0)
  })

  it('prints self and review answers, scores and core\'s exact difference when a review exists', () => {
    const review = side(dorm, { ...winter(), answers: { ...winter().answers, 'power-strip': { value: 1 }, smoking: { value: 1 } } }, 'review', 'r')
    const d = dormDetail(review)
    const w = mountLedger(d)
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['序号', '项目', '分值', '评分标准', '自查答案', '自查分', '考核答案', '考核分', '差值', '备注'])
    const compared = compareResults(d.result, review.result)
    const strip = compared.items.find((i) => i.id === 'power-strip')
    expect(answerOf(w, 'power-strip', 'self')).toBe('2处')
    expect(answerOf(w, 'power-strip', 'review')).toBe('1处')
    expect(w.get('tr[data-item="power-strip"] [data-difference]').text()).toBe(`+${strip?.difference}`)
    const total = w.get('[data-testid=ledger-total]')
    expect(total.get('[data-score="review"]').text()).toBe(String(review.result.total))
    const diff = compared.total.difference ?? 0
    expect(total.get('[data-difference]').text()).toBe(diff > 0 ? `+${diff}` : String(diff))
    expect(w.get('[data-testid=ledger-closing]').text()).toContain('自查人：')
    expect(w.get('[data-testid=ledger-closing]').text()).toContain('考核人：')
  })
})

describe('itemLines', () => {
  it('pairs each visible item with both sides and gives review − self', () => {
    const review = side(dorm, { ...winter(), answers: { 'winter-check': { value: 'yes' } } }, 'review', 'r')
    const lines = itemLines(dormDetail(review))
    const power = lines.find((l) => l.item.id === 'power-strip')
    expect(power?.self?.result.score).toBeLessThan(power?.review?.result.score ?? 0)
    expect(difference(power!)).toBe((power?.review?.result.score ?? 0) - (power?.self?.result.score ?? 0))
    expect(lines.map((l) => l.index)).toEqual(lines.map((_, i) => i + 1))
  })
})
