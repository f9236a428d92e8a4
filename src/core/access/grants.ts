/**
 * Roles held on scopes, and what they allow: `can` for one record, `allowedScopes` for a query
 * (the server filters every read and every pull by it).
 */
import { permits, type Action, type Role } from './roles'
import type { ScopeTree } from './scopes'

export interface Grant {
  userId: string
  role: Role
  scopeId: string
}

/** Every scope where `grants` allow `action`: the subtrees of the scopes whose role permits it. */
export function allowedScopes(grants: readonly Grant[], tree: ScopeTree, action: Action): Set<string> {
  const out = new Set<string>()
  for (const g of grants) {
    if (!permits(g.role, action) || out.has(g.scopeId)) continue
    for (const id of tree.subtree(g.scopeId)) out.add(id)
  }
  return out
}

/** Whether `grants` allow `action` on a record of `scopeId` (a grant above it counts). */
export function can(grants: readonly Grant[], tree: ScopeTree, action: Action, scopeId: string): boolean {
  const above = new Set(tree.ancestors(scopeId))
  return grants.some((g) => above.has(g.scopeId) && permits(g.role, action))
}
