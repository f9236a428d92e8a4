/**
 * Where a pushed record belongs. The server decides, never the device (docs/design/scopes.md):
 * a response goes to the scope of the register subject it names (`subjectId`), else of the
 * register subject whose fields its subject carries, else where it already is, else to the
 * pushing account's own fill scope (an ad-hoc check typed in free text). Tasks follow their response.
 */
import type { Action } from '@/core/access'
import type { Issue } from '@/core/result'
import type { ResponseHeader, SyncTask } from '@/core/sync'
import type { Queryable } from '../db/types'
import { syncIssue } from '../sync/issues'
import { json } from '../sync/sql'
import { allows, defaultScope, writeAction } from './check'
import type { Access } from './load'

export type Placed = { ok: true; scopeId: string | null } | { ok: false; issue: Issue }

export const outOfScope = (pointer: string, id: string, action: Action): Issue => syncIssue('outOfScope', pointer, { id, action })

async function registerScope(tx: Queryable, header: ResponseHeader): Promise<string | undefined> {
  if (header.subjectId !== undefined) {
    const named = await tx.query<{ scope_id: string }>('select scope_id from subjects where id = $1', [header.subjectId])
    if (named[0]) return named[0].scope_id
  }
  // The most specific live subject whose every field the header's subject carries (a room beats its building).
  const matched = await tx.query<{ scope_id: string }>(
    `select scope_id from subjects
      where not archived and fields <> '{}'::jsonb and fields <@ $1::text::jsonb
      order by (select count(*) from jsonb_object_keys(fields)) desc, id limit 1`,
    [json(header.subject)],
  )
  return matched[0]?.scope_id
}

/**
 * The scope of a response header about to be written, or the refusal when the account may not
 * write there (nor where the response already is). `held`: the stored response's scope, if any.
 */
export async function placeResponse(tx: Queryable, access: Access, header: ResponseHeader, held: { scopeId: string | null } | undefined, at: string): Promise<Placed> {
  if (access.kind === 'open') return { ok: true, scopeId: held?.scopeId ?? null }
  const action = writeAction(header.role)
  const scopeId = (await registerScope(tx, header)) ?? held?.scopeId ?? defaultScope(access, action)
  // A held response without a scope predates scopes: placing it is the first decision about it.
  const mayLeave = held === undefined || held.scopeId === null || held.scopeId === scopeId || allows(access, action, held.scopeId)
  if (scopeId === null || !allows(access, action, scopeId) || !mayLeave) return { ok: false, issue: outOfScope(`${at}/response/subject`, header.id, action) }
  return { ok: true, scopeId }
}

/** A task's scope is its response's; a task whose response the server has not seen goes to the account's own. */
export async function placeTask(tx: Queryable, access: Access, task: SyncTask, heldScope: string | null | undefined, at: string): Promise<Placed> {
  if (access.kind === 'open') return { ok: true, scopeId: heldScope ?? null }
  const rows = await tx.query<{ scope_id: string | null }>('select scope_id from responses where id = $1', [task.responseId])
  const scopeId = rows[0] ? rows[0].scope_id : (heldScope ?? defaultScope(access, 'task.follow'))
  const mayLeave = heldScope === undefined || heldScope === null || heldScope === scopeId || allows(access, 'task.follow', heldScope)
  if (!allows(access, 'task.follow', scopeId) || !mayLeave) return { ok: false, issue: outOfScope(`${at}/task/responseId`, task.id, 'task.follow') }
  return { ok: true, scopeId }
}
