/**
 * Pure conversions of results into export tables (CSV, XLSX, per-building report). Browser-side
 * writers in `src/io/export` turn a `Table` into a file; nothing here knows about files.
 */
import type { Answer, Item, Response, ScoreResult, Section, Template } from '../../format/types'
import type { Lang } from '../../result'
import { sectionsById } from '../../scoring/lookups'
import { indexTemplate } from '../../scoring/template-index'
import { buildingReport } from '../../stats/building-report'
import type { ResultSummary } from '../../stats/types'
import { HEADINGS, ROLE_LABELS, verdictCell, yesNo } from './labels'

export type Cell = string | number | null
export interface Table {
  /** Sheet name (XLSX) or file stem. */
  name: string
  columns: string[]
  rows: Cell[][]
}

/**
 * Items and sections of a template by id (nested sections included), read from the scoring
 * index. With a duplicate id (an invalid template) the first one in template order is kept.
 */
export function templateIndex(template: Template): { items: ReadonlyMap<string, Item>; sections: ReadonlyMap<string, Section> } {
  const index = indexTemplate(template)
  const items = new Map<string, Item>()
  for (const [id, node] of index.itemsById) items.set(id, node.item)
  const sections = new Map<string, Section>()
  for (const [id, node] of sectionsById(index)) sections.set(id, node.section)
  return { items, sections }
}

const subjectFields = (template: Template): Array<{ id: string; label: string }> =>
  template.subject?.fields.map((f) => ({ id: f.id, label: f.label })) ?? []

function subjectCell(v: string | number | undefined): Cell {
  return v === undefined ? '' : v
}

/** One row per response: subject, inspector, date, total, percent, band, vetoed, findings, section scores. */
export function summaryTable(list: readonly ResultSummary[], template: Template, lang: Lang): Table {
  const h = (k: keyof typeof HEADINGS): string => HEADINGS[k][lang]
  const fields = subjectFields(template)
  const sections = template.sections
  const { items } = templateIndex(template)
  const columns = [
    h('index'),
    ...fields.map((f) => f.label),
    h('role'),
    h('inspector'),
    h('submittedAt'),
    h('total'),
    h('max'),
    h('percent'),
    h('band'),
    h('vetoed'),
    h('findings'),
    ...sections.map((s) => s.title),
    h('findingTitles'),
    h('version'),
    h('id'),
  ]
  const rows = list.map((s, i): Cell[] => {
    const bySection = new Map(s.sections.map((x) => [x.id, x]))
    return [
      i + 1,
      ...fields.map((f) => subjectCell(s.subject[f.id])),
      ROLE_LABELS[s.role][lang],
      s.inspector,
      s.submittedAt,
      s.total,
      s.max,
      s.percent,
      s.band ?? '',
      verdictCell(s, lang),
      s.findingIds.length,
      ...sections.map((sec) => {
        const x = bySection.get(sec.id)
        return x === undefined ? null : x.score + x.bonus
      }),
      s.findingIds.map((id) => items.get(id)?.title ?? id).join('；'),
      s.templateVersion,
      s.id,
    ]
  })
  return { name: template.title, columns, rows }
}

/** The answer in words: option labels, numbers with their unit, attachment counts. */
export function answerText(item: Item | undefined, answer: Answer | undefined, lang: Lang): Cell {
  if (answer === undefined || answer.value === undefined) return ''
  const v = answer.value
  if (item === undefined) return Array.isArray(v) ? v.join(', ') : v
  switch (item.type) {
    case 'single':
      return item.options.find((o) => o.id === v)?.label ?? String(v)
    case 'multi':
      return (Array.isArray(v) ? v : [v]).map((id) => item.options.find((o) => o.id === id)?.label ?? String(id)).join('、')
    case 'photo':
    case 'file':
      return Array.isArray(v) ? (lang === 'zh-CN' ? `${v.length}个附件` : `${v.length} attachment(s)`) : ''
    case 'signature':
      return lang === 'zh-CN' ? '已签名' : 'signed'
    case 'count':
    case 'number':
      return typeof v === 'number' && item.unitLabel ? `${v}${item.unitLabel}` : typeof v === 'number' ? v : String(v)
    default:
      return Array.isArray(v) ? v.join(', ') : v
  }
}

export interface ItemRowsInput {
  summary: ResultSummary
  response: Response
  result: ScoreResult
}

/** The long sheet: one row per item answer (visible items only), with points and remark. */
export function itemTable(entries: readonly ItemRowsInput[], template: Template, lang: Lang): Table {
  const h = (k: keyof typeof HEADINGS): string => HEADINGS[k][lang]
  const fields = subjectFields(template)
  const { items, sections } = templateIndex(template)
  const columns = [
    h('id'),
    ...fields.map((f) => f.label),
    h('inspector'),
    h('submittedAt'),
    h('section'),
    h('itemId'),
    h('item'),
    h('answer'),
    h('na'),
    h('score'),
    h('itemMax'),
    h('flagged'),
    h('note'),
  ]
  const rows: Cell[][] = []
  for (const { summary, response, result } of entries) {
    for (const r of result.items) {
      if (r.hidden) continue
      const item = items.get(r.id)
      if (item?.type === 'info') continue
      const answer = response.answers[r.id]
      rows.push([
        summary.id,
        ...fields.map((f) => subjectCell(summary.subject[f.id])),
        summary.inspector,
        summary.submittedAt,
        sections.get(r.sectionId)?.title ?? r.sectionId,
        r.id,
        item?.title ?? r.id,
        answerText(item, answer, lang),
        yesNo(r.na, lang),
        r.scored ? r.score : null,
        r.scored ? r.max : null,
        yesNo(r.flagged, lang),
        answer?.note ?? '',
      ])
    }
  }
  return { name: lang === 'zh-CN' ? '逐项明细' : 'Items', columns, rows }
}

/** The per-building report: buildings in natural order, rooms ascending within each. */
export function buildingTable(list: readonly ResultSummary[], template: Template, lang: Lang): Table {
  const base = summaryTable([], template, lang)
  const columns = [HEADINGS.building[lang], ...base.columns.slice(1)]
  const rows: Cell[][] = []
  for (const group of buildingReport(list)) {
    const table = summaryTable(group.rows, template, lang)
    for (const row of table.rows) rows.push([group.building, ...row.slice(1)])
  }
  return { name: lang === 'zh-CN' ? '分楼报表' : 'By building', columns, rows }
}
