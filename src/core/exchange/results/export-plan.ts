/**
 * Which tables one export holds. One template: its summary (CSV), its per-building report, or a
 * workbook of summary, item and building sheets (XLSX). Several templates (no template chosen in
 * the filters): one table per template — CSV and per-building files go into a zip, XLSX gets a
 * sheet per template. Pure: the store loads the templates and details, `src/io/export` writes.
 */
import type { Template } from '../../format/types'
import { naturalCompare } from '../../stats/filter'
import type { ResultSummary } from '../../stats/types'
import { buildingTable, itemTable, summaryTable, type ItemRowsInput, type ResponseDetails, type Table, type TableOptions } from './table'

export const EXPORT_KINDS = ['csv', 'building', 'xlsx'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

/** The results of one template, with the template version whose columns they are written in. */
export interface TemplateResults {
  template: Template
  list: readonly ResultSummary[]
}

export interface ExportPlanOptions extends TableOptions {
  /** One answer and one points column per item in summary tables. */
  itemColumns: boolean
  /** Stored answers and scores by response id (item columns; the XLSX item sheet). */
  details: ReadonlyMap<string, ResponseDetails>
  /** Open (not verified) rectification tasks per response id. */
  openTasks: ReadonlyMap<string, number>
}

/** The export's tables and how they are packed: one CSV, a zip of CSVs, or one workbook. */
export interface ExportPlan {
  pack: 'csv' | 'zip' | 'xlsx'
  tables: Table[]
}

/** A template's results as one version's id: the newest version among them gives the columns. */
export interface TemplateGroup {
  templateId: string
  version: number
  title: string
  list: ResultSummary[]
}

/** Results grouped by template (titles in natural order), each with its newest version among them. */
export function groupByTemplate(list: readonly ResultSummary[]): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>()
  for (const s of list) {
    const g = groups.get(s.templateId)
    if (!g) groups.set(s.templateId, { templateId: s.templateId, version: s.templateVersion, title: s.templateTitle, list: [s] })
    else {
      g.list.push(s)
      if (s.templateVersion > g.version) [g.version, g.title] = [s.templateVersion, s.templateTitle]
    }
  }
  return [...groups.values()].sort((a, b) => naturalCompare(a.title, b.title) || naturalCompare(a.templateId, b.templateId))
}

function entriesOf(list: readonly ResultSummary[], details: ReadonlyMap<string, ResponseDetails>): ItemRowsInput[] {
  return list.flatMap((summary) => {
    const d = details.get(summary.id)
    return d ? [{ summary, ...d }] : []
  })
}

/**
 * The tables of an export of `kind` over `groups` (one per template). With one group the export
 * is that template's; with several, each table is named after its template so that file and
 * sheet names say which is which.
 */
export function exportPlan(kind: ExportKind, groups: readonly TemplateResults[], options: ExportPlanOptions): ExportPlan {
  const { lang, timeZone, details, openTasks } = options
  const summaryOptions = { lang, timeZone, ...(options.itemColumns && { itemColumns: details }) }
  const summary = (g: TemplateResults): Table => summaryTable(g.list, g.template, summaryOptions)
  const building = (g: TemplateResults): Table => buildingTable(g.list, g.template, { lang, timeZone, openTasks })
  const [only] = groups
  if (groups.length === 1 && only) {
    switch (kind) {
      case 'csv':
        return { pack: 'csv', tables: [summary(only)] }
      case 'building':
        return { pack: 'csv', tables: [building(only)] }
      case 'xlsx':
        return { pack: 'xlsx', tables: [summary(only), itemTable(entriesOf(only.list, details), only.template, { lang, timeZone }), building(only)] }
      default: {
        const never: never = kind
        throw new Error(`Unknown export kind ${String(never)}`)
      }
    }
  }
  switch (kind) {
    case 'csv':
      return { pack: 'zip', tables: groups.map(summary) }
    case 'building':
      return { pack: 'zip', tables: groups.map((g) => ({ ...building(g), name: g.template.title })) }
    case 'xlsx':
      return { pack: 'xlsx', tables: groups.map(summary) }
    default: {
      const never: never = kind
      throw new Error(`Unknown export kind ${String(never)}`)
    }
  }
}
