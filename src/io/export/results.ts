/**
 * Result exports as files: what core's export plan holds, written as one CSV, a zip of CSVs (one
 * per template), or one XLSX workbook. Every writer loads only when an export is made.
 */
import type { ExportPlan } from '@/core/exchange/results/export-plan'
import { uniqueFileNames } from '@/core/exchange/results/names'
import { csvBlob } from './csv'
import { tablesToXlsx } from './xlsx'
import { zipBlob } from './zip'

export { exportPlan, groupByTemplate } from '@/core/exchange/results/export-plan'

/** The file of an export plan and the extension it needs. */
export async function writeExport(plan: ExportPlan): Promise<{ blob: Blob; ext: 'csv' | 'zip' | 'xlsx' }> {
  switch (plan.pack) {
    case 'csv': {
      const [table] = plan.tables
      if (!table || plan.tables.length > 1) throw new Error('A CSV export holds exactly one table')
      return { blob: await csvBlob(table), ext: 'csv' }
    }
    case 'zip': {
      const names = uniqueFileNames(plan.tables.map((t) => t.name), 'csv')
      const files = await Promise.all(plan.tables.map(async (t, i) => ({ name: names[i] ?? `${i + 1}.csv`, blob: await csvBlob(t) })))
      return { blob: await zipBlob(files), ext: 'zip' }
    }
    case 'xlsx':
      return { blob: await tablesToXlsx(plan.tables), ext: 'xlsx' }
    default: {
      const never: never = plan.pack
      throw new Error(`Unknown pack ${String(never)}`)
    }
  }
}
