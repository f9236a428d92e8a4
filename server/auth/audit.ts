/**
 * The audit log: who did what, when. Written in the same transaction as the change it records,
 * so an entry exists exactly when the change does. Actions used so far: login, loginFailed,
 * lockout, addressLockout, logout, userCreated, userUpdated, roleChange, userDisabled,
 * userEnabled, passwordChanged, deviceRevoked; the sync service adds publish and merge; scopes
 * add scopeCreated, scopeUpdated, roleChange with `op: 'grant' | 'revoke'` for role grants, and
 * publishScopes (where a template is published); plans add planCreated and planUpdated, the
 * register registerImport (and scopeCreated with `via: 'register'`), the users import
 * userCreated and roleChange with `via: 'import'`; cycles add cycleCreated, cycleUpdated and
 * cycleReleased (with the reviews it released), reviews reviewReleased.
 */
import type { Queryable } from '../db/types'

export interface AuditFields {
  /** The user the entry is about, or who acted (null when unknown, e.g. an unknown username). */
  userId?: string | null
  deviceId?: string | null
  /** Anything else worth keeping: JSON, no secrets (never a password or token). */
  detail?: Record<string, unknown>
  /** Defaults to the database's clock; the server passes its own `now` so tests can move time. */
  at?: Date
}

export async function audit(tx: Queryable, action: string, fields: AuditFields = {}): Promise<void> {
  await tx.query('insert into audit_log (at, action, user_id, device_id, detail) values (coalesce($1, now()), $2, $3, $4, $5)', [
    fields.at ?? null,
    action,
    fields.userId ?? null,
    fields.deviceId ?? null,
    JSON.stringify(fields.detail ?? {}),
  ])
}
