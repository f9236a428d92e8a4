/**
 * A register sheet into the database (PUT /api/register), in the caller's transaction: the scopes
 * the sheet implies that do not exist yet, created under `parentScopeId`, and its subjects
 * upserted. Everything is checked first, the new tree whole by core's ScopeTree.build (as the
 * scopes admin route does), and any problem refuses the sheet with every issue (pointers into the
 * request body) before anything is written. Scope ids are stable (`building:3号楼`, core's
 * importRooms), so importing the same sheet twice creates nothing and bumps nothing.
 */
import { ScopeTree, type Scope } from '@/core/access'
import { pointer, type Issue } from '@/core/result'
import type { RegisterImportRequest, RegisterImportResult } from '@/core/sync/protocol'
import type { Queryable } from '../db/types'
import { allows } from '../access/check'
import type { Access } from '../access/load'
import { json, NEXT_CURSOR } from '../sync/sql'
import { bodyIssue } from '../http/errors'

/** A refusal lists this many problems at most: a sheet wrong on every row needs no 20,000 of them. */
export const MAX_ISSUES = 200

const issue = bodyIssue

const outside = (at: string, id: string, parent: string): Issue =>
  issue('outsideParent', at, `“${id}”不在导入的上级范围“${parent}”之下。`, `"${id}" does not lie under the scope being imported into ("${parent}").`, { id, parentScopeId: parent })

/** The tree with the sheet's new scopes, or the issues that refuse them. `stored`: the tree as it is. */
function treeWith(stored: readonly Scope[], request: RegisterImportRequest, issues: Issue[]): { tree: ScopeTree; created: Scope[] } | undefined {
  const held = new Map(stored.map((s) => [s.id, s]))
  const heldTree = ScopeTree.build(stored)
  if (!heldTree.ok) throw new Error('the stored scope tree is invalid')
  const fresh: { scope: Scope; index: number }[] = []
  request.scopes.forEach((scope, index) => {
    // An existing scope is left as it is; it only has to be the importer's.
    if (held.has(scope.id)) {
      if (!heldTree.value.contains(request.parentScopeId, scope.id)) issues.push(outside(pointer('scopes', index, 'id'), scope.id, request.parentScopeId))
    } else fresh.push({ scope: { ...scope, name: scope.name.trim() }, index })
  })
  const all = [...stored, ...fresh.map((f) => f.scope)]
  const built = ScopeTree.build(all)
  if (!built.ok) {
    for (const i of built.issues) {
      // Core points at indexes into `all`; the new scopes come after the stored ones.
      const [, at, field] = /^\/(\d+)\/(\w+)$/.exec(i.pointer) ?? []
      const own = fresh[Number(at) - stored.length]
      issues.push({ ...i, pointer: own ? pointer('scopes', own.index, field!) : '' })
    }
    return undefined
  }
  for (const { scope, index } of fresh) if (!built.value.contains(request.parentScopeId, scope.id)) issues.push(outside(pointer('scopes', index, 'parentId'), scope.id, request.parentScopeId))
  // Parents first, so each insert finds its parent.
  const depth = (s: Scope): number => built.value.ancestors(s.id).length
  return { tree: built.value, created: fresh.map((f) => f.scope).sort((a, b) => depth(a) - depth(b)) }
}

async function subjectIssues(tx: Queryable, access: Access, tree: ScopeTree, request: RegisterImportRequest, issues: Issue[]): Promise<void> {
  const ids = request.subjects.map((s) => s.id)
  const held = new Map((await tx.query<{ id: string; scope_id: string }>('select id, scope_id from subjects where id = any($1::text[])', [ids])).map((r) => [r.id, r.scope_id]))
  const seen = new Map<string, number>()
  request.subjects.forEach((s, i) => {
    const earlier = seen.get(s.id)
    if (earlier !== undefined) issues.push(issue('duplicateSubject', pointer('subjects', i, 'id'), `“${s.id}”与第 ${earlier + 1} 条重复。`, `"${s.id}" repeats entry ${earlier + 1}.`, { id: s.id, row: earlier + 1 }))
    seen.set(s.id, i)
    if (!tree.get(s.scopeId)) issues.push(issue('scopeNotFound', pointer('subjects', i, 'scopeId'), `没有范围“${s.scopeId}”，表中也没有。`, `No scope "${s.scopeId}", in the database or the sheet.`, { scopeId: s.scopeId }))
    else if (!tree.contains(request.parentScopeId, s.scopeId)) issues.push(outside(pointer('subjects', i, 'scopeId'), s.scopeId, request.parentScopeId))
    // Moving an entry here takes it from where it is: that needs the right there too.
    const from = held.get(s.id)
    if (from !== undefined && from !== s.scopeId && !allows(access, 'register.edit', from)) {
      issues.push(issue('subjectElsewhere', pointer('subjects', i, 'id'), `“${s.id}”已登记在你无权编辑的范围“${from}”。`, `"${s.id}" is registered in scope "${from}", which you may not edit.`, { id: s.id, scopeId: from }))
    }
  })
}

/** Checks and writes the sheet; throws nothing itself: the issues come back for the route to refuse with. */
export async function importRegister(tx: Queryable, access: Access, stored: readonly Scope[], request: RegisterImportRequest, at: Date): Promise<{ issues: Issue[] } | { result: RegisterImportResult; created: Scope[] }> {
  const issues: Issue[] = []
  const next = treeWith(stored, request, issues)
  if (next) await subjectIssues(tx, access, next.tree, request, issues)
  if (!next || issues.length > 0) return { issues: issues.slice(0, MAX_ISSUES) }

  if (next.created.length > 0) {
    await tx.query('insert into scopes (id, parent_id, kind, name, created_at) select id, "parentId", kind, name, $2 from jsonb_to_recordset($1::text::jsonb) as r(id text, "parentId" text, kind text, name text)', [json(next.created), at])
  }
  // No record locks: every writer of subjects is an import, and imports take turns on SCOPE_LOCK
  // (routes.ts) before reading anything. Cursors need no lock (NEXT_CURSOR, server/sync/sql.ts).
  // An unchanged entry keeps its version and cursor: devices receive only what changed. (A
  // conflicting row that is not updated still spends a cursor number: gaps are harmless.)
  const rows = await tx.query<{ inserted: boolean }>(
    `insert into subjects (id, kind, scope_id, fields, label, responsible, version, archived, updated_at, cursor)
     select r.id, r.kind, r."scopeId", r.fields, r.label, r.responsible, 1, coalesce(r.archived, false), $2, ${NEXT_CURSOR}
       from jsonb_to_recordset($1::text::jsonb) as r(id text, kind text, "scopeId" text, fields jsonb, label text, responsible text, archived boolean)
     on conflict (id) do update
        set kind = excluded.kind, scope_id = excluded.scope_id, fields = excluded.fields, label = excluded.label,
            responsible = excluded.responsible, archived = excluded.archived, version = subjects.version + 1,
            updated_at = excluded.updated_at, cursor = excluded.cursor
      where (subjects.kind, subjects.scope_id, subjects.fields, subjects.label, subjects.responsible, subjects.archived)
            is distinct from (excluded.kind, excluded.scope_id, excluded.fields, excluded.label, excluded.responsible, excluded.archived)
     returning (xmax = 0) as inserted`,
    [json(request.subjects.map((s) => ({ ...s, label: s.label.trim(), responsible: s.responsible?.trim() ?? null }))), at],
  )
  const subjectsCreated = rows.filter((r) => r.inserted).length
  return { result: { scopesCreated: next.created.length, subjectsCreated, subjectsUpdated: rows.length - subjectsCreated }, created: next.created }
}
