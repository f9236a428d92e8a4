/** The XLSX sheet's column titles in the reader's language (the export's contract: io/export/cycle-xlsx.ts). */
import type { CycleSheetLabels } from '@/io/export/cycle-xlsx'

type T = (key: string) => string

export function cycleSheetLabels(t: T): CycleSheetLabels {
  return {
    rank: t('cycleResults.col.rank'),
    subject: t('cycleResults.col.subject'),
    reviewer: (name) => name,
    total: t('cycleResults.col.total'),
    percent: t('cycleResults.col.percent'),
    self: t('cycleResults.col.self'),
    selfDifference: t('cycleResults.col.selfDifference'),
    band: t('cycleResults.col.band'),
    quotaTie: t('cycleResults.tie'),
    vetoed: t('cycleResults.vetoed'),
    rankChange: t('cycleResults.col.change'),
  }
}
