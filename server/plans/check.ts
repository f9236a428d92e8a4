/**
 * What a plan must agree with on the server, after core's checkPlan: its template exists, every
 * subject is a live register entry under the plan's scope, and every assignee is an active account
 * that may fill on the subject it checks (else the tablet's records would be refused on push).
 * Every problem is an issue pointing into the request body; the route refuses the plan with all
 * of them and stores nothing.
 */
import { can, type ScopeTree } from '@/core/access'
import type { PlanInput } from '@/core/sync/protocol'
import { pointer, type Issue } from '@/core/result'
import type { Queryable } from '../db/types'
import { grantsOfUsers } from '../access/load'
import { bodyIssue } from '../http/errors'

const issue = bodyIssue

/** Who the plan assigns, each with where it says so: the subject's assignee or an override's. */
export function assignments(plan: PlanInput): { userId: string; subjectId: string; at: string }[] {
  const out = Object.entries(plan.assignees).map(([subjectId, userId]) => ({ userId, subjectId, at: pointer('assignees', subjectId) }))
  ;(plan.overrides ?? []).forEach((o, i) => {
    if (o.type === 'reassign') out.push({ userId: o.assignee, subjectId: o.subjectId, at: pointer('overrides', i, 'assignee') })
  })
  return out
}

export async function planIssues(tx: Queryable, plan: PlanInput, tree: ScopeTree): Promise<Issue[]> {
  const issues: Issue[] = []
  const template = await tx.query('select 1 from templates where id = $1 union all select 1 from template_versions where template_id = $1 limit 1', [plan.templateId])
  if (template.length === 0) issues.push(issue('templateNotFound', '/templateId', `服务器上没有模板“${plan.templateId}”。`, `The server holds no template "${plan.templateId}".`, { id: plan.templateId }))

  const rows = await tx.query<{ id: string; scope_id: string; archived: boolean }>('select id, scope_id, archived from subjects where id = any($1::text[])', [[...plan.subjectIds]])
  const subjects = new Map(rows.map((r) => [r.id, r]))
  plan.subjectIds.forEach((id, i) => {
    const at = pointer('subjectIds', i)
    const s = subjects.get(id)
    if (!s) issues.push(issue('subjectNotFound', at, `登记册里没有“${id}”。`, `The register holds no "${id}".`, { id }))
    else if (s.archived) issues.push(issue('subjectArchived', at, `“${id}”已从登记册移除，不能再排入计划。`, `"${id}" was removed from the register and cannot be planned.`, { id }))
    else if (!tree.contains(plan.scopeId, s.scope_id)) issues.push(issue('subjectOutsidePlan', at, `“${id}”不在计划的范围内。`, `"${id}" lies outside the plan's scope.`, { id, scopeId: plan.scopeId }))
  })

  const wanted = assignments(plan)
  const grants = await grantsOfUsers(tx, [...new Set(wanted.map((w) => w.userId))], rootsOf(tree, plan.scopeId))
  const active = new Set((await tx.query<{ id: string }>('select id::text as id from users where id = any($1::uuid[]) and not disabled', [[...grants.keys()]])).map((r) => r.id))
  for (const { userId, subjectId, at } of wanted) {
    const scopeId = subjects.get(subjectId)?.scope_id
    if (!active.has(userId)) issues.push(issue('assigneeNotFound', at, '指派的人不存在或已停用。', 'The assignee does not exist or is disabled.', { userId }))
    else if (scopeId !== undefined && !can(grants.get(userId)!, tree, 'response.fill', scopeId)) {
      issues.push(issue('assigneeCannotFill', at, `指派的人在“${subjectId}”所在范围没有检查权限。`, `The assignee may not fill records where "${subjectId}" is.`, { userId, subjectId }))
    }
  }
  return issues
}

/** The root above `scopeId`: where an account administrator's implicit admin grant sits. */
function rootsOf(tree: ScopeTree, scopeId: string): string[] {
  const top = tree.ancestors(scopeId).at(-1)
  return top === undefined ? [] : [top]
}
