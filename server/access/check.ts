/** Decisions on one record or one query, from an Access (load.ts) and core's can/allowedScopes. */
import { allowedScopes, can, type Action, type ScopeTree } from '@/core/access'
import type { ResponseHeader } from '@/core/sync'
import { ApiHttpError } from '../http/errors'
import type { Access } from './load'

/** What writing a response (its header, answers, attachments) takes: reviews are reviewers' work. */
export const writeAction = (role: ResponseHeader['role'] | undefined): Action => (role === 'review' ? 'response.review' : 'response.fill')

/**
 * Whether `access` allows `action` on a record of `scopeId`. A record without a scope (stored
 * before scopes existed) is the account administrator's alone once scopes exist.
 */
export function allows(access: Access, action: Action, scopeId: string | null): boolean {
  if (access.kind === 'open' || access.admin) return true
  return scopeId !== null && can(access.grants, access.tree, action, scopeId)
}

/** A query's filter: every row (`all`), or rows whose scope is in `scopes`. */
export interface ReadFilter {
  all: boolean
  scopes: string[]
}

export function readFilter(access: Access, action: Action = 'response.read'): ReadFilter {
  if (access.kind === 'open' || access.admin) return { all: true, scopes: [] }
  return { all: false, scopes: [...allowedScopes(access.grants, access.tree, action)] }
}

/**
 * Which published templates an account receives: those published to a scope its grants reach
 * (at or under a granted scope) or that lies above one of them (a template for the whole
 * college reaches every floor). Templates published nowhere in particular reach everyone.
 */
export function templateFilter(access: Access): ReadFilter {
  if (access.kind === 'open' || access.admin) return { all: true, scopes: [] }
  const out = new Set<string>()
  for (const g of access.grants) {
    for (const id of access.tree.subtree(g.scopeId)) out.add(id)
    for (const id of access.tree.ancestors(g.scopeId)) out.add(id)
  }
  return { all: false, scopes: [...out] }
}

/**
 * The scope of a record nothing else places (an ad-hoc check typed in free text): the narrowest
 * scope where the account may `action` that lies under every other such scope, else the first.
 */
export function defaultScope(access: Access, action: Action): string | null {
  if (access.kind === 'open') return null
  const { grants, tree } = access
  const scopes = [...new Set(grants.filter((g) => can([g], tree, action, g.scopeId)).map((g) => g.scopeId))]
  const narrowest = scopes.find((s) => scopes.every((other) => tree.contains(other, s)))
  return narrowest ?? scopes[0] ?? null
}

/**
 * The tree, when `access` allows `action` on the stored scope `scopeId` (a route's target, at
 * `pointer` in its body); else 403 `outOfScope`, or 404 `scopeNotFound` for an administrator
 * naming a scope that does not exist (a member learns only that they may not).
 */
export function requireScope(access: Access, action: Action, scopeId: string, pointer: string): ScopeTree {
  if (!allows(access, action, scopeId)) {
    throw new ApiHttpError(403, 'outOfScope', { 'zh-CN': `你在范围“${scopeId}”没有这项权限（${action}）。`, en: `You may not do this (${action}) in scope "${scopeId}".` }, { pointer, params: { scopeId, action } })
  }
  if (access.kind === 'open' || !access.tree.get(scopeId)) {
    throw new ApiHttpError(404, 'scopeNotFound', { 'zh-CN': `没有范围“${scopeId}”。`, en: `No scope "${scopeId}".` }, { pointer, params: { scopeId } })
  }
  return access.tree
}
