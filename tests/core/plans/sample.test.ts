import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { drawSample } from '@/core/plans'

const rooms = Array.from({ length: 40 }, (_, i) => `3-${300 + i}`)

describe('surprise inspections (抽查)', () => {
  it('draws the same rooms from the same seed, and other rooms from another', () => {
    const a = drawSample(rooms, 5, '2026-12-03 王主任')
    expect(drawSample(rooms, 5, '2026-12-03 王主任')).toEqual(a)
    expect(drawSample(rooms, 5, '2026-12-10 王主任')).not.toEqual(a)
  })

  it('draws every room when asked for more than there are, and none for zero', () => {
    expect([...drawSample(rooms, 99, 's')].sort()).toEqual([...rooms].sort())
    expect(drawSample(rooms, 0, 's')).toEqual([])
  })

  it('draws n distinct rooms from the pool, whatever the pool, n and seed', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 60 }), fc.nat(80), fc.string(), (pool, n, seed) => {
        const drawn = drawSample(pool, n, seed)
        expect(new Set(drawn).size).toBe(drawn.length)
        expect(drawn.length).toBe(Math.min(n, new Set(pool).size))
        for (const d of drawn) expect(pool).toContain(d)
      }),
    )
  })

  it('gives every room a fair chance: over 4,000 draws of 1 from 4, each room 800–1,200 times', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 4000; i++) {
      const [room] = drawSample(['a', 'b', 'c', 'd'], 1, `seed-${i}`)
      counts.set(room!, (counts.get(room!) ?? 0) + 1)
    }
    for (const n of counts.values()) expect(n).toBeGreaterThan(800)
    for (const n of counts.values()) expect(n).toBeLessThan(1200)
  })
})
