/** Register rooms arranged for the plan forms: buildings, their floors, and a plan's common scope. */
import type { RegisterSubject } from '@/core/register'

export interface FloorGroup<R> {
  /** `3号楼 · 3`, the same key coverage groups floors by. */
  key: string
  floor: string
  rooms: R[]
  ids: string[]
}

export interface BuildingGroup<R> {
  name: string
  floors: FloorGroup<R>[]
  ids: string[]
}

export const floorKeyOf = (r: Pick<RegisterSubject, 'fields'>): string => `${r.fields.building ?? ''} · ${r.fields.floor ?? ''}`

const collator = new Intl.Collator('zh-CN', { numeric: true })

/** Rooms by building then floor, each in natural order (3号楼 before 10号楼, 201 before 1001). */
export function groupRooms<R extends Pick<RegisterSubject, 'id' | 'fields' | 'label'>>(rooms: readonly R[]): BuildingGroup<R>[] {
  const byBuilding = new Map<string, Map<string, R[]>>()
  for (const r of rooms) {
    const b = r.fields.building ?? ''
    const f = r.fields.floor ?? ''
    const floors = byBuilding.get(b) ?? byBuilding.set(b, new Map()).get(b)!
    ;(floors.get(f) ?? floors.set(f, []).get(f)!).push(r)
  }
  return [...byBuilding.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([name, floors]) => {
      const list = [...floors.entries()]
        .sort(([a], [b]) => collator.compare(a, b))
        .map(([floor, rs]) => {
          const sorted = [...rs].sort((x, y) => collator.compare(x.fields.room ?? x.label, y.fields.room ?? y.label))
          return { key: `${name} · ${floor}`, floor, rooms: sorted, ids: sorted.map((r) => r.id) }
        })
      return { name, floors: list, ids: list.flatMap((f) => f.ids) }
    })
}

/**
 * The smallest scope that holds every room, as far as a device can tell without the scope tree:
 * their one floor, or (imported rooms' floors are `floor:<building>/<floor>`) their one building.
 */
export function commonScope(rooms: readonly Pick<RegisterSubject, 'scopeId'>[]): string | undefined {
  const scopes = new Set(rooms.map((r) => r.scopeId))
  if (scopes.size === 0) return undefined
  if (scopes.size === 1) return [...scopes][0]
  const buildings = new Set([...scopes].map((s) => (s.startsWith('floor:') ? `building:${s.slice(6).split('/')[0]}` : s)))
  return buildings.size === 1 ? [...buildings][0] : undefined
}
