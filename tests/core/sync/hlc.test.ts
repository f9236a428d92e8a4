import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ClockError, MAX_CLOCK_AHEAD_MS, clockOf, compareHlc, encodeHlc, hlcTooFarAhead, legacyHlc, parseHlc, receiveHlc, tickHlc } from '@/core/sync/hlc'

const T = Date.parse('2026-12-02T08:00:00Z')
const A = 'device-a'
const B = 'device-b'

describe('hybrid logical clock', () => {
  it('encodes so that text order is (wall, count, node) order', () => {
    const readings = [
      { wall: T, count: 0, node: A },
      { wall: T, count: 0, node: B },
      { wall: T, count: 1, node: A },
      { wall: T + 1, count: 0, node: A },
      { wall: T + 10_000, count: 0, node: A },
    ]
    const texts = readings.map(encodeHlc)
    expect([...texts].sort()).toEqual(texts)
    for (const [i, t] of texts.entries()) expect(parseHlc(t)).toEqual(readings[i])
  })

  it.each([
    ['no clock', 'hello'],
    ['short wall', '1.00000.a'],
    ['bad node', `${'0'.repeat(16)}.00000.a b`],
    ['not a string', 42],
  ])('parses nothing from %s', (_, text) => {
    expect(parseHlc(text)).toBeUndefined()
  })

  it('ticks forward with the wall clock, and by the counter when the wall clock stands still or goes back', () => {
    const first = tickHlc(undefined, T, A)
    expect(parseHlc(first)).toEqual({ wall: T, count: 0, node: A })
    const same = tickHlc(first, T, A)
    expect(parseHlc(same)).toEqual({ wall: T, count: 1, node: A })
    const back = tickHlc(same, T - 5000, A)
    expect(parseHlc(back)).toEqual({ wall: T, count: 2, node: A })
    expect(parseHlc(tickHlc(back, T + 1, A))).toEqual({ wall: T + 1, count: 0, node: A })
  })

  it('after receiving a remote reading, the next local event orders after it even with a slow wall clock', () => {
    // B's wall clock is 3 minutes behind A's; B edits after seeing A's edit: B's edit must win.
    const aEdit = tickHlc(undefined, T, A)
    const bClock = receiveHlc(undefined, aEdit, T - 180_000, B)
    const bEdit = tickHlc(bClock, T - 179_000, B)
    expect(compareHlc(bEdit, aEdit)).toBe(1)
  })

  it('does not take a remote reading from too far in the future', () => {
    const ahead = encodeHlc({ wall: T + MAX_CLOCK_AHEAD_MS + 1, count: 0, node: B })
    expect(hlcTooFarAhead(ahead, T)).toBe(true)
    expect(hlcTooFarAhead(encodeHlc({ wall: T + MAX_CLOCK_AHEAD_MS, count: 0, node: B }), T)).toBe(false)
    expect(parseHlc(receiveHlc(undefined, ahead, T, A))?.wall).toBe(T)
  })

  it('refuses a node that could not be a device id', () => {
    expect(() => tickHlc(undefined, T, 'a.b')).toThrow(ClockError)
  })

  it('reads legacy records by their updatedAt, before any clock ticked in the same millisecond', () => {
    const legacy = clockOf({ updatedAt: new Date(T).toISOString() })
    expect(legacy).toBe(legacyHlc(new Date(T).toISOString()))
    expect(compareHlc(tickHlc(undefined, T, A), legacy)).toBe(1)
    expect(clockOf({ hlc: tickHlc(undefined, T, A), updatedAt: '2030-01-01T00:00:00Z' })).toBe(tickHlc(undefined, T, A))
  })

  it('property: every tick and receive is strictly after the local reading and the remote one', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), dt: fc.integer({ min: -5000, max: 5000 }) }),
      fc.record({ kind: fc.constant('receive' as const), dt: fc.integer({ min: -5000, max: 5000 }), skew: fc.integer({ min: -600_000, max: 600_000 }), count: fc.nat(50) }),
    )
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let now = T
        let clock: string | undefined
        for (const e of events) {
          now += e.dt
          const before = clock
          if (e.kind === 'tick') clock = tickHlc(clock, now, A)
          else {
            const remote = encodeHlc({ wall: now + e.skew, count: e.count, node: B })
            clock = receiveHlc(clock, remote, now, A)
            expect(compareHlc(clock, remote)).toBe(1)
          }
          if (before !== undefined) expect(compareHlc(clock, before)).toBe(1)
          expect(parseHlc(clock)!.wall).toBeGreaterThanOrEqual(now)
        }
      }),
    )
  })
})
