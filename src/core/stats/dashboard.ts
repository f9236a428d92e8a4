/** Dashboard figures for one template, computed from summaries only (never full results). */
import { monthKey, weekKey } from './dates'
import { naturalCompare } from './filter'
import type { ResultSummary } from './types'
import type { TaskLike } from './rectification'

export interface Bucket {
  /** Inclusive lower bound of the percent range; the last bucket also holds 100. */
  from: number
  to: number
  count: number
}

export interface PeriodPoint {
  period: string
  count: number
  /** Average percent, one decimal. */
  average: number | null
}

export interface GroupAverage {
  value: string
  count: number
  average: number | null
}

export interface FindingCount {
  itemId: string
  title: string
  count: number
}

export interface Dashboard {
  count: number
  average: number | null
  distribution: Bucket[]
  bands: Array<{ label: string; count: number; color?: string }>
  byWeek: PeriodPoint[]
  byMonth: PeriodPoint[]
  /** Averages per value of each requested subject field. */
  bySubject: Record<string, GroupAverage[]>
  topFindings: FindingCount[]
  /** Responses with a red line (veto or a zeroed total/section). */
  redLines: number
  rectification: { total: number; verified: number; rate: number | null }
}

export interface DashboardOptions {
  /** Subject fields to average by, e.g. ['building', 'floor']. */
  fields?: readonly string[]
  /** Item titles for the findings ranking (item id → title). */
  titles?: Readonly<Record<string, string>>
  tasks?: readonly TaskLike[]
  topN?: number
}

const round1 = (x: number): number => Math.round(x * 10) / 10

class Mean {
  sum = 0
  n = 0
  count = 0
  add(percent: number | null): void {
    this.count++
    if (percent !== null) {
      this.sum += percent
      this.n++
    }
  }
  get value(): number | null {
    return this.n === 0 ? null : round1(this.sum / this.n)
  }
}

function points(map: Map<string, Mean>): PeriodPoint[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, m]) => ({ period, count: m.count, average: m.value }))
}

export function buildDashboard(list: readonly ResultSummary[], opts: DashboardOptions = {}): Dashboard {
  const { fields = [], titles = {}, tasks = [], topN = 10 } = opts
  const all = new Mean()
  const distribution: Bucket[] = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }))
  const bands = new Map<string, { label: string; count: number; color?: string; index: number }>()
  const weeks = new Map<string, Mean>()
  const months = new Map<string, Mean>()
  const groups = new Map<string, Map<string, Mean>>(fields.map((f) => [f, new Map()]))
  const findings = new Map<string, number>()
  let redLines = 0

  for (const s of list) {
    all.add(s.percent)
    if (s.percent !== null) {
      const i = Math.min(9, Math.max(0, Math.floor(s.percent / 10)))
      ;(distribution[i] as Bucket).count++
    }
    if (s.band !== null) {
      const b = bands.get(s.band) ?? { label: s.band, count: 0, index: s.bandIndex ?? 0, ...(s.bandColor && { color: s.bandColor }) }
      b.count++
      bands.set(s.band, b)
    }
    const week = weekKey(s.submittedAt)
    const month = monthKey(s.submittedAt)
    if (week) (weeks.get(week) ?? weeks.set(week, new Mean()).get(week))?.add(s.percent)
    if (month) (months.get(month) ?? months.set(month, new Mean()).get(month))?.add(s.percent)
    for (const [field, byValue] of groups) {
      const raw = s.subject[field]
      if (raw === undefined || String(raw).trim() === '') continue
      const value = String(raw).trim()
      ;(byValue.get(value) ?? byValue.set(value, new Mean()).get(value))?.add(s.percent)
    }
    for (const id of s.findingIds) findings.set(id, (findings.get(id) ?? 0) + 1)
    if (s.redLines > 0 || s.vetoed) redLines++
  }

  const verified = tasks.filter((t) => t.status === 'verified').length
  return {
    count: list.length,
    average: all.value,
    distribution,
    bands: [...bands.values()]
      .sort((a, b) => a.index - b.index)
      .map(({ label, count, color }) => ({ label, count, ...(color !== undefined && { color }) })),
    byWeek: points(weeks),
    byMonth: points(months),
    bySubject: Object.fromEntries(
      [...groups].map(([field, byValue]) => [
        field,
        [...byValue.entries()]
          .sort(([a], [b]) => naturalCompare(a, b))
          .map(([value, m]) => ({ value, count: m.count, average: m.value })),
      ]),
    ),
    topFindings: [...findings.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, topN)
      .map(([itemId, count]) => ({ itemId, title: titles[itemId] ?? itemId, count })),
    redLines,
    rectification: { total: tasks.length, verified, rate: tasks.length === 0 ? null : round1((verified / tasks.length) * 100) },
  }
}
