// STUB (h-cycle-results): agreed signatures of h-cycle-core; reverted before merge.
import type { Response, Template } from '../format/types'
import type { Cycle, CycleResult, SubjectKey, SubjectResult } from './types'

export interface SubjectProgress { key: SubjectKey; label: string; self: 'none' | 'draft' | 'submitted'; selfId?: string; reviews: Record<string, { status: 'draft' | 'submitted'; id: string }>; submittedReviews: number }
export interface ReviewerProgress { reviewer: string; submitted: number; drafts: number; of: number }
export interface CycleProgress { subjects: SubjectProgress[]; reviewers: ReviewerProgress[] }
export function cycleProgress(_cycle: Cycle, _responses: readonly Response[]): CycleProgress {
  return { subjects: [], reviewers: [] }
}
export interface EvidenceItem { itemId: string; title: string; sectionId: string; needed: number; present: number; accept?: string[]; complete: boolean }
export interface EvidenceCompleteness { items: EvidenceItem[]; required: number; complete: number; percent: number | null }
export function evidenceCompleteness(_template: Template, _response: Response): EvidenceCompleteness {
  return { items: [], required: 0, complete: 0, percent: null }
}
export interface ReviewDetail { reviewer: string; responseId?: string; total: number; percent: number | null; sections: Record<string, number>; vetoed: boolean; deviates: boolean }
export interface ItemSpread { itemId: string; title: string; max: number; points: Array<number | null>; spread: number; flagged: boolean }
export interface PanelDetail { key: SubjectKey; result: SubjectResult; reviews: ReviewDetail[]; items: ItemSpread[]; self: ReviewDetail | null }
export function panelDetail(_cycle: Cycle, _template: Template, _responses: readonly Response[], _key: SubjectKey): PanelDetail | null {
  return null
}
export interface SummaryRow { rank: number; label: string; key: SubjectKey; totals: Array<number | null>; total: number; percent: number | null; self: number | null; selfDifference: number | null; band: string | null; quotaTie: boolean; quotaDemoted: boolean; vetoed: boolean; rankChange: number | null; totalChange: number | null }
export interface SummaryTable { reviewers: string[]; rows: SummaryRow[] }
export function summaryTable(_cycle: Cycle, _result: CycleResult, _previous?: CycleResult): SummaryTable {
  return { reviewers: [], rows: [] }
}
