import { naturalCompare } from './filter'
import type { ResultSummary } from './types'

/** What a group of results adds up to (a building, a floor, or everything). */
export interface GroupStats {
  /** Results in the group (检查数). */
  count: number
  /** Mean total points, to the hundredth; null for an empty group. */
  mean: number | null
  /** Lowest total points; null for an empty group. */
  min: number | null
  /** Mean percent, to a tenth; null when no result has a percent (a template without a max). */
  meanPercent: number | null
  /** Results with at least one finding (有隐患). */
  flagged: number
  /** Findings over all results (隐患数). */
  findings: number
  /** Rectification tasks not yet verified (未完成整改), over all results. */
  openTasks: number
}

export interface FloorGroup {
  floor: string
  /** Ordered by room number ascending, then submission time. */
  rows: ResultSummary[]
  stats: GroupStats
}

export interface BuildingGroup {
  building: string
  /** Ordered by floor, then room number ascending (房间号从小到大), then submission time. */
  rows: ResultSummary[]
  /** Floors in natural order, each with its rows and aggregates. */
  floors: FloorGroup[]
  stats: GroupStats
  /** Mean percent (kept for callers that read only this). */
  average: number | null
  findings: number
}

export interface BuildingReportOptions {
  /** Subject field ids; default to the dorm sample's (building / floor / room). */
  fields?: { building?: string; floor?: string; room?: string }
  /** Open (not verified) rectification tasks per response id; absent ids count 0. */
  openTasks?: ReadonlyMap<string, number>
}

const text = (v: string | number | undefined): string => (v === undefined ? '' : String(v).trim())
const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places

/** Aggregates of a group of results: count, mean, min, flagged, findings, open tasks. */
export function groupStats(rows: readonly ResultSummary[], openTasks: ReadonlyMap<string, number> = new Map()): GroupStats {
  const totals = rows.map((r) => r.total)
  const percents = rows.flatMap((r) => (r.percent === null ? [] : [r.percent]))
  const sum = (xs: readonly number[]): number => xs.reduce((n, x) => n + x, 0)
  return {
    count: rows.length,
    mean: rows.length === 0 ? null : round(sum(totals) / rows.length, 2),
    min: rows.length === 0 ? null : Math.min(...totals),
    meanPercent: percents.length === 0 ? null : round(sum(percents) / percents.length, 1),
    flagged: rows.filter((r) => r.findingIds.length > 0).length,
    findings: sum(rows.map((r) => r.findingIds.length)),
    openTasks: sum(rows.map((r) => openTasks.get(r.id) ?? 0)),
  }
}

function groupBy(list: readonly ResultSummary[], key: (s: ResultSummary) => string): Array<[string, ResultSummary[]]> {
  const groups = new Map<string, ResultSummary[]>()
  for (const s of list) {
    const k = key(s)
    const rows = groups.get(k)
    if (rows) rows.push(s)
    else groups.set(k, [s])
  }
  return [...groups.entries()].sort(([a], [b]) => naturalCompare(a, b))
}

/**
 * The per-building report (以楼为单位): one group per building in natural order, floors in
 * natural order within it, rooms ascending within a floor; each building and floor with its
 * aggregates (count, mean, min, flagged, open 整改).
 */
export function buildingReport(list: readonly ResultSummary[], options: BuildingReportOptions = {}): BuildingGroup[] {
  const { building = 'building', floor = 'floor', room = 'room' } = options.fields ?? {}
  const byRoom = (a: ResultSummary, b: ResultSummary): number =>
    naturalCompare(text(a.subject[room]), text(b.subject[room])) ||
    (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0)
  return groupBy(list, (s) => text(s.subject[building])).map(([name, rows]) => {
    const floors = groupBy(rows, (s) => text(s.subject[floor])).map(([f, floorRows]): FloorGroup => {
      floorRows.sort(byRoom)
      return { floor: f, rows: floorRows, stats: groupStats(floorRows, options.openTasks) }
    })
    const ordered = floors.flatMap((f) => f.rows)
    const stats = groupStats(ordered, options.openTasks)
    return { building: name, rows: ordered, floors, stats, average: stats.meanPercent, findings: stats.findings }
  })
}
