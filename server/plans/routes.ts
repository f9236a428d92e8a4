/**
 * Inspection plans (issue #14): GET those the account reads (response.read on the plan's scope) or
 * works on (an assignee); POST a new one and PUT a whole replacement (reassigning, cancelling,
 * overrides), both needing register.edit on the plan's scope, and on the scope it had before.
 * A plan is checked whole (core's checkPlan, then check.ts against the register and the accounts)
 * and refused with every issue, storing nothing. A write holds the plan's record lock
 * (server/sync/locks.ts) from before its first read, so two writes of one plan take turns, and
 * takes a change cursor, so devices receive it by pull; the audit entry is in the same transaction.
 */
import type { FastifyInstance } from 'fastify'
import { checkPlan } from '@/core/plans/check'
import type { PlanOverride, Schedule } from '@/core/plans'
import type { Issue } from '@/core/result'
import { API, type PlanInput, type SyncPlan } from '@/core/sync/protocol'
import type { Db, Queryable } from '../db/types'
import { audit } from '../auth/audit'
import { readFilter, requireScope } from '../access/check'
import { loadAccess, type Access } from '../access/load'
import { requireAccount, type RequestAccount } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { lockKey, lockRecords } from '../sync/locks'
import { json, NEXT_CURSOR } from '../sync/sql'
import { assignments, planIssues } from './check'
import { PLAN_BODY_BYTES, planBody, planParams } from './schema'

/** Only the fields the schedule's and each override's type use; ids as the database writes them. */
function normalise(body: PlanInput): PlanInput {
  const s = body.schedule
  const schedule: Schedule = s.type === 'once' ? { type: 'once', date: s.date } : s.type === 'weekly' ? { type: 'weekly', days: [...s.days] } : { type: 'monthly', day: s.day }
  const overrides = body.overrides?.map(
    (o): PlanOverride =>
      o.type === 'reassign'
        ? { type: 'reassign', ...(o.date !== undefined && { date: o.date }), subjectId: o.subjectId, assignee: o.assignee.toLowerCase() }
        : { type: 'cancel', date: o.date, ...(o.subjectId !== undefined && { subjectId: o.subjectId }) },
  )
  return {
    id: body.id,
    title: body.title.trim(),
    templateId: body.templateId,
    scopeId: body.scopeId,
    subjectIds: [...body.subjectIds],
    assignees: Object.fromEntries(Object.entries(body.assignees).map(([subject, user]) => [subject, user.toLowerCase()])),
    schedule,
    dueTime: body.dueTime,
    from: body.from,
    to: body.to,
    ...(overrides && { overrides }),
    ...(body.cancelled !== undefined && { cancelled: body.cancelled }),
  }
}

/**
 * The narrowest scope holding every subject of the plan, for a plan sent without one (a tablet
 * knows its rooms' floors, not the tree above them); '' when there is none to find.
 */
async function narrowestScope(tx: Queryable, access: Access, subjectIds: readonly string[]): Promise<string> {
  if (access.kind === 'open' || subjectIds.length === 0) return ''
  const rows = await tx.query<{ scope_id: string }>('select distinct scope_id from subjects where id = any($1::text[])', [[...subjectIds]])
  const scopes = rows.map((r) => r.scope_id).filter((id) => access.tree.get(id))
  if (scopes.length === 0) return ''
  return access.tree.ancestors(scopes[0]!).find((candidate) => scopes.every((s) => access.tree.contains(candidate, s))) ?? ''
}

/** Refuses the plan (403 unless `access` may edit its scope, and its held scope; 400 with every issue) or returns it normalised. */
async function checked(tx: Queryable, access: Access, body: PlanInput, heldScope?: string): Promise<PlanInput> {
  if (heldScope !== undefined) requireScope(access, 'register.edit', heldScope, '/scopeId')
  const scopeId = body.scopeId === '' ? await narrowestScope(tx, access, body.subjectIds) : body.scopeId
  const tree = requireScope(access, 'register.edit', scopeId, '/scopeId')
  const plan = normalise({ ...body, scopeId })
  const core = checkPlan(plan)
  const issues = [...(core.ok ? [] : core.issues), ...(await planIssues(tx, plan, tree))]
  if (issues.length > 0) throw ApiHttpError.of(400, issues as [Issue, ...Issue[]])
  return plan
}

/** Writes the plan with a new cursor and returns it as devices receive it. */
async function store(tx: Queryable, plan: PlanInput, at: Date, write: 'create' | 'update'): Promise<SyncPlan | undefined> {
  const userIds = [...new Set(assignments(plan).map((a) => a.userId))].sort()
  const names = await tx.query<{ id: string; display_name: string }>('select id::text as id, display_name from users where id = any($1::uuid[]) order by id', [userIds])
  const saved: SyncPlan = { ...plan, people: Object.fromEntries(names.map((n) => [n.id, n.display_name])), updatedAt: at.toISOString() }
  const params = [plan.id, plan.scopeId, json(saved), userIds, at]
  const rows =
    write === 'create'
      ? await tx.query(
          `insert into plans (id, scope_id, body, assignee_ids, reached_ids, created_at, updated_at, cursor)
           values ($1, $2, $3::text::jsonb, $4::text[], $4::text[], $5, $5, ${NEXT_CURSOR})
           on conflict (id) do nothing returning id`,
          params,
        )
      : // Everyone the plan ever assigned keeps receiving it (see 004_plans.sql, reached_ids).
        await tx.query(
          `update plans set scope_id = $2, body = $3::text::jsonb, assignee_ids = $4::text[],
                  reached_ids = array(select distinct unnest(reached_ids || $4::text[]) order by 1),
                  updated_at = $5, cursor = ${NEXT_CURSOR}
            where id = $1 returning id`,
          params,
        )
  return rows.length > 0 ? saved : undefined
}

const planAudit = (account: RequestAccount, plan: PlanInput) => ({ by: account.userId, planId: plan.id, scopeId: plan.scopeId, title: plan.title, cancelled: plan.cancelled === true })

export async function planRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  app.get(API.plans, async (request): Promise<SyncPlan[]> => {
    const account = requireAccount(request)
    const filter = readFilter(await loadAccess(db, account))
    const rows = await db.query<{ body: SyncPlan }>('select body from plans where $1 or scope_id = any($2::text[]) or $3 = any(assignee_ids) order by created_at, id', [filter.all, filter.scopes, account.userId])
    return rows.map((r) => r.body)
  })

  app.post<{ Body: PlanInput }>(API.plans, { schema: { body: planBody }, bodyLimit: PLAN_BODY_BYTES }, async (request, reply): Promise<SyncPlan> => {
    const account = requireAccount(request)
    const saved = await db.transaction(async (tx) => {
      await lockRecords(tx, [lockKey.plan(request.body.id)])
      const plan = await checked(tx, await loadAccess(tx, account), request.body)
      const at = now()
      const stored = await store(tx, plan, at, 'create')
      if (!stored) throw new ApiHttpError(409, 'planExists', { 'zh-CN': `计划“${plan.id}”已存在，请用修改。`, en: `Plan "${plan.id}" exists already: replace it instead.` }, { pointer: '/id' })
      await audit(tx, 'planCreated', { userId: account.userId, deviceId: account.deviceId, at, detail: planAudit(account, plan) })
      return stored
    })
    reply.code(201)
    return saved
  })

  app.put<{ Params: { id: string }; Body: PlanInput }>(`${API.plans}/:id`, { schema: { params: planParams, body: planBody }, bodyLimit: PLAN_BODY_BYTES }, async (request): Promise<SyncPlan> => {
    const account = requireAccount(request)
    if (request.body.id !== request.params.id) {
      throw new ApiHttpError(400, 'idMismatch', { 'zh-CN': '请求内容中的计划编号与地址中的不一致。', en: 'The plan id in the body differs from the one in the path.' }, { pointer: '/id' })
    }
    return db.transaction(async (tx) => {
      await lockRecords(tx, [lockKey.plan(request.params.id)])
      const [held] = await tx.query<{ scope_id: string }>('select scope_id from plans where id = $1 for update', [request.params.id])
      // Not found and not allowed look alike to someone who may not read the plan's scope.
      const access = await loadAccess(tx, account)
      const readable = readFilter(access)
      if (!held || (!readable.all && !readable.scopes.includes(held.scope_id))) {
        throw new ApiHttpError(404, 'planNotFound', { 'zh-CN': '没有这个计划。', en: 'No such plan.' }, { pointer: '' })
      }
      const plan = await checked(tx, access, request.body, held.scope_id)
      const at = now()
      const stored = (await store(tx, plan, at, 'update'))!
      await audit(tx, 'planUpdated', { userId: account.userId, deviceId: account.deviceId, at, detail: planAudit(account, plan) })
      return stored
    })
  })
}
