/**
 * The register and the people plans can assign (issue #14): GET /api/register lists the entries
 * in the scopes the account reads; PUT imports a sheet (import.ts) and needs register.edit on
 * its `parentScopeId`; GET /api/people lists who holds roles where the account edits the register
 * (an account administrator: everyone active). Writes need CSRF like every write and are audited
 * in their transaction.
 */
import type { FastifyInstance } from 'fastify'
import { allowedScopes, SCOPE_KINDS, type Role } from '@/core/access'
import { SUBJECT_KINDS } from '@/core/register'
import type { Issue } from '@/core/result'
import { API, type PersonSummary, type RegisterImportRequest, type RegisterImportResult, type SyncSubject } from '@/core/sync/protocol'
import type { Db } from '../db/types'
import { audit } from '../auth/audit'
import { readFilter, requireScope } from '../access/check'
import { loadAccess, readScopes } from '../access/load'
import { SCOPE_LOCK } from '../access/routes'
import { requireAccount } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { cleanText, recordId } from '../http/schemas'
import { importRegister } from './import'
import { SUBJECT_JSON } from './sql'

const id = recordId(200)
const scope = {
  type: 'object',
  required: ['id', 'parentId', 'kind', 'name'],
  additionalProperties: false,
  properties: { id, parentId: { anyOf: [id, { type: 'null' }] }, kind: { type: 'string', enum: SCOPE_KINDS }, name: cleanText(100) },
} as const
const subject = {
  type: 'object',
  required: ['id', 'kind', 'scopeId', 'fields', 'label'],
  additionalProperties: false,
  properties: {
    id,
    kind: { type: 'string', enum: SUBJECT_KINDS },
    scopeId: id,
    fields: { type: 'object', maxProperties: 20, propertyNames: { maxLength: 64 }, additionalProperties: { type: 'string', maxLength: 200, pattern: '^[^\\u0000]*$' } },
    label: cleanText(200),
    responsible: cleanText(100),
  },
} as const
/** A college's rooms fit: 20,000 entries of a few hundred bytes. */
const registerBody = {
  type: 'object',
  required: ['parentScopeId', 'scopes', 'subjects'],
  additionalProperties: false,
  properties: { parentScopeId: id, scopes: { type: 'array', maxItems: 5000, items: scope }, subjects: { type: 'array', maxItems: 20_000, items: subject } },
} as const
const REGISTER_BODY_BYTES = 8 * 1024 ** 2

export async function registerRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  app.get(API.register, async (request): Promise<SyncSubject[]> => {
    const filter = readFilter(await loadAccess(db, requireAccount(request)))
    const rows = await db.query<{ body: SyncSubject }>(`select ${SUBJECT_JSON} as body from subjects s where $1 or s.scope_id = any($2::text[]) order by s.scope_id, s.id`, [filter.all, filter.scopes])
    return rows.map((r) => r.body)
  })

  app.put<{ Body: RegisterImportRequest }>(API.register, { schema: { body: registerBody }, bodyLimit: REGISTER_BODY_BYTES }, async (request): Promise<RegisterImportResult> => {
    const account = requireAccount(request)
    const body = request.body
    return db.transaction(async (tx) => {
      // Tree writes take turns (as in the scopes admin route), so the sheet is checked against the tree it changes.
      await tx.query('select pg_advisory_xact_lock($1)', [SCOPE_LOCK])
      const access = await loadAccess(tx, account)
      requireScope(access, 'register.edit', body.parentScopeId, '/parentScopeId')
      const at = now()
      const done = await importRegister(tx, access, await readScopes(tx), body, at)
      if ('issues' in done) throw ApiHttpError.of(400, done.issues as [Issue, ...Issue[]])
      const by = { userId: account.userId, deviceId: account.deviceId, at }
      for (const s of done.created) await audit(tx, 'scopeCreated', { ...by, detail: { by: account.userId, scope: s, via: 'register' } })
      await audit(tx, 'registerImport', { ...by, detail: { by: account.userId, parentScopeId: body.parentScopeId, ...done.result } })
      return done.result
    })
  })

  app.get(API.people, async (request): Promise<PersonSummary[]> => {
    const access = await loadAccess(db, requireAccount(request))
    const all = access.kind === 'open' || access.admin
    const where = all ? [] : [...allowedScopes(access.grants, access.tree, 'register.edit')]
    if (!all && where.length === 0) return []
    // Only the grants inside the caller's reach are shown: the rest of someone's roles are not theirs to see.
    const rows = await db.query<{ id: string; username: string; display_name: string; role: Role | null; scope_id: string | null }>(
      `select u.id, u.username, u.display_name, g.role, g.scope_id
         from users u left join role_grants g on g.user_id = u.id and ($1 or g.scope_id = any($2::text[]))
        where not u.disabled and ($1 or g.scope_id is not null)
        order by lower(u.username), u.id, g.scope_id, g.role`,
      [all, where],
    )
    const people = new Map<string, PersonSummary>()
    for (const r of rows) {
      const person = people.get(r.id) ?? { id: r.id, username: r.username, displayName: r.display_name, grants: [] }
      people.set(r.id, person)
      if (r.role !== null && r.scope_id !== null) person.grants.push({ role: r.role, scopeId: r.scope_id })
    }
    return [...people.values()]
  })
}
