/**
 * The register of rooms on this device, for the register page, the fill start's picker and the
 * label sheets. Reading a file and checking it is the core's work (src/core/register); this store
 * keeps the list and saves an accepted import.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { importRooms, type RegisterSubject, type RoomImport } from '@/core/register'
import { ok, type Result } from '@/core/result'
import type { RegisterImportRequest, RegisterImportResult as ServerImportResult } from '@/core/sync/protocol'
import { getDb } from '@/db/singleton'
import { getRegisterSubject, listRegister, replaceRegister, type RegisterImportResult } from '@/db/repositories/register'
import type { RegisterRow } from '@/db/rows'

/**
 * The department new buildings hang under while the register lives on this device only; the
 * team server's scopes (docs/design/scopes.md) place them in the college's real tree.
 */
export const LOCAL_DEPARTMENT = 'department:local'

/** Buildings, then floors, then rooms: the three taps of the fill start's picker. */
export interface RoomTree {
  buildings: string[]
  floors(building: string): string[]
  rooms(building: string, floor: string): RegisterRow[]
}

export const useRegisterStore = defineStore('register', () => {
  const rooms = shallowRef<RegisterRow[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    rooms.value = await listRegister(getDb(), 'room')
    loaded.value = true
  }

  /** Checks a table's cells (from src/io) as a room list; nothing is stored. */
  function checkRooms(grid: readonly (readonly string[])[]): Result<RoomImport> {
    return importRooms(grid, LOCAL_DEPARTMENT)
  }

  async function saveRooms(subjects: readonly RegisterSubject[]): Promise<RegisterImportResult> {
    const result = await replaceRegister(getDb(), 'room', subjects)
    await load()
    return result
  }

  /**
   * A checked room list sent to the team server under `parentScopeId` (its buildings and floors
   * become scopes there). Nothing is stored here: the rooms come back with the next pull, like
   * every other device's, so this device never archives rooms another department imported.
   * The server takes all or nothing; a refusal throws.
   */
  async function uploadRooms(grid: readonly (readonly string[])[], parentScopeId: string, send: (request: RegisterImportRequest) => Promise<ServerImportResult>): Promise<Result<ServerImportResult>> {
    const checked = importRooms(grid, parentScopeId)
    if (!checked.ok) return checked
    return ok(await send({ parentScopeId, scopes: checked.value.scopes, subjects: checked.value.subjects }))
  }

  async function subject(id: string): Promise<RegisterRow | undefined> {
    return getRegisterSubject(getDb(), id)
  }

  const collator = new Intl.Collator('zh-CN', { numeric: true })
  const tree = computed<RoomTree>(() => {
    const byBuilding = new Map<string, Map<string, RegisterRow[]>>()
    for (const r of rooms.value) {
      const { building = '', floor = '' } = r.fields
      const floors = byBuilding.get(building) ?? new Map<string, RegisterRow[]>()
      byBuilding.set(building, floors)
      floors.set(floor, [...(floors.get(floor) ?? []), r])
    }
    return {
      buildings: [...byBuilding.keys()].sort(collator.compare),
      floors: (building) => [...(byBuilding.get(building)?.keys() ?? [])].sort(collator.compare),
      rooms: (building, floor) => byBuilding.get(building)?.get(floor) ?? [],
    }
  })

  return { rooms, loaded, tree, load, checkRooms, saveRooms, uploadRooms, subject }
})
