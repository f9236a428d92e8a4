/** Pure aggregations over result summaries: filters, dashboards, building reports, rectification rules. */
export type { ResultSummary, SectionScore } from './types'
export { summarize, type SummaryMeta } from './summarize'
export { dayKey, weekKey, monthKey, addDays, CHINA_OFFSET_MINUTES } from './dates'
export {
  matcher,
  filterSummaries,
  sortSummaries,
  subjectValues,
  naturalCompare,
  followUpStatus,
  RESULT_SORTS,
  type ResultFilter,
  type ResultSort,
  type FollowUpStatus,
  type TaskTally,
} from './filter'
export { buildDashboard, type Dashboard, type DashboardOptions, type Bucket, type PeriodPoint, type GroupAverage, type FindingCount } from './dashboard'
export {
  taskDrafts,
  rectificationDays,
  isOverdue,
  countTasks,
  DEFAULT_RECTIFICATION_DAYS,
  type TaskDraft,
  type TaskLike,
  type TaskCounts,
  type TaskState,
} from './rectification'
export { buildingReport, groupStats, type BuildingGroup, type FloorGroup, type GroupStats, type BuildingReportOptions } from './building-report'
