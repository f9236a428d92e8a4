/**
 * Rule 2 of evaluation.md: one figure of the panel from the reviews' own figures, in integer
 * hundredths (scoring/hundredths.ts) so sums are exact and the one division rounds half-up.
 */
import { divRound } from '../scoring/hundredths'
import type { AggregateMethod } from './types'

export const DEFAULT_TRIM = 1

/** Sum, then one division rounded half-up. `values` is not empty. */
function meanH(values: readonly number[], from: number, to: number): number {
  let sum = 0
  for (let i = from; i < to; i++) sum += values[i] as number
  return divRound(sum, to - from)
}

/**
 * The aggregate of `values` (hundredths) by `method`; null for no values. `trimmedMean` drops the
 * `trim` highest and `trim` lowest only when at least 2 × trim + 3 values exist, otherwise it is
 * the plain mean. A median of an even count is the mean of the two middle values.
 */
export function aggregateH(values: readonly number[], method: AggregateMethod, trim = DEFAULT_TRIM): number | null {
  const n = values.length
  if (n === 0) return null
  switch (method) {
    case 'mean':
      return meanH(values, 0, n)
    case 'median': {
      const sorted = [...values].sort((a, b) => a - b)
      const mid = n >> 1
      return n % 2 === 1 ? (sorted[mid] as number) : divRound((sorted[mid - 1] as number) + (sorted[mid] as number), 2)
    }
    case 'trimmedMean': {
      if (n < 2 * trim + 3) return meanH(values, 0, n)
      const sorted = [...values].sort((a, b) => a - b)
      return meanH(sorted, trim, n - trim)
    }
    default: {
      const never: never = method
      throw new Error(`unknown aggregate ${String(never)}`)
    }
  }
}
