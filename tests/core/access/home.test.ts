import { describe, expect, it } from 'vitest'
import { homeParts } from '@/core/access'

describe('homeParts', () => {
  it('shows nothing role-specific without grants', () => {
    expect(homeParts(undefined)).toEqual([])
    expect(homeParts([])).toEqual([])
  })

  it('names each part once, in a fixed order', () => {
    expect(
      homeParts([
        { role: 'viewer', scopeId: 'building:3号楼' },
        { role: 'inspector', scopeId: 'floor:3号楼/3' },
        { role: 'inspector', scopeId: 'floor:3号楼/4' },
        { role: 'reviewer', scopeId: 'branch:一支部' },
      ]),
    ).toEqual(['inspector', 'reviewer', 'head'])
  })

  it('makes a head of a viewer or admin over a building or more, not over one floor or branch', () => {
    expect(homeParts([{ role: 'admin', scopeId: 'college' }])).toEqual(['head'])
    expect(homeParts([{ role: 'viewer', scopeId: 'floor:3号楼/3' }])).toEqual([])
    expect(homeParts([{ role: 'admin', scopeId: 'branch:一支部' }])).toEqual([])
    expect(homeParts([{ role: 'designer', scopeId: 'college' }])).toEqual([])
  })
})
