/** Database rows of the admin API and their API shapes (protocol.ts). */
import type { AccountRole, AuditEntry, DeviceSummary, UserSummary } from '@/core/sync/protocol'

export interface UserRow {
  id: string
  username: string
  display_name: string
  role: AccountRole
  disabled: boolean
  created_at: Date
  last_login_at: Date | null
}
export const USER_COLUMNS = 'id, username, display_name, role, disabled, created_at, last_login_at'

const iso = (value: Date | string): string => new Date(value).toISOString()

export function userSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled,
    createdAt: iso(row.created_at),
    ...(row.last_login_at && { lastLoginAt: iso(row.last_login_at) }),
  }
}

export interface DeviceRow {
  id: string
  name: string
  user_id: string
  username: string
  created_at: Date
  last_seen_at: Date
  last_sync_at: Date | null
  revoked_at: Date | null
}
// The last push or pull, as sync records them per device (devices.last_sync_at, from before sync
// existed, is never written).
export const DEVICE_SELECT = `select d.id, d.name, d.user_id, u.username, d.created_at, d.last_seen_at,
       greatest(ds.last_push_at, ds.last_pull_at) as last_sync_at, d.revoked_at
  from devices d join users u on u.id = d.user_id left join device_sync ds on ds.device_id = d.id`

export function deviceSummary(row: DeviceRow): DeviceSummary {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    username: row.username,
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    ...(row.last_sync_at && { lastSyncAt: iso(row.last_sync_at) }),
    revoked: row.revoked_at !== null,
  }
}

export interface AuditRow {
  id: number
  at: Date
  action: string
  user_id: string | null
  username: string | null
  device_id: string | null
  detail: Record<string, unknown> | string
}

export function auditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: iso(row.at),
    action: row.action,
    ...(row.user_id && { userId: row.user_id }),
    ...(row.username && { username: row.username }),
    ...(row.device_id && { deviceId: row.device_id }),
    detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail,
  }
}
