// STUB (h-cycle-results): agreed signatures of h-cycle-core; reverted before merge.
import type { SummaryTable } from '@/core/cycles'
export interface CycleSheetLabels { rank: string; subject: string; reviewer: (name: string) => string; total: string;
  percent: string; self: string; selfDifference: string; band: string; quotaTie: string; vetoed: string; rankChange: string }
export async function cycleWorkbook(_sheets: Array<{ title: string; table: SummaryTable; people: Record<string, string> }>, _labels: CycleSheetLabels): Promise<Blob> {
  throw new Error('stub')
}
