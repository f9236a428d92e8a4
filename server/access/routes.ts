/**
 * The admin API for scopes and role grants: account administrators only (users.role = 'admin'),
 * writes need the session's CSRF token (server/auth/session.ts) and are audited in the same
 * transaction. Every write to the tree is checked whole by core's ScopeTree.build first: a
 * refused tree answers with core's issues and stores nothing.
 */
import type { FastifyInstance } from 'fastify'
import { ROLES, SCOPE_KINDS, ScopeTree, type Role, type Scope, type ScopeKind } from '@/core/access'
import type { Issue } from '@/core/result'
import { API, type GrantSummary } from '@/core/sync/protocol'
import type { Db, Queryable } from '../db/types'
import { audit } from '../auth/audit'
import { requireAdmin } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { idParams, recordId, shortText, uuid } from '../http/schemas'
import { readScopes, toScope } from './load'
import { GRANT_SELECT, grantSummary, type GrantRow } from './rows'

/** Any fixed number: tree writes take turns, so each is checked against the tree it changes. */
export const SCOPE_LOCK = 7_411_514

/** The id of a scope made here: plain characters, as people type them into the admin page. */
const scopeId = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' } as const
/** A scope referred to: also those a register import made (`floor:3号楼/3`). */
const scopeRef = recordId(200)
const kind = { type: 'string', enum: SCOPE_KINDS } as const
const parentId = { anyOf: [scopeRef, { type: 'null' }] } as const

const createScopeBody = {
  type: 'object',
  required: ['id', 'parentId', 'kind', 'name'],
  additionalProperties: false,
  properties: { id: scopeId, parentId, kind, name: shortText(100) },
} as const
const patchScopeBody = { type: 'object', minProperties: 1, additionalProperties: false, properties: { parentId, kind, name: shortText(100) } } as const
const scopeParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: scopeRef } } as const
const grantBody = {
  type: 'object',
  required: ['userId', 'role', 'scopeId'],
  additionalProperties: false,
  properties: { userId: uuid, role: { type: 'string', enum: ROLES }, scopeId: scopeRef },
} as const
const grantQuery = { type: 'object', additionalProperties: false, properties: { userId: uuid } } as const

interface ScopeRow {
  id: string
  parent_id: string | null
  kind: ScopeKind
  name: string
}
const SCOPE_COLUMNS = 'id, parent_id, kind, name'

const notFound = (what: 'scope' | 'user' | 'grant', pointer = ''): ApiHttpError =>
  new ApiHttpError(
    404,
    `${what}NotFound`,
    { scope: { 'zh-CN': '没有这个范围。', en: 'No such scope.' }, user: { 'zh-CN': '没有这个用户。', en: 'No such user.' }, grant: { 'zh-CN': '没有这项授权。', en: 'No such grant.' } }[what],
    { pointer },
  )

/**
 * Checks the tree as it would be with `target` written, and refuses with core's issues if it is
 * bad. Core points at indexes into the whole tree; an issue about `target` is moved to its field
 * in the request body, one about another scope (a child the change strands) names that scope.
 */
async function checkTree(tx: Queryable, target: Scope, write: 'create' | 'update'): Promise<void> {
  // A new scope joins the tree as it is, so an id already taken is core's duplicateScope.
  const others = (await readScopes(tx)).filter((s) => write === 'create' || s.id !== target.id)
  const tree = [...others, target]
  const built = ScopeTree.build(tree)
  if (built.ok) return
  const moved = built.issues.map((issue): Issue => {
    const [, index, field] = /^\/(\d+)\/(\w+)$/.exec(issue.pointer) ?? []
    const scope = tree[Number(index)]
    if (scope === target || scope === undefined) return { ...issue, pointer: field ? `/${field}` : '' }
    return { ...issue, pointer: '', params: { ...issue.params, scopeId: scope.id, field: field ?? '' } }
  })
  // The written scope's own issues first: `error` then points into the request body.
  const own = (i: Issue): number => (i.params?.scopeId === undefined ? 0 : 1)
  throw ApiHttpError.of(400, [...moved].sort((a, b) => own(a) - own(b)) as [Issue, ...Issue[]])
}

export async function accessRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  app.get(API.scopes, async (request): Promise<Scope[]> => {
    requireAdmin(request)
    return readScopes(db)
  })

  app.post<{ Body: Scope }>(API.scopes, { schema: { body: createScopeBody } }, async (request, reply): Promise<Scope> => {
    const admin = requireAdmin(request)
    const scope: Scope = { ...request.body, name: request.body.name.trim() }
    const created = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [SCOPE_LOCK])
      await checkTree(tx, scope, 'create')
      const [row] = await tx.query<ScopeRow>(`insert into scopes (id, parent_id, kind, name) values ($1, $2, $3, $4) returning ${SCOPE_COLUMNS}`, [scope.id, scope.parentId, scope.kind, scope.name])
      await audit(tx, 'scopeCreated', { userId: admin.userId, deviceId: admin.deviceId, at: now(), detail: { by: admin.userId, scope } })
      return toScope(row!)
    })
    reply.code(201)
    return created
  })

  app.patch<{ Params: { id: string }; Body: Partial<Omit<Scope, 'id'>> }>(
    `${API.scopes}/:id`,
    { schema: { params: scopeParams, body: patchScopeBody } },
    async (request): Promise<Scope> => {
      const admin = requireAdmin(request)
      const { id } = request.params
      const body = request.body
      return db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock($1)', [SCOPE_LOCK])
        const [row] = await tx.query<ScopeRow>(`select ${SCOPE_COLUMNS} from scopes where id = $1`, [id])
        if (!row) throw notFound('scope')
        const before = toScope(row)
        const after: Scope = { ...before, ...(body.parentId !== undefined && { parentId: body.parentId }), ...(body.kind && { kind: body.kind }), ...(body.name && { name: body.name.trim() }) }
        await checkTree(tx, after, 'update')
        await tx.query('update scopes set parent_id = $2, kind = $3, name = $4 where id = $1', [id, after.parentId, after.kind, after.name])
        await audit(tx, 'scopeUpdated', { userId: admin.userId, deviceId: admin.deviceId, at: now(), detail: { by: admin.userId, from: before, to: after } })
        return after
      })
    },
  )

  app.get<{ Querystring: { userId?: string } }>(API.grants, { schema: { querystring: grantQuery } }, async (request): Promise<GrantSummary[]> => {
    requireAdmin(request)
    const { userId } = request.query
    const rows = await db.query<GrantRow>(`${GRANT_SELECT} where ($1::uuid is null or g.user_id = $1::uuid) order by lower(u.username), g.scope_id, g.role`, [userId ?? null])
    return rows.map(grantSummary)
  })

  app.post<{ Body: { userId: string; role: Role; scopeId: string } }>(API.grants, { schema: { body: grantBody } }, async (request, reply): Promise<GrantSummary> => {
    const admin = requireAdmin(request)
    const { userId, role, scopeId: scope } = request.body
    const created = await db.transaction(async (tx) => {
      if ((await tx.query('select 1 from users where id = $1', [userId])).length === 0) throw notFound('user', '/userId')
      if ((await tx.query('select 1 from scopes where id = $1', [scope])).length === 0) throw notFound('scope', '/scopeId')
      const inserted = await tx.query<{ id: string }>(
        'insert into role_grants (id, user_id, role, scope_id, granted_at) values ($1, $2, $3, $4, $5) on conflict (user_id, role, scope_id) do nothing returning id',
        [crypto.randomUUID(), userId, role, scope, now()],
      )
      if (inserted.length === 0) {
        throw new ApiHttpError(409, 'grantExists', { 'zh-CN': '该用户已在此范围内拥有这个角色。', en: 'The user already holds this role on this scope.' }, { pointer: '/role' })
      }
      await audit(tx, 'roleChange', { userId, deviceId: admin.deviceId, at: now(), detail: { by: admin.userId, op: 'grant', role, scopeId: scope } })
      const [row] = await tx.query<GrantRow>(`${GRANT_SELECT} where g.id = $1`, [inserted[0]!.id])
      return grantSummary(row!)
    })
    reply.code(201)
    return created
  })

  app.delete<{ Params: { id: string } }>(`${API.grants}/:id`, { schema: { params: idParams } }, async (request): Promise<GrantSummary> => {
    const admin = requireAdmin(request)
    return db.transaction(async (tx) => {
      const [row] = await tx.query<GrantRow>(`${GRANT_SELECT} where g.id = $1`, [request.params.id])
      if (!row) throw notFound('grant')
      await tx.query('delete from role_grants where id = $1', [row.id])
      await audit(tx, 'roleChange', { userId: row.user_id, deviceId: admin.deviceId, at: now(), detail: { by: admin.userId, op: 'revoke', role: row.role, scopeId: row.scope_id } })
      return grantSummary(row)
    })
  })
}
