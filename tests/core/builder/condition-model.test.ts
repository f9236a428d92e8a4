import { describe, expect, it } from 'vitest'
import { clause, fromJsonLogic, parseClauseValue, toJsonLogic, type Group } from '@/core/builder'
import { ruleHolds } from '@/core/conditions'

describe('condition model ↔ JSON Logic', () => {
  it('writes an AND of clauses that the engine evaluates as meant', () => {
    const g: Group = { kind: 'group', op: 'and', children: [clause('q1', '==', 'no'), clause('q2', '>', 2)] }
    const rule = toJsonLogic(g)
    expect(rule).toEqual({ and: [{ '==': [{ var: 'q1' }, 'no'] }, { '>': [{ var: 'q2' }, 2] }] })
    expect(ruleHolds(rule!, { q1: 'no', q2: 3 })).toBe(true)
    expect(ruleHolds(rule!, { q1: 'no', q2: 1 })).toBe(false)
  })

  it('reads back nested groups, answered checks and set membership', () => {
    const g: Group = {
      kind: 'group',
      op: 'or',
      children: [clause('q1', 'answered', null), { kind: 'group', op: 'and', children: [clause('m', 'in', 'a'), clause('q3', '!=', true)] }],
    }
    expect(fromJsonLogic(toJsonLogic(g))).toEqual(g)
  })

  it('wraps a single clause in a group and treats no rule as an empty group', () => {
    expect(fromJsonLogic({ '==': [{ var: 'q1' }, 'yes'] })).toEqual({ kind: 'group', op: 'and', children: [clause('q1', '==', 'yes')] })
    expect(fromJsonLogic(undefined)).toEqual({ kind: 'group', op: 'and', children: [] })
    expect(toJsonLogic({ kind: 'group', op: 'and', children: [] })).toBeUndefined()
  })

  it('returns null for rules the visual editor cannot show, so they stay as JSON', () => {
    expect(fromJsonLogic({ all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] })).toBeNull()
    expect(fromJsonLogic({ '==': [{ '+': [1, 2] }, 3] })).toBeNull()
  })

  it('reads typed values from the value box', () => {
    expect(parseClauseValue('3.5')).toBe(3.5)
    expect(parseClauseValue('true')).toBe(true)
    expect(parseClauseValue('no')).toBe('no')
    expect(parseClauseValue('')).toBe('')
  })
})
