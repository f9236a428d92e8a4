import { naturalCompare } from './filter'
import type { ResultSummary } from './types'

export interface BuildingGroup {
  building: string
  /** Ordered by floor, then room number ascending (房间号从小到大), then submission time. */
  rows: ResultSummary[]
  average: number | null
  findings: number
}

const text = (v: string | number | undefined): string => (v === undefined ? '' : String(v).trim())

/**
 * The per-building report (以楼为单位): one group per building in natural order, rooms ascending.
 * Field ids default to the dorm sample's (building / floor / room).
 */
export function buildingReport(
  list: readonly ResultSummary[],
  fields: { building?: string; floor?: string; room?: string } = {},
): BuildingGroup[] {
  const { building = 'building', floor = 'floor', room = 'room' } = fields
  const groups = new Map<string, ResultSummary[]>()
  for (const s of list) {
    const key = text(s.subject[building])
    const rows = groups.get(key) ?? groups.set(key, []).get(key)
    rows?.push(s)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([name, rows]) => {
      rows.sort(
        (a, b) =>
          naturalCompare(text(a.subject[floor]), text(b.subject[floor])) ||
          naturalCompare(text(a.subject[room]), text(b.subject[room])) ||
          (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0),
      )
      const scored = rows.filter((r) => r.percent !== null)
      const average = scored.length === 0 ? null : Math.round((scored.reduce((n, r) => n + (r.percent ?? 0), 0) / scored.length) * 10) / 10
      return { building: name, rows, average, findings: rows.reduce((n, r) => n + r.findingIds.length, 0) }
    })
}
