/**
 * Which work a person's home page shows (#14), from the roles they hold: an inspector their rooms
 * of the day, a reviewer the submissions awaiting review, a head (a viewer or admin over a
 * building or more) coverage and open hazards. A device knows its grants (role and scope id) but
 * not the scope tree, so a floor or a branch is told by its id's kind prefix, which the register
 * import gives every scope it creates (`floor:3号楼/3`, see register/rooms.ts).
 */
import type { Role } from './roles'

export const HOME_PARTS = ['inspector', 'reviewer', 'head'] as const
export type HomePart = (typeof HOME_PARTS)[number]

/** Scopes too small for a head: one floor, one branch. */
const LEAF_PREFIXES = ['floor:', 'branch:'] as const

/** The home page's parts for these grants, in HOME_PARTS order; none without grants. */
export function homeParts(grants: readonly { role: Role; scopeId: string }[] | undefined): HomePart[] {
  const out = new Set<HomePart>()
  for (const g of grants ?? []) {
    switch (g.role) {
      case 'inspector':
        out.add('inspector')
        break
      case 'reviewer':
        out.add('reviewer')
        break
      case 'viewer':
      case 'admin':
        if (!LEAF_PREFIXES.some((p) => g.scopeId.startsWith(p))) out.add('head')
        break
      case 'designer':
        break
      default: {
        const never: never = g.role
        return never
      }
    }
  }
  return HOME_PARTS.filter((p) => out.has(p))
}
