// The cycle tables' text helpers: signed differences and the rank change.
import { describe, expect, it } from 'vitest'
import { rankChangeText, signedText } from '@/components/cycles/results/format'

const words = { up: (n: number) => `↑${n}`, down: (n: number) => `↓${n}`, same: '—', newEntry: '新' }

describe('signedText', () => {
  it.each([
    [2.5, '+2.5'],
    [-2.33, '−2.33'],
    [0, '0'],
    [-0.004, '0'],
    [null, '—'],
    [undefined, '—'],
  ])('%s → %s', (n, text) => expect(signedText(n)).toBe(text))
})

describe('rankChangeText', () => {
  it('reads places gained as up, places lost as down, none as unchanged, and no previous rank as new', () => {
    expect([2, -1, 0, null].map((rankChange) => rankChangeText({ rankChange }, words))).toEqual(['↑2', '↓1', '—', '新'])
  })
})
