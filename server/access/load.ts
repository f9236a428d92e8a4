/**
 * What an account may do, read from the database per request (no process cache: any server
 * process answers any device, and a revoked grant must count from the next request on).
 *
 * While no scope exists the deployment has not adopted scopes: `open`, every signed-in member may
 * read and write every record, as before issue #14. Once one scope exists every record is scoped.
 */
import { ScopeTree, type Grant, type Role, type Scope, type ScopeKind } from '@/core/access'
import type { Queryable } from '../db/types'
import type { SessionInfo } from '@/core/sync/protocol'
import type { RequestAccount } from '../http/account'

export type Access =
  | { kind: 'open' }
  | {
      kind: 'scoped'
      tree: ScopeTree
      /** The account's grants, oldest first; an account admin's include admin on every root. */
      grants: Grant[]
      /** users.role = 'admin': may everything, records without a scope included. */
      admin: boolean
    }

interface ScopeRow {
  id: string
  parent_id: string | null
  kind: ScopeKind
  name: string
}

export const toScope = (r: ScopeRow): Scope => ({ id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name })

export async function readScopes(q: Queryable): Promise<Scope[]> {
  const rows = await q.query<ScopeRow>('select id, parent_id, kind, name from scopes order by created_at, id')
  return rows.map(toScope)
}

/**
 * What loadAccess reads, as two JSON arrays (`scopes`, `grants`) for a statement that has more to
 * do (the push reads them with its record locks, server/sync/push.ts). `$user`: the account's id.
 */
export const ACCESS_JSON = (user: string): string => `
  (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'parent_id', parent_id, 'kind', kind, 'name', name) order by created_at, id), '[]'::jsonb) from scopes) as scopes,
  (select coalesce(jsonb_agg(jsonb_build_object('role', role, 'scope_id', scope_id) order by granted_at, scope_id, role), '[]'::jsonb)
     from role_grants where user_id = ${user}::uuid) as grants`

export type GrantRow = { role: Role; scope_id: string }

/** `account`: only who it is and whether it administers accounts matter here. */
export async function loadAccess(q: Queryable, account: Pick<RequestAccount, 'userId' | 'role'>): Promise<Access> {
  const scopes = await readScopes(q)
  if (scopes.length === 0) return { kind: 'open' }
  const rows = await q.query<GrantRow>('select role, scope_id from role_grants where user_id = $1 order by granted_at, scope_id, role', [account.userId])
  return accessFrom(scopes, rows, account)
}

/** The access of `account` from its stored scopes (in creation order) and grant rows. */
export function accessFrom(scopes: readonly Scope[], rows: readonly GrantRow[], account: Pick<RequestAccount, 'userId' | 'role'>): Access {
  if (scopes.length === 0) return { kind: 'open' }
  const built = ScopeTree.build(scopes)
  // Every write goes through ScopeTree.build first, so a bad stored tree is a server fault.
  if (!built.ok) throw new Error(`the stored scope tree is invalid: ${built.issues.map((i) => i.code).join(', ')}`)
  const grants: Grant[] = rows.map((r) => ({ userId: account.userId, role: r.role, scopeId: r.scope_id }))
  const admin = account.role === 'admin'
  if (admin) for (const s of scopes) if (s.parentId === null) grants.push({ userId: account.userId, role: 'admin', scopeId: s.id })
  return { kind: 'scoped', tree: built.value, grants, admin }
}

/**
 * The grants of several users at once, as loadAccess derives them for each (an account
 * administrator holds admin on every root): who may fill where, when a plan assigns them.
 * Users that do not exist are absent from the map.
 */
export async function grantsOfUsers(q: Queryable, userIds: readonly string[], roots: readonly string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>()
  if (userIds.length === 0) return out
  const rows = await q.query<{ user_id: string; role: Role | null; scope_id: string | null; admin: boolean }>(
    `select u.id as user_id, g.role, g.scope_id, u.role = 'admin' as admin
       from users u left join role_grants g on g.user_id = u.id
      where u.id = any($1::uuid[])
      order by g.granted_at, g.scope_id, g.role`,
    [userIds],
  )
  for (const r of rows) {
    if (!out.has(r.user_id)) out.set(r.user_id, r.admin ? roots.map((scopeId) => ({ userId: r.user_id, role: 'admin', scopeId })) : [])
    if (r.role !== null && r.scope_id !== null) out.get(r.user_id)!.push({ userId: r.user_id, role: r.role, scopeId: r.scope_id })
  }
  return out
}

/**
 * What a session reports of its access: the roles (SessionInfo.grants), the account administrator's
 * admin on every root included, so a device shows what its user may do; and the names of the
 * scopes they cover, at and under each grant, so its forms name scopes rather than show ids.
 * Empty while no scope exists.
 */
export async function sessionAccess(q: Queryable, account: Pick<RequestAccount, 'userId' | 'role'>): Promise<Pick<SessionInfo, 'grants' | 'scopeNames'>> {
  const access = await loadAccess(q, account)
  if (access.kind === 'open') return {}
  const scopeNames: Record<string, string> = {}
  for (const g of access.grants) for (const id of access.tree.subtree(g.scopeId)) scopeNames[id] = access.tree.get(id)!.name
  return { grants: access.grants.map((g) => ({ role: g.role, scopeId: g.scopeId })), scopeNames }
}
