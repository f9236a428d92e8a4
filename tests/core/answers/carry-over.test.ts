import { describe, expect, it } from 'vitest'
import { carryOverAnswers, carryOverItemIds } from '@/core/answers'
import { defaultRoleOf, pairedRole } from '@/core/format/roles'
import type { Item, Template } from '@/core/format/types'
import { sample } from '../../fixtures/load'

const item = (id: string, type: Item['type'], extra: Record<string, unknown> = {}): Item => ({ id, type, title: id, ...extra }) as Item
const t: Template = {
  id: 't',
  version: 1,
  title: 'T',
  sections: [
    { id: 's', title: 's', items: [item('round', 'single', { options: [], carryOver: true }), item('room', 'count')], sections: [
      { id: 's1', title: 's1', items: [item('kind', 'multi', { options: [], carryOver: true }), item('pic', 'photo', { carryOver: true })] },
    ] },
  ],
}

describe('round-level answers (carryOver)', () => {
  it('lists the marked items in template order, never an attachment item', () => {
    expect(carryOverItemIds(t)).toEqual(['round', 'kind'])
  })

  it('carries the value or N/A of each marked item, without notes or attachments', () => {
    const carried = carryOverAnswers(t, {
      round: { value: 'yes', note: 'room note', attachments: ['x'], updatedAt: '2026-12-01T00:00:00Z' },
      room: { value: 3 },
      kind: { na: true },
      pic: { value: ['a1'] },
    })
    expect(carried).toEqual({ round: { value: 'yes' }, kind: { na: true } })
  })

  it('carries nothing for an unanswered marked item', () => {
    expect(carryOverAnswers(t, {})).toEqual({})
  })

  it('marks the dorm sample\'s winter check as round-level', () => {
    expect(carryOverItemIds(sample('dorm-room-safety'))).toEqual(['winter-check'])
  })
})

describe('roles', () => {
  it('starts an inspection (检查) unless the template names another role', () => {
    expect(defaultRoleOf({})).toBe('inspection')
    expect(defaultRoleOf(sample('dorm-room-safety'))).toBe('inspection')
    expect(defaultRoleOf(sample('red-flag-party-branch'))).toBe('self')
  })

  it('pairs self with review only', () => {
    expect([pairedRole('self'), pairedRole('review'), pairedRole('inspection')]).toEqual(['review', 'self', null])
  })
})
