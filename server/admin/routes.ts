/** The admin API: users, devices and the audit log. Every route is for admins only. */
import type { FastifyInstance } from 'fastify'
import { ACCOUNT_ROLES, API, type AccountRole, type AuditEntry, type DeviceSummary, type UserSummary } from '@/core/sync/protocol'
import type { Db, Queryable } from '../db/types'
import { requireAdmin } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { idParams, shortText, username } from '../http/schemas'
import { audit } from '../auth/audit'
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords'
import { auditEntry, type AuditRow, DEVICE_SELECT, deviceSummary, type DeviceRow, USER_COLUMNS, userSummary, type UserRow } from './rows'

export const password = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH } as const
const role = { type: 'string', enum: ACCOUNT_ROLES } as const

const createUserBody = {
  type: 'object',
  required: ['username', 'displayName', 'role', 'password'],
  additionalProperties: false,
  properties: { username, displayName: shortText(100), role, password },
} as const

const patchUserBody = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { role, disabled: { type: 'boolean' }, password, displayName: shortText(100) },
} as const

const auditQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
} as const

interface CreateUser {
  username: string
  displayName: string
  role: AccountRole
  password: string
}
interface PatchUser {
  role?: AccountRole
  disabled?: boolean
  password?: string
  displayName?: string
}

const notFound = (what: 'user' | 'device') =>
  new ApiHttpError(404, `${what}NotFound`, what === 'user' ? { 'zh-CN': '没有这个用户。', en: 'No such user.' } : { 'zh-CN': '没有这台设备。', en: 'No such device.' })

/** An admin who is about to stop being one (demoted or disabled) must not be the last one. */
async function guardLastAdmin(tx: Queryable, userId: string): Promise<void> {
  // Locks every active admin row, so two admins demoting each other at once take turns.
  const admins = await tx.query<{ id: string }>("select id from users where role = 'admin' and not disabled for update")
  if (admins.some((a) => a.id === userId) && admins.length <= 1) {
    throw new ApiHttpError(409, 'lastAdmin', {
      'zh-CN': '这是最后一位可用的管理员，不能降级或停用。请先指定另一位管理员。',
      en: 'This is the last active administrator and cannot be demoted or disabled. Make someone else an administrator first.',
    })
  }
}

export async function adminRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  app.get(API.users, async (request): Promise<UserSummary[]> => {
    requireAdmin(request)
    const rows = await db.query<UserRow>(`select ${USER_COLUMNS} from users order by lower(username)`)
    return rows.map(userSummary)
  })

  app.post<{ Body: CreateUser }>(API.users, { schema: { body: createUserBody } }, async (request, reply): Promise<UserSummary> => {
    const admin = requireAdmin(request)
    const body = request.body
    const passwordHash = await hashPassword(body.password)
    const created = await db.transaction(async (tx) => {
      const rows = await tx.query<UserRow>(
        `insert into users (id, username, display_name, role, password_hash) values ($1, $2, $3, $4, $5)
         on conflict (lower(username)) do nothing returning ${USER_COLUMNS}`,
        [crypto.randomUUID(), body.username, body.displayName.trim(), body.role, passwordHash],
      )
      const row = rows[0]
      if (row) await audit(tx, 'userCreated', { userId: row.id, deviceId: admin.deviceId, at: now(), detail: { by: admin.userId, username: row.username, role: row.role } })
      return row
    })
    if (!created) throw new ApiHttpError(409, 'usernameTaken', { 'zh-CN': '该用户名已被使用（不区分大小写）。', en: 'This username is taken (case does not matter).' }, { pointer: '/username' })
    reply.code(201)
    return userSummary(created)
  })

  app.patch<{ Params: { id: string }; Body: PatchUser }>(`${API.users}/:id`, { schema: { params: idParams, body: patchUserBody } }, async (request): Promise<UserSummary> => {
    const admin = requireAdmin(request)
    const { id } = request.params
    const body = request.body
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password)
    const at = now()
    return db.transaction(async (tx) => {
      const [before] = await tx.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1 for update`, [id])
      if (!before) throw notFound('user')
      const demoted = before.role === 'admin' && body.role !== undefined && body.role !== 'admin'
      const disabling = body.disabled === true && !before.disabled
      if (before.role === 'admin' && !before.disabled && (demoted || disabling)) await guardLastAdmin(tx, id)

      const [after] = await tx.query<UserRow>(
        `update users set role = coalesce($2, role), disabled = coalesce($3, disabled),
                password_hash = coalesce($4, password_hash), display_name = coalesce($5, display_name)
          where id = $1 returning ${USER_COLUMNS}`,
        [id, body.role ?? null, body.disabled ?? null, passwordHash ?? null, body.displayName?.trim() ?? null],
      )
      const by = { by: admin.userId }
      if (body.role !== undefined && body.role !== before.role) await audit(tx, 'roleChange', { userId: id, deviceId: admin.deviceId, at, detail: { ...by, from: before.role, to: body.role } })
      if (disabling) await audit(tx, 'userDisabled', { userId: id, deviceId: admin.deviceId, at, detail: by })
      if (body.disabled === false && before.disabled) await audit(tx, 'userEnabled', { userId: id, deviceId: admin.deviceId, at, detail: by })
      if (body.displayName !== undefined && body.displayName.trim() !== before.display_name) await audit(tx, 'userUpdated', { userId: id, deviceId: admin.deviceId, at, detail: { ...by, displayName: body.displayName.trim() } })
      if (passwordHash !== undefined) await audit(tx, 'passwordChanged', { userId: id, deviceId: admin.deviceId, at, detail: by })
      // A disabled user is signed out everywhere; a new password signs out every other session
      // (the one making the change stays, so an admin changing their own password is not logged out).
      if (disabling) await tx.query('update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null', [id, at])
      else if (passwordHash !== undefined) {
        await tx.query('update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null and token_hash <> $3', [id, at, request.authSession!.tokenHash])
      }
      return userSummary(after!)
    })
  })

  app.get(API.devices, async (request): Promise<DeviceSummary[]> => {
    requireAdmin(request)
    const rows = await db.query<DeviceRow>(`${DEVICE_SELECT} order by d.last_seen_at desc, d.id`)
    return rows.map(deviceSummary)
  })

  app.post<{ Params: { id: string } }>(`${API.devices}/:id/revoke`, { schema: { params: idParams } }, async (request): Promise<DeviceSummary> => {
    const admin = requireAdmin(request)
    const { id } = request.params
    const at = now()
    return db.transaction(async (tx) => {
      const updated = await tx.query<{ id: string; user_id: string; was: Date | null }>(
        `update devices d set revoked_at = coalesce(d.revoked_at, $2) from devices old
          where d.id = $1 and old.id = d.id returning d.id, d.user_id, old.revoked_at as was`,
        [id, at],
      )
      if (updated.length === 0) throw notFound('device')
      await tx.query('update sessions set revoked_at = $2 where device_id = $1 and revoked_at is null', [id, at])
      if (updated[0]!.was === null) await audit(tx, 'deviceRevoked', { userId: updated[0]!.user_id, deviceId: id, at, detail: { by: admin.userId } })
      const [row] = await tx.query<DeviceRow>(`${DEVICE_SELECT} where d.id = $1`, [id])
      return deviceSummary(row!)
    })
  })

  app.get<{ Querystring: { limit: number } }>(API.audit, { schema: { querystring: auditQuery } }, async (request): Promise<AuditEntry[]> => {
    requireAdmin(request)
    const rows = await db.query<AuditRow>(
      `select a.id, a.at, a.action, a.user_id, u.username, a.device_id, a.detail
         from audit_log a left join users u on u.id = a.user_id
        order by a.id desc limit $1`,
      [request.query.limit],
    )
    return rows.map(auditEntry)
  })
}
