/**
 * A list of dormitory rooms from a spreadsheet (楼栋 / 楼层 / 房间号, optionally 负责人), already
 * read into text cells by src/io. It yields the rooms and the building and floor scopes they need
 * under a department. Every problem names its row and column as the spreadsheet shows them, and
 * one problem anywhere means nothing is imported.
 */
import { fail, ok, type Issue, type Result } from '../result'
import { cellIssue, findHeader, headerOf } from './sheet'
import type { Scope } from '../access/scopes'
import type { RegisterImport, RegisterSubject } from './types'

export const ROOM_COLUMNS = ['building', 'floor', 'room', 'responsible'] as const
export type RoomColumn = (typeof ROOM_COLUMNS)[number]

const HEADER_WORDS = {
  building: ['楼栋', '楼号', '宿舍楼', '楼宇', '楼名', 'building'],
  floor: ['楼层', '层', 'floor'],
  room: ['房间号', '房间', '宿舍号', '寝室号', '寝室', '宿舍', 'room'],
  responsible: ['负责人', '辅导员', '责任人', 'responsible', 'counsellor'],
} as const satisfies Record<RoomColumn, readonly string[]>
const REQUIRED = ['building', 'room'] as const satisfies readonly RoomColumn[]

/** The floor a room number implies: 301 → 3, 1205 → 12, A302 → 3. */
export function floorOfRoom(room: string): string | null {
  const digits = /(\d+)\D*$/.exec(room)?.[1]
  return digits && digits.length >= 3 ? String(Number(digits.slice(0, digits.length - 2))) : null
}

/** "3", "3层", "3楼", "F3" → "3"; anything else as written. */
function floorText(text: string): string {
  const n = /^(?:F)?(\d+)(?:层|楼|F)?$/i.exec(text)?.[1]
  return n === undefined ? text : String(Number(n))
}

/** Rooms and the building and floor scopes they need. */
export type RoomImport = RegisterImport

export function importRooms(grid: readonly (readonly string[])[], departmentId: string): Result<RoomImport> {
  const headerRow = findHeader(grid, HEADER_WORDS, REQUIRED)
  if (headerRow < 0) {
    return fail([{ code: 'noRoomHeader', pointer: '', severity: 'error', message: { 'zh-CN': '找不到表头：需要“楼栋”和“房间号”两列。', en: 'No header row: the sheet needs a building column and a room column.' } }])
  }
  const cols = headerOf(grid[headerRow]!, HEADER_WORDS, REQUIRED)!
  const issues: Issue[] = []
  const subjects: RegisterSubject[] = []
  const scopes = new Map<string, Scope>()
  const seen = new Map<string, number>()
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r]!
    const cell = (c: RoomColumn): string => (cols[c] === undefined ? '' : (row[cols[c]!] ?? '').trim())
    if (row.every((c) => c.trim() === '')) continue
    const building = cell('building')
    const room = cell('room')
    if (building === '') issues.push(cellIssue('missingBuilding', r, cols.building!, '缺少楼栋。', 'the building is missing.'))
    if (room === '') issues.push(cellIssue('missingRoom', r, cols.room!, '缺少房间号。', 'the room is missing.'))
    if (building === '' || room === '') continue
    const floor = cell('floor') !== '' ? floorText(cell('floor')) : floorOfRoom(room)
    if (floor === null) {
      issues.push(cellIssue('missingFloor', r, cols.floor ?? cols.room!, `无法确定房间“${room}”在几层，请填写楼层。`, `cannot tell the floor of room "${room}"; fill in the floor.`))
      continue
    }
    const id = `room:${building}/${room}`
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      issues.push(cellIssue('duplicateRoom', r, cols.room!, `${building} ${room} 与第 ${earlier + 1} 行重复。`, `${building} ${room} repeats row ${earlier + 1}.`))
      continue
    }
    seen.set(id, r)
    const buildingId = `building:${building}`
    const floorId = `floor:${building}/${floor}`
    if (!scopes.has(buildingId)) scopes.set(buildingId, { id: buildingId, parentId: departmentId, kind: 'building', name: building })
    if (!scopes.has(floorId)) scopes.set(floorId, { id: floorId, parentId: buildingId, kind: 'floor', name: `${building}${floor}层` })
    const responsible = cell('responsible')
    subjects.push({ id, kind: 'room', scopeId: floorId, fields: { building, floor, room }, label: `${building} ${room}`, ...(responsible !== '' && { responsible }) })
  }
  if (issues.length > 0) return fail(issues)
  if (subjects.length === 0) return fail([{ code: 'noRooms', pointer: '', severity: 'error', message: { 'zh-CN': '表中没有房间。', en: 'The sheet lists no rooms.' } }])
  return ok({ subjects, scopes: [...scopes.values()] })
}
