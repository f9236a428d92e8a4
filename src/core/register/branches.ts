/**
 * A list of Party branches from a spreadsheet (支部名称, optionally 所属党委 and 书记): each branch
 * is a register subject in a scope of its own, under its Party committee's scope, so a branch's
 * self-assessment and its reviews land where the committee and the branch's own people see them.
 */
import type { Scope } from '../access/scopes'
import { fail, ok, type Issue, type Result } from '../result'
import type { RegisterImport, RegisterSubject } from './types'
import { cellIssue, findHeader, headerOf } from './sheet'

export const BRANCH_COLUMNS = ['branch', 'committee', 'responsible'] as const
export type BranchColumn = (typeof BRANCH_COLUMNS)[number]

const HEADER_WORDS = {
  branch: ['支部名称', '党支部', '支部', 'branch'],
  committee: ['所属党委', '党委', '上级党组织', '党总支', 'committee'],
  responsible: ['书记', '支部书记', '负责人', 'secretary', 'responsible'],
} as const satisfies Record<BranchColumn, readonly string[]>
const REQUIRED = ['branch'] as const satisfies readonly BranchColumn[]

/** The committee a sheet without a committee column hangs its branches under. */
export const DEFAULT_COMMITTEE = '党委'

export function importBranches(grid: readonly (readonly string[])[], collegeId: string): Result<RegisterImport> {
  const headerRow = findHeader(grid, HEADER_WORDS, REQUIRED)
  if (headerRow < 0) {
    return fail([{ code: 'noBranchHeader', pointer: '', severity: 'error', message: { 'zh-CN': '找不到表头：需要“支部名称”一列。', en: 'No header row: the sheet needs a branch column.' } }])
  }
  const cols = headerOf(grid[headerRow]!, HEADER_WORDS, REQUIRED)!
  const issues: Issue[] = []
  const subjects: RegisterSubject[] = []
  const scopes = new Map<string, Scope>()
  const seen = new Map<string, number>()
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r]!
    if (row.every((c) => c.trim() === '')) continue
    const cell = (c: BranchColumn): string => (cols[c] === undefined ? '' : (row[cols[c]!] ?? '').trim())
    const branch = cell('branch')
    if (branch === '') {
      issues.push(cellIssue('missingBranch', r, cols.branch!, '缺少支部名称。', 'the branch is missing.'))
      continue
    }
    const id = `branch:${branch}`
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      issues.push(cellIssue('duplicateBranch', r, cols.branch!, `${branch} 与第 ${earlier + 1} 行重复。`, `${branch} repeats row ${earlier + 1}.`))
      continue
    }
    seen.set(id, r)
    const committee = cell('committee') || DEFAULT_COMMITTEE
    const committeeId = `committee:${committee}`
    if (!scopes.has(committeeId)) scopes.set(committeeId, { id: committeeId, parentId: collegeId, kind: 'committee', name: committee })
    scopes.set(id, { id, parentId: committeeId, kind: 'branch', name: branch })
    const responsible = cell('responsible')
    subjects.push({ id, kind: 'branch', scopeId: id, fields: { branch }, label: branch, ...(responsible !== '' && { responsible }) })
  }
  if (issues.length > 0) return fail(issues)
  if (subjects.length === 0) return fail([{ code: 'noBranches', pointer: '', severity: 'error', message: { 'zh-CN': '表中没有党支部。', en: 'The sheet lists no branches.' } }])
  return ok({ subjects, scopes: [...scopes.values()] })
}
