/**
 * A list of people from a spreadsheet (用户名 / 姓名 / 角色 / 范围, optionally 初始密码): the
 * accounts a team server should create and the role each holds on a scope. A person with several
 * roles has several rows. Like the room list: every problem names its cell, and one problem
 * anywhere means nothing is imported.
 */
import { ROLES, type Role } from '../access/roles'
import { fail, ok, type Issue, type Result } from '../result'
import type { UserImportRow } from '../sync/protocol'
import { cellIssue, clean, findHeader, headerOf } from './sheet'

export const PEOPLE_COLUMNS = ['username', 'displayName', 'role', 'scope', 'password'] as const
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number]

const HEADER_WORDS = {
  username: ['用户名', '账号', '帐号', '工号', 'username', 'user'],
  displayName: ['姓名', '名字', '显示名', 'name', 'displayname'],
  role: ['角色', '身份', 'role'],
  scope: ['范围', '负责范围', '所属范围', '单位', 'scope'],
  password: ['初始密码', '密码', 'password'],
} as const satisfies Record<PeopleColumn, readonly string[]>
const REQUIRED = ['username', 'displayName', 'role', 'scope'] as const satisfies readonly PeopleColumn[]

/** What people write in the role column, in either language. */
const ROLE_WORDS: Record<Role, readonly string[]> = {
  admin: ['管理员', 'admin', 'administrator'],
  designer: ['模板设计', '设计', '设计者', 'designer'],
  inspector: ['检查员', '检查', '检查人', 'inspector'],
  reviewer: ['评审员', '评审', '评委', 'reviewer'],
  viewer: ['查看者', '查看', '只读', 'viewer'],
}

export function roleFromText(text: string): Role | undefined {
  const c = clean(text)
  return ROLES.find((r) => ROLE_WORDS[r].some((w) => clean(w) === c))
}

/** The server's rules for a username and a password (server/admin/routes.ts). */
const USERNAME = /^[\p{L}\p{N}._-]{1,64}$/u
const MIN_PASSWORD = 8
const MAX_PASSWORD = 200

export function importPeople(grid: readonly (readonly string[])[]): Result<UserImportRow[]> {
  const headerRow = findHeader(grid, HEADER_WORDS, REQUIRED)
  if (headerRow < 0) {
    return fail([{ code: 'noPeopleHeader', pointer: '', severity: 'error', message: { 'zh-CN': '找不到表头：需要“用户名”“姓名”“角色”“范围”四列。', en: 'No header row: the sheet needs username, name, role and scope columns.' } }])
  }
  const cols = headerOf(grid[headerRow]!, HEADER_WORDS, REQUIRED)!
  const issues: Issue[] = []
  const rows: UserImportRow[] = []
  const names = new Map<string, { name: string; row: number }>()
  const seen = new Map<string, number>()
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r]!
    if (row.every((c) => c.trim() === '')) continue
    const cell = (c: PeopleColumn): string => (cols[c] === undefined ? '' : (row[cols[c]!] ?? '').trim())
    const at = (c: PeopleColumn): number => cols[c] ?? cols.username!
    const before = issues.length
    const username = cell('username')
    const displayName = cell('displayName')
    const scope = cell('scope')
    const password = cell('password')
    const role = roleFromText(cell('role'))
    if (!USERNAME.test(username)) {
      issues.push(cellIssue('badUsername', r, at('username'), `用户名“${username}”只能由文字、数字和 . _ - 组成（1–64 个字符）。`, `the username "${username}" may hold letters, digits and . _ - only (1–64 characters).`))
    }
    if (displayName === '') issues.push(cellIssue('missingName', r, at('displayName'), '缺少姓名。', 'the name is missing.'))
    if (!role) issues.push(cellIssue('unknownRole', r, at('role'), `不认识角色“${cell('role')}”：可填 管理员、模板设计、检查员、评审员、查看者。`, `unknown role "${cell('role')}": use admin, designer, inspector, reviewer or viewer.`))
    if (scope === '') issues.push(cellIssue('missingScope', r, at('scope'), '缺少范围（如“3号楼3层”或范围编号）。', 'the scope is missing (a scope name such as "3号楼3层", or its id).'))
    if (password !== '' && (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD)) {
      issues.push(cellIssue('badPassword', r, at('password'), `初始密码需要 ${MIN_PASSWORD}–${MAX_PASSWORD} 个字符；留空则由服务器生成。`, `an initial password needs ${MIN_PASSWORD}–${MAX_PASSWORD} characters; leave it empty to have the server make one.`))
    }
    const key = clean(username)
    const named = names.get(key)
    if (named && displayName !== '' && named.name !== displayName) {
      issues.push(cellIssue('nameDiffers', r, at('displayName'), `“${username}”在第 ${named.row + 1} 行的姓名是“${named.name}”。`, `"${username}" is named "${named.name}" in row ${named.row + 1}.`))
    }
    const grant = `${key}|${role}|${scope}`
    const earlier = seen.get(grant)
    if (earlier !== undefined) issues.push(cellIssue('duplicatePerson', r, at('username'), `与第 ${earlier + 1} 行重复。`, `repeats row ${earlier + 1}.`))
    if (issues.length > before || !role) continue
    if (!named) names.set(key, { name: displayName, row: r })
    seen.set(grant, r)
    rows.push({ username, displayName, role, scope, ...(password !== '' && { password }) })
  }
  if (issues.length > 0) return fail(issues)
  if (rows.length === 0) return fail([{ code: 'noPeople', pointer: '', severity: 'error', message: { 'zh-CN': '表中没有人员。', en: 'The sheet lists no people.' } }])
  return ok(rows)
}
