/**
 * What a cycle must agree with on the server (issue #15): core's validateCycle on the cycle
 * document, then checkCycleTemplate against the template version the server stores, every
 * subject a live register entry of kind `branch` under the cycle's scope, and every panel member
 * an active account. Every problem is an issue pointing into the request body; the route refuses
 * the cycle with all of them and stores nothing.
 *
 * `subjects` is the server's, not the device's: the `subjectKey` values of the `subjectIds`
 * entries as the register holds them now (a device's copy of the register may be stale, and a
 * list sent beside the ids could name other branches than they do). A sent `subjects` is ignored.
 */
import type { ScopeTree } from '@/core/access'
import { checkCycleTemplate, validateCycle, type SubjectKey } from '@/core/cycles'
import { keyId, keyOf } from '@/core/cycles/subjects'
import type { Template } from '@/core/format/types'
import { pointer, type Issue } from '@/core/result'
import type { CycleInput } from '@/core/sync/protocol'
import type { Queryable } from '../db/types'
import { bodyIssue as issue } from '../http/errors'

export interface CheckedCycle {
  /** The input with each panel member spelled as the account's username and `subjects` from the register. */
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

type Fields = Readonly<Record<string, string | number>>

/** The problems with `subjectIds`, and the fields of each entry that may take part (first listing only). */
async function registerEntries(tx: Queryable, cycle: CycleInput, tree: ScopeTree): Promise<{ fields: Map<number, Fields>; issues: Issue[] }> {
  const issues: Issue[] = []
  const fields = new Map<number, Fields>()
  const rows = await tx.query<{ id: string; kind: string; scope_id: string; archived: boolean; fields: Fields }>('select id, kind, scope_id, archived, fields from subjects where id = any($1::text[])', [[...cycle.subjectIds]])
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
    else fields.set(i, s.fields)
    seen.add(id)
  })
  return { fields, issues }
}

const place = (i: Issue): number => Number(i.pointer.slice('/subjectIds/'.length))

/**
 * `cycle.subjects`: each entry's `subjectKey` fields, trimmed (core's keyOf, as responses are
 * keyed), in `subjectIds` order. An entry without a key value, or with the same values as an
 * earlier one (evaluateCycle would pool their reviews as one subject), is refused at its id.
 */
function subjectKeys(subjectKey: readonly string[], ids: readonly string[], entries: ReadonlyMap<number, Fields>): { subjects: SubjectKey[]; issues: Issue[] } {
  const subjects: SubjectKey[] = []
  const issues: Issue[] = []
  const first = new Map<string, number>()
  for (const [i, fields] of entries) {
    const id = ids[i]!
    const at = pointer('subjectIds', i)
    const key = keyOf(subjectKey, fields)
    if ('missing' in key) {
      const field = key.missing
      issues.push(issue('subjectKeyMissing', at, `登记册中支部“${id}”没有“${field}”字段的值，无法确定评审对象。`, `The branch "${id}" has no "${field}" in the register, so the cycle cannot name it.`, { id, field }))
      continue
    }
    const earlier = first.get(keyId(subjectKey, key))
    if (earlier !== undefined) {
      const other = ids[earlier]!
      issues.push(issue('duplicateSubjectKey', at, `支部“${id}”与“${other}”的区分字段相同，评审时无法区分。`, `The branch "${id}" has the same key fields as "${other}": the cycle cannot tell them apart.`, { id, other }))
      continue
    }
    first.set(keyId(subjectKey, key), i)
    subjects.push(key)
  }
  return { subjects, issues }
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
  // The cycle document is the cycle file of evaluation.md: where it lives is the server's, and
  // so is `subjects` (derived below; whatever the device sent is dropped unread).
  const { subjects: _sent, ...sent } = input
  const { scopeId: _scopeId, subjectIds: _subjectIds, ...document } = sent
  const core = validateCycle(document)
  const entries = await registerEntries(tx, input, tree)
  // Past a shape error nothing else can be read safely; the subjects' shape is Fastify's.
  if (!core.ok) return { cycle: sent, people: {}, issues: [...errors(core.issues), ...entries.issues] }
  const template = await templateIssues(tx, input.template, (t) => checkCycleTemplate(core.value, t))
  // A key field the template lacks is one issue at /subjectKey, not one per branch.
  const keyRefused = template.some((i) => i.pointer.startsWith('/subjectKey'))
  const keys = keyRefused ? { subjects: [], issues: [] } : subjectKeys(core.value.subjectKey, input.subjectIds, entries.fields)
  const members = input.panel?.members ?? []
  const { names, issues } = await panel(tx, members)
  // Two spellings of one account are one member.
  const canonical = [...new Set(members.map((m) => names.get(m.toLowerCase())?.username ?? m))]
  const cycle: CycleInput = { ...sent, subjects: keys.subjects, ...(input.panel?.members && { panel: { ...input.panel, members: canonical } }) }
  const people = Object.fromEntries([...names.values()].map((n) => [n.username, n.displayName]))
  // One issue per listed id at most: in the order of the list, as the committee reads it.
  const listed = [...entries.issues, ...keys.issues].sort((a, b) => place(a) - place(b))
  return { cycle, people, issues: [...template, ...listed, ...issues] }
}
