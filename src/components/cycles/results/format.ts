/** Display helpers for the cycle's tables (plain functions: easy to test, no Vue). */
import type { SummaryRow } from '@/core/cycles'
import { pointsText } from '@/components/results/format'

/** A difference with its sign: "+1.5", "−2.33", "0"; "—" when there is none. */
export function signedText(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  // Rounded first, so a difference below a hundredth is "0", never "−0".
  const r = Math.round(n * 100) / 100
  if (r === 0) return '0'
  return r > 0 ? `+${pointsText(r)}` : `−${pointsText(-r)}`
}

export interface ChangeWords {
  up: (n: number) => string
  down: (n: number) => string
  same: string
  newEntry: string
}

/**
 * The rank change against the previous cycle ("↑2", "↓1", "—"), or "新" for a branch the previous
 * cycle did not rank. `rankChange` is places gained: the previous rank minus this one.
 */
export function rankChangeText(row: Pick<SummaryRow, 'rankChange'>, words: ChangeWords): string {
  const c = row.rankChange
  if (c === null) return words.newEntry
  if (c === 0) return words.same
  return c > 0 ? words.up(c) : words.down(-c)
}
