/**
 * The register on this device (rooms, Party branches, teachers), for the register page, the fill
 * start's picker and the label sheets. Reading a file and checking it is the core's work
 * (src/core/register); this store keeps the lists and saves an accepted import.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { importBranches, importRooms, importTeachers, type RegisterImport, type RegisterSubject, type SubjectKind } from '@/core/register'
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
/** The college new Party committees hang under on this device alone. */
export const LOCAL_COLLEGE = 'college:local'

/** Each kind's sheet reader, under a parent scope (a department, or a college for branches). */
const READERS: Record<SubjectKind, (grid: readonly (readonly string[])[], parentId: string) => Result<RegisterImport>> = {
  room: importRooms,
  branch: importBranches,
  teacher: importTeachers,
}
/** Where each kind's scopes hang on this device alone. */
const LOCAL_PARENT: Record<SubjectKind, string> = { room: LOCAL_DEPARTMENT, branch: LOCAL_COLLEGE, teacher: LOCAL_DEPARTMENT }

/** Buildings, then floors, then rooms: the three taps of the fill start's picker. */
export interface RoomTree {
  buildings: string[]
  floors(building: string): string[]
  rooms(building: string, floor: string): RegisterRow[]
}

export const useRegisterStore = defineStore('register', () => {
  const rooms = shallowRef<RegisterRow[]>([])
  const branches = shallowRef<RegisterRow[]>([])
  const teachers = shallowRef<RegisterRow[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    const db = getDb()
    ;[rooms.value, branches.value, teachers.value] = await Promise.all([listRegister(db, 'room'), listRegister(db, 'branch'), listRegister(db, 'teacher')])
    loaded.value = true
  }

  /** Checks a table's cells (from src/io) as a list of `kind`; nothing is stored. */
  function check(kind: SubjectKind, grid: readonly (readonly string[])[]): Result<RegisterImport> {
    return READERS[kind](grid, LOCAL_PARENT[kind])
  }

  /** Replaces this device's list of `kind` (subjects no longer listed are archived). */
  async function save(kind: SubjectKind, subjects: readonly RegisterSubject[]): Promise<RegisterImportResult> {
    const result = await replaceRegister(getDb(), kind, subjects)
    await load()
    return result
  }

  /**
   * A checked list sent to the team server under `parentScopeId` (its buildings and floors, or
   * committees and branches, become scopes there). Nothing is stored here: the subjects come back
   * with the next pull, like every other device's, so this device never archives subjects
   * another department imported.
   * The server takes all or nothing; a refusal throws.
   */
  async function upload(kind: SubjectKind, grid: readonly (readonly string[])[], parentScopeId: string, send: (request: RegisterImportRequest) => Promise<ServerImportResult>): Promise<Result<ServerImportResult>> {
    const checked = READERS[kind](grid, parentScopeId)
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

  return { rooms, branches, teachers, loaded, tree, load, check, save, upload, subject }
})
