/** What a condition can read: an item (or a score variable), with its options when it has them. */
import type { Item } from '@/core/format/types'

export interface ConditionTarget {
  id: string
  title: string
  /** Options of a single/multi item, so the value is picked by label instead of typed as an id. */
  options?: ReadonlyArray<{ id: string; label: string }>
}

export function conditionTarget(item: Item): ConditionTarget {
  return item.type === 'single' || item.type === 'multi'
    ? { id: item.id, title: item.title, options: item.options.map((o) => ({ id: o.id, label: o.label })) }
    : { id: item.id, title: item.title }
}
