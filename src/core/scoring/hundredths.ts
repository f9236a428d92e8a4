/**
 * Exact arithmetic for points (rule 10 of format.md). Every figure with at most two decimals is
 * held as an integer count of hundredths, so sums and deductions never show 0.1 + 0.2 artefacts.
 * Only weighting, normalizing and percentages make numbers longer; they round half-up here.
 */

/** Points → integer hundredths. Inputs carry at most two decimals, so rounding only removes float noise. */
export function toH(points: number): number {
  const h = Math.round(points * 100)
  // Math.round(-0.4) is -0; keep plain 0 so results compare and print cleanly.
  return h === 0 ? 0 : h
}

/** Integer hundredths → points. */
export function fromH(h: number): number {
  return h / 100
}

/**
 * `num / den` rounded half-up (away from zero, as 四舍五入 is read) to an integer, computed on
 * integers so no intermediate float decides a tie. `den` must be positive.
 */
export function divRound(num: number, den: number): number {
  const sign = num < 0 ? -1 : 1
  const a = Math.abs(num)
  const q = Math.floor((2 * a + den) / (2 * den))
  const r = sign * q
  return r === 0 ? 0 : r
}

/** Percentage of `scoreH` in `maxH`, rounded half-up to two decimals; a max of 0 has no percentage. */
export function percentOf(scoreH: number, maxH: number): number | null {
  if (maxH <= 0) return null
  return fromH(divRound(scoreH * 10000, maxH))
}
