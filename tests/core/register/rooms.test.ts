import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ScopeTree, type Scope } from '@/core/access'
import { floorOfRoom, importRooms } from '@/core/register'

const college: Scope[] = [
  { id: 'college', parentId: null, kind: 'college', name: '职业学院' },
  { id: 'xgb', parentId: 'college', kind: 'department', name: '学工部' },
]

describe('importing rooms', () => {
  it('reads rooms under a title row, with the floor given or read from the room number, and the scopes they need', () => {
    const grid = [
      ['2026 秋季学期宿舍名单', '', '', ''],
      ['楼栋', '楼层', '房间号', '辅导员'],
      ['3号楼', '3层', '301', '张老师'],
      ['3号楼', '', '302', '张老师'],
      ['', '', '', ''],
      ['5号楼', 'F1', '101', ''],
    ]
    const result = importRooms(grid, 'xgb')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.subjects).toEqual([
      { id: 'room:3号楼/301', kind: 'room', scopeId: 'floor:3号楼/3', fields: { building: '3号楼', floor: '3', room: '301' }, label: '3号楼 301', responsible: '张老师' },
      { id: 'room:3号楼/302', kind: 'room', scopeId: 'floor:3号楼/3', fields: { building: '3号楼', floor: '3', room: '302' }, label: '3号楼 302', responsible: '张老师' },
      { id: 'room:5号楼/101', kind: 'room', scopeId: 'floor:5号楼/1', fields: { building: '5号楼', floor: '1', room: '101' }, label: '5号楼 101' },
    ])
    expect(result.value.scopes.map((s) => `${s.kind}:${s.name}<${s.parentId}`)).toEqual(['building:3号楼<xgb', 'floor:3号楼3层<building:3号楼', 'building:5号楼<xgb', 'floor:5号楼1层<building:5号楼'])
    // The scopes fit the college's tree as they are.
    expect(ScopeTree.build([...college, ...result.value.scopes]).ok).toBe(true)
  })

  it.each([
    ['a missing room', [['楼栋', '房间号'], ['3号楼', '']], 'missingRoom', '/1/1', '第 2 行（B2）'],
    ['a missing building', [['楼栋', '房间号'], ['', '301']], 'missingBuilding', '/1/0', '第 2 行（A2）'],
    ['a room twice', [['楼栋', '房间号'], ['3号楼', '301'], ['3号楼', '301']], 'duplicateRoom', '/2/1', '与第 2 行重复'],
    ['a floor that cannot be told', [['楼栋', '房间号'], ['3号楼', '甲']], 'missingFloor', '/1/1', '请填写楼层'],
    ['no header', [['a', 'b'], ['3号楼', '301']], 'noRoomHeader', '', '楼栋'],
    ['no rooms', [['楼栋', '房间号']], 'noRooms', '', '没有房间'],
  ])('refuses %s, naming the row and column, and imports nothing', (_, grid, code, pointer, zh) => {
    const result = importRooms(grid, 'xgb')
    expect(result.ok).toBe(false)
    if (result.ok) return
    const issue = result.issues.find((i) => i.code === code)
    expect(issue?.pointer).toBe(pointer)
    expect(issue?.message['zh-CN']).toContain(zh)
    expect(issue?.message.en.length).toBeGreaterThan(0)
  })

  it.each([
    ['301', '3'],
    ['1205', '12'],
    ['A302', '3'],
    ['12', null],
    ['甲', null],
  ])('reads the floor of room %s as %s', (room, floor) => expect(floorOfRoom(room)).toBe(floor))

  it('gives every room one scope, a floor under its building, for any list of rooms', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.constantFrom('1号楼', '3号楼', '7号楼'), fc.integer({ min: 101, max: 1999 })), { minLength: 1, selector: ([b, r]) => `${b}/${r}`, maxLength: 40 }), (rooms) => {
        const result = importRooms([['楼栋', '房间号'], ...rooms.map(([b, r]) => [b, String(r)])], 'xgb')
        if (!result.ok) throw new Error(JSON.stringify(result.issues))
        const tree = ScopeTree.build([...college, ...result.value.scopes])
        if (!tree.ok) throw new Error(JSON.stringify(tree.issues))
        for (const s of result.value.subjects) {
          expect(tree.value.get(s.scopeId)?.kind).toBe('floor')
          expect(tree.value.ancestors(s.scopeId)[1]).toBe(`building:${s.fields.building}`)
        }
      }),
    )
  })
})
