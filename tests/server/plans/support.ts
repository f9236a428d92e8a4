/** Builders for the plans and register tests, on the scoped world of tests/server/access. */
import type { Role } from '@/core/access'
import type { ApiError, PlanInput } from '@/core/sync/protocol'
import { addUser, signIn, type SignedIn } from '../support/app'
import { PASSWORD, type ScopedWorld } from '../access/support/world'

/** A weekly plan on 3号楼 checking the room in scope; override any field. */
export function planInput(fields: Partial<PlanInput> = {}): PlanInput {
  return {
    id: `plan-${crypto.randomUUID()}`,
    title: '3号楼每周三宿舍安全检查',
    templateId: 'dorm-room-safety',
    scopeId: 'b3',
    subjectIds: ['room-in'],
    assignees: {},
    schedule: { type: 'weekly', days: [3] },
    dueTime: '18:00',
    from: '2026-03-01',
    to: '2026-06-30',
    ...fields,
  }
}

let people = 0

/** A new member holding `role` on each of `scopeIds`, signed in on their own device. */
export async function member(w: ScopedWorld, role: Role, ...scopeIds: string[]): Promise<{ userId: string; session: SignedIn; name: string }> {
  const name = `m${++people}`
  const userId = await addUser(w.server.db, name, PASSWORD)
  for (const scopeId of scopeIds) await w.grant(userId, role, scopeId)
  return { userId, session: await signIn(w.server.app, name, PASSWORD), name }
}

/** The codes and pointers of a refusal, as `code pointer`, in the order the server gave them. */
export function refusal(body: ApiError): string[] {
  return (body.issues ?? [body.error]).map((i) => `${i.code} ${i.pointer}`)
}
