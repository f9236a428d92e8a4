/**
 * Result exports as files: the summary CSV, the per-building CSV, and an XLSX workbook with the
 * summary sheet, the long item sheet and the per-building sheet.
 */
import type { Template } from '@/core/format/types'
import type { Lang } from '@/core/result'
import { buildingTable, itemTable, summaryTable, type ItemRowsInput } from '@/core/exchange/results/table'
import type { ResultSummary } from '@/core/stats/types'
import { csvBlob } from './csv'
import { tablesToXlsx } from './xlsx'

export function summaryCsv(list: readonly ResultSummary[], template: Template, lang: Lang): Promise<Blob> {
  return csvBlob(summaryTable(list, template, lang))
}

export function buildingCsv(list: readonly ResultSummary[], template: Template, lang: Lang): Promise<Blob> {
  return csvBlob(buildingTable(list, template, lang))
}

export function resultsXlsx(
  list: readonly ResultSummary[],
  entries: readonly ItemRowsInput[],
  template: Template,
  lang: Lang,
): Promise<Blob> {
  return tablesToXlsx([summaryTable(list, template, lang), itemTable(entries, template, lang), buildingTable(list, template, lang)])
}
