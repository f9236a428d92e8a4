/**
 * A list of teachers from a spreadsheet (姓名, optionally 工号 and 所在部门): the subjects of the
 * teacher-conduct negative list (师德师风负面清单) and any per-teacher assessment. A teacher's
 * records belong to the department's scope: the one chosen for the import, or with a 所在部门
 * column, a department scope of that name under the chosen college.
 */
import type { Scope } from '../access/scopes'
import { fail, ok, type Issue, type Result } from '../result'
import type { RegisterImport, RegisterSubject } from './types'
import { cellIssue, findHeader, headerOf } from './sheet'

export const TEACHER_COLUMNS = ['teacher', 'staffId', 'department'] as const
export type TeacherColumn = (typeof TEACHER_COLUMNS)[number]

const HEADER_WORDS = {
  teacher: ['教师姓名', '姓名', '教师', 'teacher', 'name'],
  staffId: ['工号', '职工号', '教工号', 'staffid', 'id'],
  department: ['所在部门', '部门', '院系', '系部', 'department'],
} as const satisfies Record<TeacherColumn, readonly string[]>
const REQUIRED = ['teacher'] as const satisfies readonly TeacherColumn[]

/**
 * `parentId`: the department the teachers belong to, or, when the sheet names departments, the
 * college their department scopes go under.
 */
export function importTeachers(grid: readonly (readonly string[])[], parentId: string): Result<RegisterImport> {
  const headerRow = findHeader(grid, HEADER_WORDS, REQUIRED)
  if (headerRow < 0) {
    return fail([{ code: 'noTeacherHeader', pointer: '', severity: 'error', message: { 'zh-CN': '找不到表头：需要“姓名”一列。', en: 'No header row: the sheet needs a name column.' } }])
  }
  const cols = headerOf(grid[headerRow]!, HEADER_WORDS, REQUIRED)!
  const byDepartment = cols.department !== undefined
  const issues: Issue[] = []
  const subjects: RegisterSubject[] = []
  const scopes = new Map<string, Scope>()
  const seen = new Map<string, number>()
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r]!
    if (row.every((c) => c.trim() === '')) continue
    const cell = (c: TeacherColumn): string => (cols[c] === undefined ? '' : (row[cols[c]!] ?? '').trim())
    const teacher = cell('teacher')
    const department = cell('department')
    const staffId = cell('staffId')
    if (teacher === '') issues.push(cellIssue('missingTeacher', r, cols.teacher!, '缺少姓名。', 'the name is missing.'))
    if (byDepartment && department === '') issues.push(cellIssue('missingDepartment', r, cols.department!, '缺少所在部门。', 'the department is missing.'))
    if (teacher === '' || (byDepartment && department === '')) continue
    // Two teachers may share a name; a staff number tells them apart, else name and department.
    const id = staffId !== '' ? `teacher:${staffId}` : `teacher:${department}/${teacher}`
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      const col = staffId !== '' ? cols.staffId! : cols.teacher!
      issues.push(cellIssue('duplicateTeacher', r, col, `与第 ${earlier + 1} 行是同一人；同名教师请填写工号。`, `the same person as row ${earlier + 1}; give teachers who share a name their staff numbers.`))
      continue
    }
    seen.set(id, r)
    let scopeId = parentId
    if (byDepartment) {
      scopeId = `department:${department}`
      if (!scopes.has(scopeId)) scopes.set(scopeId, { id: scopeId, parentId, kind: 'department', name: department })
    }
    const label = department !== '' ? `${teacher}（${department}）` : teacher
    subjects.push({ id, kind: 'teacher', scopeId, fields: { teacher, ...(department !== '' && { department }) }, label })
  }
  if (issues.length > 0) return fail(issues)
  if (subjects.length === 0) return fail([{ code: 'noTeachers', pointer: '', severity: 'error', message: { 'zh-CN': '表中没有教师。', en: 'The sheet lists no teachers.' } }])
  return ok({ subjects, scopes: [...scopes.values()] })
}
