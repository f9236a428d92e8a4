/**
 * Evaluation cycles (issue #15): GET those the account reads (any grant on the cycle's scope, above
 * it or below it, or a seat on its panel); POST a new one and PUT a whole replacement, both
 * needing register.edit on the cycle's scope (and on the scope it had before); POST
 * `/<id>/release` to release the results. A cycle is checked whole (check.ts) and refused with
 * every issue, storing nothing; a released cycle is never replaced (409).
 *
 * Releasing sets `releasedAt` once and releases every submitted review of the cycle within its
 * scope, as POST /api/reviews/<id>/release does for one (server/reviews/release.ts). Calling it
 * again keeps the first time and releases reviews submitted since; it is audited as
 * `cycleReleased` whenever it released something. Every write holds the cycle's record lock
 * (server/sync/locks.ts) from before its first read, and a release the locks of the reviews it
 * reads, and takes a change cursor, so devices receive it by pull; the audit entry is in the same
 * transaction.
 */
import type { FastifyInstance } from 'fastify'
import type { Issue } from '@/core/result'
import { API, type CycleInput, type SyncCycle } from '@/core/sync/protocol'
import type { Db, Queryable } from '../db/types'
import { audit } from '../auth/audit'
import { requireScope, templateFilter } from '../access/check'
import { loadAccess, type Access } from '../access/load'
import { requireAccount, type RequestAccount } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { releasable, releaseReviews, reviewsOfCycle } from '../reviews/release'
import { lockKey, lockRecords } from '../sync/locks'
import { json, NEXT_CURSOR } from '../sync/sql'
import { checkCycle } from './check'
import { CYCLE_BODY_BYTES, cycleBody, cycleParams } from './schema'

interface CycleRow {
  scope_id: string
  body: SyncCycle
  member_names: string[]
  released_at: Date | null
}

/**
 * Who reads a cycle: any grant on its scope, an ancestor or a descendant (templateFilter: a
 * committee's cycle reaches its branches, a branch's is seen above), or a seat on the panel.
 */
function reads(access: Access, account: RequestAccount, row: Pick<CycleRow, 'scope_id' | 'member_names'>): boolean {
  const filter = templateFilter(access)
  return filter.all || filter.scopes.includes(row.scope_id) || row.member_names.includes(account.username.toLowerCase())
}

// Not found and not allowed look alike to someone who may not read the cycle.
const noCycle = (): ApiHttpError => new ApiHttpError(404, 'cycleNotFound', { 'zh-CN': '没有这个评审周期。', en: 'No such evaluation cycle.' }, { pointer: '' })

/** The cycle under its record lock, or 404 unless `account` reads it. */
async function heldCycle(tx: Queryable, access: Access, account: RequestAccount, id: string): Promise<CycleRow> {
  await lockRecords(tx, [lockKey.cycle(id)])
  const [row] = await tx.query<CycleRow>('select scope_id, body, member_names, released_at from cycles where id = $1 for update', [id])
  if (!row || !reads(access, account, row)) throw noCycle()
  return row
}

/** Refuses the cycle (403 unless `access` may edit its scope, and its held scope; 400 with every issue) or returns it as stored. */
async function checked(tx: Queryable, access: Access, body: CycleInput, at: Date, heldScope?: string): Promise<SyncCycle> {
  if (heldScope !== undefined) requireScope(access, 'register.edit', heldScope, '/scopeId')
  const tree = requireScope(access, 'register.edit', body.scopeId, '/scopeId')
  const { cycle, people, issues } = await checkCycle(tx, body, tree)
  if (issues.length > 0) throw ApiHttpError.of(400, issues as [Issue, ...Issue[]])
  return { ...cycle, people, updatedAt: at.toISOString() }
}

/** Writes the cycle with a new cursor; false when a create finds the id taken. */
async function store(tx: Queryable, cycle: SyncCycle, account: RequestAccount, write: 'create' | 'update'): Promise<boolean> {
  const members = [...new Set((cycle.panel?.members ?? []).map((m) => m.toLowerCase()))].sort()
  const params = [cycle.id, cycle.scopeId, json(cycle), members, new Date(cycle.updatedAt)]
  const rows =
    write === 'create'
      ? await tx.query(
          `insert into cycles (id, scope_id, body, member_names, reached_names, created_by, created_at, updated_at, cursor)
           values ($1, $2, $3::text::jsonb, $4::text[], $4::text[], $6::uuid, $5, $5, ${NEXT_CURSOR})
           on conflict (id) do nothing returning id`,
          [...params, account.userId],
        )
      : // Everyone ever on the panel keeps receiving it (see 006_cycles.sql, reached_names).
        await tx.query(
          `update cycles set scope_id = $2, body = $3::text::jsonb, member_names = $4::text[],
                  reached_names = array(select distinct unnest(reached_names || $4::text[]) order by 1),
                  updated_at = $5, cursor = ${NEXT_CURSOR}
            where id = $1 returning id`,
          params,
        )
  return rows.length > 0
}

const cycleAudit = (account: RequestAccount, cycle: SyncCycle) => ({ by: account.userId, cycleId: cycle.id, scopeId: cycle.scopeId, title: cycle.title })

export async function cycleRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  app.get(API.cycles, async (request): Promise<SyncCycle[]> => {
    const account = requireAccount(request)
    const filter = templateFilter(await loadAccess(db, account))
    const rows = await db.query<{ body: SyncCycle }>('select body from cycles where $1 or scope_id = any($2::text[]) or $3 = any(member_names) order by created_at, id', [
      filter.all,
      filter.scopes,
      account.username.toLowerCase(),
    ])
    return rows.map((r) => r.body)
  })

  app.post<{ Body: CycleInput }>(API.cycles, { schema: { body: cycleBody }, bodyLimit: CYCLE_BODY_BYTES }, async (request, reply): Promise<SyncCycle> => {
    const account = requireAccount(request)
    const saved = await db.transaction(async (tx) => {
      await lockRecords(tx, [lockKey.cycle(request.body.id)])
      const at = now()
      const cycle = await checked(tx, await loadAccess(tx, account), request.body, at)
      if (!(await store(tx, cycle, account, 'create'))) {
        throw new ApiHttpError(409, 'cycleExists', { 'zh-CN': `评审周期“${cycle.id}”已存在，请用修改。`, en: `Cycle "${cycle.id}" exists already: replace it instead.` }, { pointer: '/id' })
      }
      await audit(tx, 'cycleCreated', { userId: account.userId, deviceId: account.deviceId, at, detail: cycleAudit(account, cycle) })
      return cycle
    })
    reply.code(201)
    return saved
  })

  app.put<{ Params: { id: string }; Body: CycleInput }>(`${API.cycles}/:id`, { schema: { params: cycleParams, body: cycleBody }, bodyLimit: CYCLE_BODY_BYTES }, async (request): Promise<SyncCycle> => {
    const account = requireAccount(request)
    if (request.body.id !== request.params.id) {
      throw new ApiHttpError(400, 'idMismatch', { 'zh-CN': '请求内容中的评审周期编号与地址中的不一致。', en: 'The cycle id in the body differs from the one in the path.' }, { pointer: '/id' })
    }
    return db.transaction(async (tx) => {
      const access = await loadAccess(tx, account)
      const held = await heldCycle(tx, access, account, request.params.id)
      if (held.released_at !== null) {
        throw new ApiHttpError(409, 'cycleReleased', { 'zh-CN': '评审结果已发布，不能再修改这个评审周期。', en: 'The results are released: the cycle can no longer be changed.' }, { pointer: '' })
      }
      const at = now()
      const cycle = await checked(tx, access, request.body, at, held.scope_id)
      await store(tx, cycle, account, 'update')
      await audit(tx, 'cycleUpdated', { userId: account.userId, deviceId: account.deviceId, at, detail: cycleAudit(account, cycle) })
      return cycle
    })
  })

  app.post<{ Params: { id: string } }>(`${API.cycles}/:id/release`, { schema: { params: cycleParams } }, async (request): Promise<SyncCycle> => {
    const account = requireAccount(request)
    const { id } = request.params
    return db.transaction(async (tx) => {
      const access = await loadAccess(tx, account)
      const held = await heldCycle(tx, access, account, id)
      const tree = requireScope(access, 'register.edit', held.scope_id, '')
      // The reviews' record locks, then their state read again under them (a push may have
      // submitted or deleted one meanwhile). A review first seen by the second read is not
      // locked, so it waits for the next release.
      const locked = new Set((await reviewsOfCycle(tx, id)).map((r) => r.id))
      await lockRecords(tx, [...locked].map(lockKey.response))
      // A device names the cycle in its own header: only reviews within the cycle's scope count.
      const ids = (await reviewsOfCycle(tx, id)).filter((r) => locked.has(r.id) && releasable(r) && r.scopeId !== null && tree.contains(held.scope_id, r.scopeId)).map((r) => r.id)
      if (held.released_at !== null && ids.length === 0) return held.body
      const at = now()
      await releaseReviews(tx, ids, at)
      let cycle = held.body
      if (held.released_at === null) {
        cycle = { ...held.body, releasedAt: at.toISOString(), updatedAt: at.toISOString() }
        await tx.query(`update cycles set body = $2::text::jsonb, released_at = $3, updated_at = $3, cursor = ${NEXT_CURSOR} where id = $1`, [id, json(cycle), at])
      }
      await audit(tx, 'cycleReleased', { userId: account.userId, deviceId: account.deviceId, at, detail: { ...cycleAudit(account, cycle), responseIds: ids } })
      return cycle
    })
  })
}
