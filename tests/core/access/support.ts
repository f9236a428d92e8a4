/** Tiny scope builders and a random valid tree for property tests. */
import fc from 'fast-check'
import { CHILD_KINDS, type Scope, type ScopeKind } from '@/core/access'

export const scope = (id: string, parentId: string | null, kind: ScopeKind, name = id): Scope => ({ id, parentId, kind, name })

/** The college of the seed: 学工部 with two buildings, the Party committee with two branches. */
export const COLLEGE: Scope[] = [
  scope('college', null, 'college', '职业学院'),
  scope('xgb', 'college', 'department', '学工部'),
  scope('b3', 'xgb', 'building', '3号楼'),
  scope('b3f1', 'b3', 'floor', '3号楼1层'),
  scope('b3f2', 'b3', 'floor', '3号楼2层'),
  scope('b5', 'xgb', 'building', '5号楼'),
  scope('b5f1', 'b5', 'floor', '5号楼1层'),
  scope('dw', 'college', 'committee', '党委'),
  scope('zb1', 'dw', 'branch', '第一党支部'),
  scope('zb2', 'dw', 'branch', '第二党支部'),
]

/** A valid tree of up to `max` scopes: each new scope hangs under an earlier one that may hold its kind. */
export function arbitraryTree(max = 25): fc.Arbitrary<Scope[]> {
  return fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: max - 1 }).map((picks) => {
    const scopes: Scope[] = [scope('s0', null, 'college')]
    for (const [parentPick, kindPick] of picks) {
      const parents = scopes.filter((s) => CHILD_KINDS[s.kind].length > 0)
      const parent = parents[parentPick % parents.length]!
      const kinds: readonly ScopeKind[] = CHILD_KINDS[parent.kind]
      scopes.push(scope(`s${scopes.length}`, parent.id, kinds[kindPick % kinds.length]!))
    }
    return scopes
  })
}
