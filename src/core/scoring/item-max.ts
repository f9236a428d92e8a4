/** Rule 1 of format.md: the maximum of one item, and how its options score. */
import type { Item, Option } from '../format/types'
import { fromH, toH } from './hundredths'

/** Item types that can carry points. */
export type ScoredItem = Extract<Item, { type: 'single' | 'multi' | 'count' | 'score' | 'number' }>

export function isScoredType(item: Item): item is ScoredItem {
  switch (item.type) {
    case 'single':
    case 'multi':
    case 'count':
    case 'score':
      return true
    case 'number':
      // A number item without thresholds or a target is a plain measurement.
      return item.thresholds !== undefined || (item.target !== undefined && item.deductEach !== undefined)
    case 'text':
    case 'date':
    case 'photo':
    case 'file':
    case 'signature':
    case 'info':
      return false
    default: {
      const never: never = item
      return never
    }
  }
}

/** A choice item is deductive when any option deducts (满分减扣分); otherwise options add points. */
export function isDeductive(options: readonly Option[]): boolean {
  return options.some((o) => o.deduct !== undefined)
}

function largestH(values: readonly number[]): number {
  let best = 0
  for (const v of values) best = Math.max(best, toH(v))
  return best
}

/** Item max in hundredths (see `itemMax`). */
export function itemMaxH(item: Item): number {
  if (!isScoredType(item)) return 0
  if (item.max !== undefined) return toH(item.max)
  switch (item.type) {
    case 'single':
      return largestH(item.options.map((o) => o.points ?? 0))
    case 'multi': {
      let sum = 0
      for (const o of item.options) if (o.points !== undefined && o.points > 0) sum += toH(o.points)
      return sum
    }
    case 'number':
      return largestH((item.thresholds ?? []).map((t) => t.points))
    case 'count':
    case 'score':
      // A count without a max deducts from nothing; validation asks for one with `deductEach`.
      return 0
    default: {
      const never: never = item
      return never
    }
  }
}

/**
 * Item max per rule 1: the item's `max`; else for `single` the largest option points, for
 * `multi` the sum of positive points, for `number` the largest threshold points. Items that
 * carry no points (text, photo, info …) have max 0. For builders and previews.
 */
export function itemMax(item: Item): number {
  return fromH(itemMaxH(item))
}
