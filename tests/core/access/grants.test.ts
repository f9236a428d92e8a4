import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ACTIONS, allowedScopes, can, permits, ROLES, ScopeTree, type Action, type Grant, type Role } from '@/core/access'
import { arbitraryTree, COLLEGE } from './support'

const built = ScopeTree.build(COLLEGE)
if (!built.ok) throw new Error('the test college is invalid')
const college = built.value
const grant = (role: Role, scopeId: string, userId = 'u1'): Grant => ({ userId, role, scopeId })

describe('roles', () => {
  // The whole table, spelled out: a change to a role's powers must change this test too.
  it.each<[Role, Action[]]>([
    ['admin', [...ACTIONS]],
    ['designer', ['template.edit', 'response.read']],
    ['inspector', ['response.fill', 'response.read', 'task.follow']],
    ['reviewer', ['response.review', 'response.read']],
    ['viewer', ['response.read']],
  ])('%s may do exactly %j', (role, allowed) => {
    expect(ACTIONS.filter((a) => permits(role, a))).toEqual(ACTIONS.filter((a) => allowed.includes(a)))
  })
})

describe('grants on scopes', () => {
  it('lets a floor counsellor fill on that floor only, and read it', () => {
    const counsellor = [grant('inspector', 'b3f2')]
    expect(can(counsellor, college, 'response.fill', 'b3f2')).toBe(true)
    expect(can(counsellor, college, 'response.fill', 'b3f1')).toBe(false)
    expect(can(counsellor, college, 'response.fill', 'b3')).toBe(false)
    expect(can(counsellor, college, 'response.review', 'b3f2')).toBe(false)
    expect([...allowedScopes(counsellor, college, 'response.read')]).toEqual(['b3f2'])
  })

  it('lets a building cadre read every floor of the building and nothing of the other one', () => {
    const cadre = [grant('viewer', 'b3')]
    expect([...allowedScopes(cadre, college, 'response.read')].sort()).toEqual(['b3', 'b3f1', 'b3f2'])
    expect(can(cadre, college, 'response.read', 'b5f1')).toBe(false)
  })

  it('keeps the Party committee’s reviewers out of the dormitories', () => {
    const reviewer = [grant('reviewer', 'dw')]
    expect([...allowedScopes(reviewer, college, 'response.review')].sort()).toEqual(['dw', 'zb1', 'zb2'])
    expect(can(reviewer, college, 'response.read', 'b3f1')).toBe(false)
  })

  it('adds up several grants, each on its own scope', () => {
    const both = [grant('inspector', 'b3f1'), grant('reviewer', 'zb1')]
    expect(can(both, college, 'response.fill', 'b3f1')).toBe(true)
    expect(can(both, college, 'response.review', 'zb1')).toBe(true)
    expect(can(both, college, 'response.review', 'b3f1')).toBe(false)
    expect([...allowedScopes(both, college, 'response.read')].sort()).toEqual(['b3f1', 'zb1'])
  })

  it('allows nothing on a scope the tree does not know, and nothing without grants', () => {
    expect(can([grant('admin', 'college')], college, 'response.read', 'elsewhere')).toBe(false)
    expect(allowedScopes([], college, 'response.read').size).toBe(0)
  })

  it('answers one record (can) and a query (allowedScopes) alike, on any tree and grants', () => {
    fc.assert(
      fc.property(
        arbitraryTree(),
        fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.nat()), { maxLength: 4 }),
        fc.constantFrom(...ACTIONS),
        fc.nat(),
        (scopes, picks, action, at) => {
          const built = ScopeTree.build(scopes)
          if (!built.ok) throw new Error('arbitraryTree made an invalid tree')
          const grants = picks.map(([role, n]) => grant(role, scopes[n % scopes.length]!.id))
          const scopeId = scopes[at % scopes.length]!.id
          expect(can(grants, built.value, action, scopeId)).toBe(allowedScopes(grants, built.value, action).has(scopeId))
        },
      ),
    )
  })
})
