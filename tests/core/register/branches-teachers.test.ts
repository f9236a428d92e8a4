import { describe, expect, it } from 'vitest'
import { ScopeTree, type Scope } from '@/core/access'
import { importBranches, importTeachers } from '@/core/register'

const college: Scope[] = [{ id: 'college', parentId: null, kind: 'college', name: '职业学院' }]
const xgb: Scope = { id: 'xgb', parentId: 'college', kind: 'department', name: '学工部' }

describe('importing branches', () => {
  it('gives each branch a scope of its own under its committee, and fits the college tree', () => {
    const result = importBranches(
      [
        ['支部名称', '所属党委', '书记'],
        ['第一党支部', '', '王书记'],
        ['教工第二支部', '机关党委', ''],
      ],
      'college',
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.subjects).toEqual([
      { id: 'branch:第一党支部', kind: 'branch', scopeId: 'branch:第一党支部', fields: { branch: '第一党支部' }, label: '第一党支部', responsible: '王书记' },
      { id: 'branch:教工第二支部', kind: 'branch', scopeId: 'branch:教工第二支部', fields: { branch: '教工第二支部' }, label: '教工第二支部' },
    ])
    expect(result.value.scopes.map((s) => `${s.kind}:${s.id}<${s.parentId}`)).toEqual([
      'committee:committee:党委<college',
      'branch:branch:第一党支部<committee:党委',
      'committee:committee:机关党委<college',
      'branch:branch:教工第二支部<committee:机关党委',
    ])
    expect(ScopeTree.build([...college, ...result.value.scopes]).ok).toBe(true)
  })

  it.each([
    ['a missing branch', [['支部名称'], ['']], 'noBranches'],
    ['a missing branch among others', [['支部名称', '书记'], ['', '王书记'], ['第一党支部', '']], 'missingBranch'],
    ['a branch twice', [['支部名称'], ['第一党支部'], ['第一党支部']], 'duplicateBranch'],
    ['no header', [['名单'], ['第一党支部']], 'noBranchHeader'],
  ])('refuses %s and imports nothing', (_, grid, code) => {
    const result = importBranches(grid, 'college')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual([code])
  })
})

describe('importing teachers', () => {
  it('puts teachers in the chosen department when the sheet names none', () => {
    const result = importTeachers([['工号', '姓名'], ['T001', '张三'], ['T002', '张三']], 'xgb')
    expect(result.ok && result.value).toEqual({
      subjects: [
        { id: 'teacher:T001', kind: 'teacher', scopeId: 'xgb', fields: { teacher: '张三' }, label: '张三' },
        { id: 'teacher:T002', kind: 'teacher', scopeId: 'xgb', fields: { teacher: '张三' }, label: '张三' },
      ],
      scopes: [],
    })
  })

  it('makes department scopes under the college when the sheet names departments', () => {
    const result = importTeachers([['姓名', '所在部门'], ['李四', '机电系'], ['王五', '信息系'], ['赵六', '机电系']], 'college')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.subjects.map((s) => `${s.id}@${s.scopeId}:${s.label}`)).toEqual(['teacher:机电系/李四@department:机电系:李四（机电系）', 'teacher:信息系/王五@department:信息系:王五（信息系）', 'teacher:机电系/赵六@department:机电系:赵六（机电系）'])
    expect(result.value.subjects[0]!.fields).toEqual({ teacher: '李四', department: '机电系' })
    expect(ScopeTree.build([...college, xgb, ...result.value.scopes]).ok).toBe(true)
  })

  it.each([
    ['two teachers alike without staff numbers', [['姓名', '所在部门'], ['李四', '机电系'], ['李四', '机电系']], 'duplicateTeacher', '/2/0'],
    ['a repeated staff number', [['工号', '姓名'], ['T1', '李四'], ['T1', '王五']], 'duplicateTeacher', '/2/0'],
    ['a missing department in a sheet that names them', [['姓名', '部门'], ['李四', '']], 'missingDepartment', '/1/1'],
    ['a missing name', [['姓名', '工号'], ['', 'T1']], 'missingTeacher', '/1/0'],
  ])('refuses %s, naming the cell', (_, grid, code, pointer) => {
    const result = importTeachers(grid, 'college')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => [i.code, i.pointer])).toEqual([[code, pointer]])
  })
})
