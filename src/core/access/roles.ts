/**
 * Who may do what (issue #14). A role is held on a scope (see scopes.ts) and reaches every scope
 * under it. The table is the one place that says what a role permits; the server checks it on
 * every route and query, the app uses it to show only what the person can do.
 */

export const ROLES = ['admin', 'designer', 'inspector', 'reviewer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const ACTIONS = [
  /** Create, edit and publish templates to the scope. */
  'template.edit',
  /** Fill responses on the scope's subjects (inspections, self-assessments). */
  'response.fill',
  /** Review and score others' submissions on the scope. */
  'response.review',
  /** Read responses, results and dashboards of the scope. */
  'response.read',
  /** Follow up findings: rectification tasks of the scope. */
  'task.follow',
  /** Edit the register of places and people, and inspection plans. */
  'register.edit',
  /** Accounts, role grants and devices. */
  'users.manage',
] as const
export type Action = (typeof ACTIONS)[number]

/**
 * What each role permits. Reading comes with every role that works on a scope's records, since
 * filling, reviewing or designing without seeing what one did is not a job anyone has.
 */
export const PERMISSIONS = {
  admin: ACTIONS,
  designer: ['template.edit', 'response.read'],
  inspector: ['response.fill', 'response.read', 'task.follow'],
  reviewer: ['response.review', 'response.read'],
  viewer: ['response.read'],
} as const satisfies Record<Role, readonly Action[]>

export function permits(role: Role, action: Action): boolean {
  return (PERMISSIONS[role] as readonly Action[]).includes(action)
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
