/**
 * What a cycle must agree with on the server (issue #15): core's validateCycle on the cycle
 * document, then checkCycleTemplate against the template version the server stores, every
 * subject a live register entry of kind `branch` under the cycle's scope, and every panel member
 * an active account. Every problem is an issue pointing into the request body; the route refuses
 * the cycle with all of them and stores nothing.
 */
import type { ScopeTree } from '@/core/access'
import { checkCycleTemplate, validateCycle } from '@/core/cycles'
import type { Template } from '@/core/format/types'
import { pointer, type Issue } from '@/core/result'
import type { CycleInput } from '@/core/sync/protocol'
import type { Queryable } from '../db/types'
import { bodyIssue as issue } from '../http/errors'

export interface CheckedCycle {
  /** The input with each panel member spelled as the account's username. */
  cycle: CycleInput
  /** Panel members' display names by username. */
  people: Record<string, string>
  issues: Issue[]
}

const errors = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity === 'error')

async function templateIssues(tx: Queryable, template: CycleInput['template'], check: (t: Template) => Issue[]): Promise<Issue[]> {
  const rows = await tx.query<{ content: Template }>('select content from template_versions where template_id = $1 and version = $2', [template.id, template.version])
  const stored = rows[0]?.content
  if (!stored) {
    const name = `${template.id}@${template.version}`
    return [issue('templateNotFound', '/template', `服务器上没有模板版本“${name}”。`, `The server holds no template version "${name}".`, { id: template.id, version: template.version })]
  }
  return errors(check(stored))
}

async function subjectIssues(tx: Queryable, cycle: CycleInput, tree: ScopeTree): Promise<Issue[]> {
  const issues: Issue[] = []
  const rows = await tx.query<{ id: string; kind: string; scope_id: string; archived: boolean }>('select id, kind, scope_id, archived from subjects where id = any($1::text[])', [[...cycle.subjectIds]])
  const subjects = new Map(rows.map((r) => [r.id, r]))
  const seen = new Set<string>()
  cycle.subjectIds.forEach((id, i) => {
    const at = pointer('subjectIds', i)
    const s = subjects.get(id)
    if (seen.has(id)) issues.push(issue('duplicateSubject', at, `支部“${id}”重复。`, `The branch "${id}" is listed twice.`, { id }))
    else if (!s) issues.push(issue('subjectNotFound', at, `登记册里没有“${id}”。`, `The register holds no "${id}".`, { id }))
    else if (s.archived) issues.push(issue('subjectArchived', at, `“${id}”已从登记册移除，不能再参加评审。`, `"${id}" was removed from the register and cannot take part.`, { id }))
    else if (s.kind !== 'branch') issues.push(issue('subjectNotBranch', at, `“${id}”不是支部（类型为“${s.kind}”）。`, `"${id}" is not a branch (its kind is "${s.kind}").`, { id, kind: s.kind }))
    else if (!tree.contains(cycle.scopeId, s.scope_id)) issues.push(issue('subjectOutsideCycle', at, `“${id}”不在评审周期的范围内。`, `"${id}" lies outside the cycle's scope.`, { id, scopeId: cycle.scopeId }))
    seen.add(id)
  })
  return issues
}

/** Panel members as stored usernames (sign-in ignores case, so does this), and who is unknown. */
async function panel(tx: Queryable, members: readonly string[]): Promise<{ names: Map<string, { username: string; displayName: string }>; issues: Issue[] }> {
  const rows = await tx.query<{ username: string; display_name: string }>('select username, display_name from users where lower(username) = any($1::text[]) and not disabled', [members.map((m) => m.toLowerCase())])
  const names = new Map(rows.map((r) => [r.username.toLowerCase(), { username: r.username, displayName: r.display_name }]))
  const issues: Issue[] = []
  members.forEach((m, i) => {
    if (!names.has(m.toLowerCase())) issues.push(issue('memberNotFound', pointer('panel', 'members', i), `评审组成员“${m}”不存在或已停用。`, `The panel member "${m}" does not exist or is disabled.`, { username: m }))
  })
  return { names, issues }
}

export async function checkCycle(tx: Queryable, input: CycleInput, tree: ScopeTree): Promise<CheckedCycle> {
  // The cycle document is the cycle file of evaluation.md: where it lives is the server's.
  const { scopeId: _scopeId, subjectIds: _subjectIds, ...document } = input
  const core = validateCycle(document)
  const subjects = await subjectIssues(tx, input, tree)
  // Past a shape error nothing else can be read safely; the subjects' shape is Fastify's.
  if (!core.ok) return { cycle: input, people: {}, issues: [...errors(core.issues), ...subjects] }
  const template = await templateIssues(tx, input.template, (t) => checkCycleTemplate(core.value, t))
  const members = input.panel?.members ?? []
  const { names, issues } = await panel(tx, members)
  // Two spellings of one account are one member.
  const canonical = [...new Set(members.map((m) => names.get(m.toLowerCase())?.username ?? m))]
  const cycle: CycleInput = input.panel?.members ? { ...input, panel: { ...input.panel, members: canonical } } : input
  const people = Object.fromEntries([...names.values()].map((n) => [n.username, n.displayName]))
  return { cycle, people, issues: [...template, ...subjects, ...issues] }
}
