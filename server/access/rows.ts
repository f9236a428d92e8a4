/** Rows of the access tables and their API shapes. */
import type { Role } from '@/core/access'
import type { GrantSummary } from '@/core/sync/protocol'

export interface GrantRow {
  id: string
  user_id: string
  username: string
  role: Role
  scope_id: string
  granted_at: Date | string
}

export const GRANT_SELECT = 'select g.id, g.user_id, u.username, g.role, g.scope_id, g.granted_at from role_grants g join users u on u.id = g.user_id'

export function grantSummary(row: GrantRow): GrantSummary {
  return { id: row.id, userId: row.user_id, username: row.username, role: row.role, scopeId: row.scope_id, grantedAt: new Date(row.granted_at).toISOString() }
}
