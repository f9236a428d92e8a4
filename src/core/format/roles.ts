import type { Role, Template } from './types'

/** The role a new response on `template` starts with: its `defaultRole`, else 检查 (inspection). */
export function defaultRoleOf(template: Pick<Template, 'defaultRole'>): Role {
  return template.defaultRole ?? 'inspection'
}

/** The role a response pairs with under rule 12, or null (an inspection pairs with nothing). */
export function pairedRole(role: Role): Role | null {
  switch (role) {
    case 'self':
      return 'review'
    case 'review':
      return 'self'
    case 'inspection':
      return null
    default: {
      const never: never = role
      return never
    }
  }
}
