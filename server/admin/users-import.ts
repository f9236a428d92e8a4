/**
 * Accounts and their grants from a sheet (POST /api/admin/users/import): account administrators
 * only. Each row names an account and one role on one scope (by id, or by a name only one scope
 * has); a missing account is created as a member, with the row's password or one made here and
 * returned once. Every row is checked before anything is written, and one bad row refuses the
 * sheet with every row's issues (`/users/3/scope`). Audited as `userCreated` and `roleChange`,
 * in the same transaction.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { ROLES, type Scope } from '@/core/access'
import { pointer, type Issue } from '@/core/result'
import { API, type UserImportRow, type UsersImportRequest, type UsersImportResult } from '@/core/sync/protocol'
import type { Db } from '../db/types'
import { readScopes } from '../access/load'
import { audit } from '../auth/audit'
import { hashPassword } from '../auth/passwords'
import { requireAdmin } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { cleanText, recordId, username } from '../http/schemas'
import { password } from './routes'

/** Rows of one sheet: a college's staff, with hashing (deliberately slow) kept within a request's time. */
export const MAX_IMPORT_USERS = 500

const importBody = {
  type: 'object',
  required: ['users'],
  additionalProperties: false,
  properties: {
    users: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_IMPORT_USERS,
      items: {
        type: 'object',
        required: ['username', 'displayName', 'role', 'scope'],
        additionalProperties: false,
        properties: { username, displayName: cleanText(100), role: { type: 'string', enum: ROLES }, scope: recordId(200), password },
      },
    },
  },
} as const

function rowIssue(code: string, row: number, field: keyof UserImportRow, zh: string, en: string, params: Issue['params'] = {}): Issue {
  return { code, pointer: pointer('users', row, field), severity: 'error', message: { 'zh-CN': `第 ${row + 1} 行：${zh}`, en: `Row ${row + 1}: ${en}` }, params: { row: row + 1, ...params } }
}

/** The scope a row names: its id, else the one scope with that name. */
function resolveScope(scopes: readonly Scope[], text: string, row: number): { scopeId: string } | { issue: Issue } {
  const wanted = text.trim()
  if (scopes.some((s) => s.id === wanted)) return { scopeId: wanted }
  const named = scopes.filter((s) => s.name === wanted)
  if (named.length === 1) return { scopeId: named[0]!.id }
  if (named.length === 0) return { issue: rowIssue('scopeNotFound', row, 'scope', `没有编号或名称为“${wanted}”的范围。`, `no scope has the id or name "${wanted}".`, { scope: wanted }) }
  const ids = named.map((s) => s.id).join(', ')
  return { issue: rowIssue('ambiguousScope', row, 'scope', `有 ${named.length} 个范围都叫“${wanted}”（${ids}），请填写范围编号。`, `${named.length} scopes are named "${wanted}" (${ids}): give the scope's id.`, { scope: wanted, ids }) }
}

interface Planned {
  /** Accounts to create, by lower-case username: the first row that names each. */
  create: Map<string, { row: UserImportRow; password: string; generated: boolean }>
  grants: { key: string; role: UserImportRow['role']; scopeId: string }[]
}

/** Every row checked against the scopes and the accounts as they are; issues, or what to write. */
async function plan(db: Db, rows: readonly UserImportRow[]): Promise<{ issues: Issue[] } | Planned> {
  const scopes = await readScopes(db)
  const keys = rows.map((r) => r.username.toLowerCase())
  const existing = new Set((await db.query<{ key: string }>('select lower(username) as key from users where lower(username) = any($1::text[])', [keys])).map((r) => r.key))
  const issues: Issue[] = []
  const out: Planned = { create: new Map(), grants: [] }
  rows.forEach((row, i) => {
    const key = keys[i]!
    const where = resolveScope(scopes, row.scope, i)
    if ('issue' in where) issues.push(where.issue)
    else out.grants.push({ key, role: row.role, scopeId: where.scopeId })
    if (existing.has(key)) {
      // An import never changes who can sign in as an existing account.
      if (row.password !== undefined) issues.push(rowIssue('passwordForExisting', i, 'password', `账号“${row.username}”已存在，导入不会修改它的密码；请删去这一格。`, `the account "${row.username}" exists; an import does not change its password: leave the cell empty.`, { username: row.username }))
    } else if (!out.create.has(key)) {
      out.create.set(key, { row, password: row.password ?? randomBytes(12).toString('base64url'), generated: row.password === undefined })
    }
  })
  return issues.length > 0 ? { issues } : out
}

export async function usersImportRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  app.post<{ Body: UsersImportRequest }>(API.usersImport, { schema: { body: importBody }, bodyLimit: 1024 ** 2 }, async (request): Promise<UsersImportResult> => {
    const admin = requireAdmin(request)
    const planned = await plan(db, request.body.users)
    if ('issues' in planned) throw ApiHttpError.of(400, planned.issues as [Issue, ...Issue[]])
    // Hashing is slow on purpose: done before the transaction, which then only writes.
    const hashes = new Map(await Promise.all([...planned.create].map(async ([key, c]) => [key, await hashPassword(c.password)] as const)))
    const at = now()
    return db.transaction(async (tx) => {
      const ids = new Map<string, string>()
      const result: UsersImportResult = { created: [], granted: [] }
      for (const [key, { row, password: chosen, generated }] of planned.create) {
        const [made] = await tx.query<{ id: string }>(
          `insert into users (id, username, display_name, role, password_hash, created_at) values ($1, $2, $3, 'member', $4, $5)
           on conflict (lower(username)) do nothing returning id`,
          [crypto.randomUUID(), row.username, row.displayName.trim(), hashes.get(key)!, at],
        )
        // Created by someone else since the rows were checked: refuse rather than hand out a password that does not work.
        if (!made) throw new ApiHttpError(409, 'usernameTaken', { 'zh-CN': `用户名“${row.username}”刚被占用，请重新导入。`, en: `The username "${row.username}" was just taken: import again.` }, { pointer: pointer('users', request.body.users.indexOf(row), 'username') })
        ids.set(key, made.id)
        result.created.push({ username: row.username, ...(generated && { password: chosen }) })
        await audit(tx, 'userCreated', { userId: made.id, deviceId: admin.deviceId, at, detail: { by: admin.userId, username: row.username, role: 'member', via: 'import' } })
      }
      const others = await tx.query<{ id: string; username: string; key: string }>('select id, username, lower(username) as key from users where lower(username) = any($1::text[])', [planned.grants.map((g) => g.key).filter((k) => !ids.has(k))])
      const existing = new Map(others.map((o) => [o.key, o]))
      const granted = new Set<string>()
      for (const g of planned.grants) {
        const userId = ids.get(g.key) ?? existing.get(g.key)!.id
        const inserted = await tx.query(
          'insert into role_grants (id, user_id, role, scope_id, granted_at) values ($1, $2, $3, $4, $5) on conflict (user_id, role, scope_id) do nothing returning id',
          [crypto.randomUUID(), userId, g.role, g.scopeId, at],
        )
        if (inserted.length === 0) continue
        await audit(tx, 'roleChange', { userId, deviceId: admin.deviceId, at, detail: { by: admin.userId, op: 'grant', role: g.role, scopeId: g.scopeId, via: 'import' } })
        if (!ids.has(g.key)) granted.add(existing.get(g.key)!.username)
      }
      result.granted = [...granted]
      return result
    })
  })
}
