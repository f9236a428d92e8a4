/**
 * Pure conversions of results into export tables (CSV, XLSX, per-building report). Browser-side
 * writers in `src/io/export` turn a `Table` into a file; nothing here knows about files.
 * Times are written as local wall-clock text in the zone the caller passes ("2026-12-02 19:42").
 */
import type { Answer, Item, Response, ScoreResult, Section, Template } from '../../format/types'
import type { Lang } from '../../result'
import { sectionsById } from '../../scoring/lookups'
import { indexTemplate } from '../../scoring/template-index'
import { buildingReport, groupStats, type GroupStats } from '../../stats/building-report'
import type { ResultSummary } from '../../stats/types'
import { localDateTime } from '../../time/local-time'
import { HEADINGS, LEVEL_LABELS, ROLE_LABELS, itemColumnHeadings, verdictCell, yesNo } from './labels'

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

/** What every table needs besides the results: the language and the zone times are written in. */
export interface TableOptions {
  lang: Lang
  /** IANA zone of the written times (the settings' zone). */
  timeZone: string
}

/** The stored answers and score of one response, for item-level output. */
export interface ResponseDetails {
  response: Response
  result: ScoreResult
}

export interface SummaryTableOptions extends TableOptions {
  /**
   * One answer column and one points column per item (template order), read from these details
   * by response id. Left out: no item columns.
   */
  itemColumns?: ReadonlyMap<string, ResponseDetails>
}

export interface BuildingTableOptions extends TableOptions {
  /** Open (not verified) rectification tasks per response id. */
  openTasks?: ReadonlyMap<string, number>
  /** Subject field ids of building, floor and room; default building / floor / room. */
  fields?: { building?: string; floor?: string; room?: string }
}

const subjectFields = (template: Template): Array<{ id: string; label: string }> =>
  template.subject?.fields.map((f) => ({ id: f.id, label: f.label })) ?? []

function subjectCell(v: string | number | undefined): Cell {
  return v === undefined ? '' : v
}

/**
 * Column names made distinct: a section, item or subject field named like a standard heading
 * (or like another) gets " (2)", " (3)" … so that a reader keyed by heading finds one column.
 */
export function uniqueColumns(columns: readonly string[]): string[] {
  const seen = new Set<string>()
  return columns.map((c) => {
    let name = c
    for (let i = 2; seen.has(name); i++) name = `${c} (${i})`
    seen.add(name)
    return name
  })
}

/** Items that take an answer, in template order (info blocks left out). */
function answerableItems(template: Template): Item[] {
  return [...templateIndex(template).items.values()].filter((i) => i.type !== 'info')
}

/** Item types that carry points (a points column); the others get an answer column only. */
const SCORED_TYPES = new Set<Item['type']>(['single', 'multi', 'count', 'score', 'number'])

function itemCells(items: readonly Item[], details: ResponseDetails | undefined, lang: Lang): Cell[] {
  const results = new Map(details?.result.items.map((r) => [r.id, r]))
  return items.flatMap((item): Cell[] => {
    const r = results.get(item.id)
    const shown = details !== undefined && r !== undefined && !r.hidden
    const answer = !shown ? '' : r.na ? HEADINGS.na[lang] : answerText(item, details.response.answers[item.id], lang)
    if (!SCORED_TYPES.has(item.type)) return [answer]
    return [answer, shown && r.scored && !r.na ? r.score : null]
  })
}

/**
 * One row per response: subject, inspector, local submission time, total, percent, band, vetoed,
 * findings, section scores; with `itemColumns`, the answer and points of every item too.
 */
export function summaryTable(list: readonly ResultSummary[], template: Template, options: SummaryTableOptions): Table {
  const { lang, timeZone, itemColumns } = options
  const h = (k: keyof typeof HEADINGS): string => HEADINGS[k][lang]
  const fields = subjectFields(template)
  const sections = template.sections
  const { items } = templateIndex(template)
  const perItem = itemColumns === undefined ? [] : answerableItems(template)
  const columns = uniqueColumns([
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
    ...perItem.flatMap((item) => {
      const [answer, points] = itemColumnHeadings(item.title, lang)
      return SCORED_TYPES.has(item.type) ? [answer, points] : [answer]
    }),
    h('version'),
    h('id'),
  ])
  const rows = list.map((s, i): Cell[] => {
    const bySection = new Map(s.sections.map((x) => [x.id, x]))
    return [
      i + 1,
      ...fields.map((f) => subjectCell(s.subject[f.id])),
      ROLE_LABELS[s.role][lang],
      s.inspector,
      localDateTime(s.submittedAt, timeZone),
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
      ...(itemColumns === undefined ? [] : itemCells(perItem, itemColumns.get(s.id), lang)),
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
    case 'number': {
      if (typeof v !== 'number') return String(v)
      const prefix = item.type === 'count' ? (item.countPrefix ?? '') : ''
      return item.unitLabel || prefix ? `${prefix}${v}${item.unitLabel ?? ''}` : v
    }
    default:
      return Array.isArray(v) ? v.join(', ') : v
  }
}

export interface ItemRowsInput extends ResponseDetails {
  summary: ResultSummary
}

/** The long sheet: one row per item answer (visible items only), with points and remark. */
export function itemTable(entries: readonly ItemRowsInput[], template: Template, options: TableOptions): Table {
  const { lang, timeZone } = options
  const h = (k: keyof typeof HEADINGS): string => HEADINGS[k][lang]
  const fields = subjectFields(template)
  const { items, sections } = templateIndex(template)
  const columns = uniqueColumns([
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
  ])
  const rows: Cell[][] = []
  for (const { summary, response, result } of entries) {
    const submitted = localDateTime(summary.submittedAt, timeZone)
    for (const r of result.items) {
      if (r.hidden) continue
      const item = items.get(r.id)
      if (item?.type === 'info') continue
      const answer = response.answers[r.id]
      rows.push([
        summary.id,
        ...fields.map((f) => subjectCell(summary.subject[f.id])),
        summary.inspector,
        submitted,
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

/**
 * The per-building report (分楼报表): for each building in natural order, each floor's results
 * (rooms ascending) followed by the floor's subtotal, then the building's total; a grand total
 * ends a report of several buildings. Every row carries the same aggregates (count, mean, min,
 * mean percent, flagged, findings, open 整改) — a single result is a group of one — so a
 * spreadsheet filter on 行类型 gives the floors, the buildings or the results alone.
 */
export function buildingTable(list: readonly ResultSummary[], template: Template, options: BuildingTableOptions): Table {
  const { lang, timeZone, openTasks = new Map<string, number>() } = options
  const ids = { building: 'building', floor: 'floor', room: 'room', ...options.fields }
  const h = (k: keyof typeof HEADINGS): string => HEADINGS[k][lang]
  const fields = subjectFields(template)
  const label = (id: string, fallback: string): string => fields.find((f) => f.id === id)?.label ?? fallback
  // Building and floor lead; the other subject fields (room …) follow once, never repeated.
  const rest = fields.filter((f) => f.id !== ids.building && f.id !== ids.floor)
  const columns = uniqueColumns([
    label(ids.building, h('building')),
    label(ids.floor, h('floor')),
    ...rest.map((f) => f.label),
    h('level'),
    h('count'),
    h('mean'),
    h('min'),
    h('meanPercent'),
    h('flaggedCount'),
    h('findings'),
    h('openTasks'),
    h('band'),
    h('inspector'),
    h('submittedAt'),
    h('id'),
  ])
  const statCells = (s: GroupStats): Cell[] => [s.count, s.mean, s.min, s.meanPercent, s.flagged, s.findings, s.openTasks]
  const blanks = (n: number): Cell[] => Array.from({ length: n }, () => '')
  const aggregate = (building: string, floor: string, level: keyof typeof LEVEL_LABELS, stats: GroupStats): Cell[] => [
    building,
    floor,
    ...blanks(rest.length),
    LEVEL_LABELS[level][lang],
    ...statCells(stats),
    ...blanks(4),
  ]
  const rows: Cell[][] = []
  const report = buildingReport(list, { fields: ids, openTasks })
  for (const group of report) {
    for (const floor of group.floors) {
      for (const s of floor.rows) {
        rows.push([
          group.building,
          floor.floor,
          ...rest.map((f) => subjectCell(s.subject[f.id])),
          LEVEL_LABELS.detail[lang],
          ...statCells(groupStats([s], openTasks)),
          s.band ?? '',
          s.inspector,
          localDateTime(s.submittedAt, timeZone),
          s.id,
        ])
      }
      rows.push(aggregate(group.building, floor.floor, 'floor', floor.stats))
    }
    rows.push(aggregate(group.building, '', 'building', group.stats))
  }
  if (report.length > 1) rows.push(aggregate('', '', 'all', groupStats(list, openTasks)))
  return { name: lang === 'zh-CN' ? '分楼报表' : 'By building', columns, rows }
}
