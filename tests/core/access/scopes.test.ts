import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ScopeTree, type Scope } from '@/core/access'
import { arbitraryTree, COLLEGE, scope } from './support'

function tree(scopes: Scope[]): ScopeTree {
  const built = ScopeTree.build(scopes)
  if (!built.ok) throw new Error(JSON.stringify(built.issues))
  return built.value
}

describe('the scope tree', () => {
  const college = tree(COLLEGE)

  it('walks up from a floor to the college, nearest first', () => {
    expect(college.ancestors('b3f2')).toEqual(['b3f2', 'b3', 'xgb', 'college'])
    expect(college.ancestors('nowhere')).toEqual([])
  })

  it('reaches down from a building to its floors only, and from the committee to its branches', () => {
    expect([...college.subtree('b3')].sort()).toEqual(['b3', 'b3f1', 'b3f2'])
    expect([...college.subtree('dw')].sort()).toEqual(['dw', 'zb1', 'zb2'])
    expect(college.contains('b3', 'b5f1')).toBe(false)
    expect(college.contains('college', 'zb2')).toBe(true)
  })

  it.each([
    { why: 'a repeated id', scopes: [...COLLEGE, scope('b3', 'xgb', 'building')], code: 'duplicateScope', pointer: '/10/id' },
    { why: 'an unknown parent', scopes: [...COLLEGE, scope('b9f1', 'b9', 'floor')], code: 'unknownParent', pointer: '/10/parentId' },
    { why: 'a floor under a department', scopes: [...COLLEGE, scope('f', 'xgb', 'floor')], code: 'kindUnderKind', pointer: '/10/kind' },
    { why: 'a branch under a building', scopes: [...COLLEGE, scope('zb9', 'b3', 'branch')], code: 'kindUnderKind', pointer: '/10/kind' },
    { why: 'a root that is not a college', scopes: [scope('dw', null, 'committee')], code: 'rootKind', pointer: '/0/parentId' },
    { why: 'two scopes that are each other’s parent', scopes: [scope('a', 'b', 'college'), scope('b', 'a', 'college')], code: 'scopeCycle', pointer: '/0/parentId' },
  ])('refuses $why, naming where', ({ scopes, code, pointer }) => {
    const built = ScopeTree.build(scopes)
    expect(built.ok).toBe(false)
    if (built.ok) return
    expect(built.issues).toContainEqual(expect.objectContaining({ code, pointer }))
    for (const i of built.issues) expect(i.message['zh-CN'].length).toBeGreaterThan(0)
  })

  it('agrees with itself on any valid tree: B is in the subtree of A exactly when A is among B’s ancestors', () => {
    fc.assert(
      fc.property(arbitraryTree(), fc.nat(), fc.nat(), (scopes, i, j) => {
        const t = tree(scopes)
        const a = scopes[i % scopes.length]!.id
        const b = scopes[j % scopes.length]!.id
        expect(t.subtree(a).has(b)).toBe(t.ancestors(b).includes(a))
        // Every scope hangs under the one root.
        expect(t.ancestors(b).at(-1)).toBe('s0')
      }),
    )
  })
})
