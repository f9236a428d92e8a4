/** Builders for the cycles tests, on the scoped world of tests/server/access: a branch on each floor. */
import type { CycleInput, SyncCycle } from '@/core/sync/protocol'
import { NEXT_CURSOR } from '../../../server/sync/sql'
import { PLACES, type Place, type ScopedWorld } from '../access/support/world'

/** The register's branch (kind `branch`) on `place`'s floor: `branch-in`, `branch-out`. */
export const branchOf = (place: Place): string => `branch-${place}`

/** Writes a register entry of kind `branch` straight into the table (fields as given, even malformed ones). */
export async function addBranch(w: ScopedWorld, id: string, scopeId: string, fields: Record<string, string | number>, label = id): Promise<void> {
  await w.server.db.query(`insert into subjects (id, kind, scope_id, fields, label, cursor) values ($1, 'branch', $2, $3::text::jsonb, $4, ${NEXT_CURSOR})`, [id, scopeId, JSON.stringify(fields), label])
}

/** Adds a branch to the register on each floor of the world, next to its room. */
export async function addBranches(w: ScopedWorld): Promise<void> {
  for (const [place, { scopeId, subject }] of Object.entries(PLACES)) await addBranch(w, branchOf(place as Place), scopeId, subject, `${subject.building}党支部`)
}

let cycles = 0

/** A cycle of the dorm template on 3号楼 with the branch in scope, the reviewer on its panel; override any field. */
export function cycleInput(fields: Partial<CycleInput> = {}): CycleInput {
  return {
    id: `cycle-${++cycles}-${crypto.randomUUID().slice(0, 8)}`,
    title: '2026年度红旗党支部评审',
    template: { id: 'dorm-room-safety', version: 1 },
    subjectKey: ['building', 'room'],
    subjects: [{ building: '3号楼', room: '301' }],
    panel: { aggregate: 'mean', members: ['reviewer'] },
    quotas: [{ band: 'excellent', maxPercent: 30 }],
    scopeId: 'b3',
    subjectIds: [branchOf('in')],
    ...fields,
  }
}

/** The input of a stored cycle, as a device sends it back to replace it. */
export function inputOf(cycle: SyncCycle): CycleInput {
  const { people: _people, updatedAt: _updatedAt, releasedAt: _releasedAt, ...input } = cycle
  return input
}
