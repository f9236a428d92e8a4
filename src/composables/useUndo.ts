/**
 * Undo/redo over immutable snapshots (`core/builder/history`), as refs for the view. Edits that
 * share a `coalesce` key in a row (keystrokes in one field) make one step, not one per key.
 */
import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import { createHistory, record, redo, replacePresent, undo, DEFAULT_HISTORY_LIMIT, type History } from '@/core/builder/history'

export interface UseUndoOptions {
  /** Steps kept; at least 100 per the brief. */
  limit?: number
}

export interface UseUndoReturn<T> {
  history: ShallowRef<History<T>>
  present: ComputedRef<T>
  canUndo: ComputedRef<boolean>
  canRedo: ComputedRef<boolean>
  /** Records `next` as a step; with the same `coalesce` key as the previous edit, merges into it. */
  commit(next: T, coalesce?: string): void
  undo(): void
  redo(): void
  /** Starts over from `value` with an empty history (a template was opened). */
  reset(value: T): void
}

export function useUndo<T>(initial: T, { limit = DEFAULT_HISTORY_LIMIT }: UseUndoOptions = {}): UseUndoReturn<T> {
  const history = shallowRef<History<T>>(createHistory(initial, limit))
  let lastKey: string | undefined
  const commit = (next: T, coalesce?: string): void => {
    const h = history.value
    history.value = coalesce !== undefined && coalesce === lastKey && h.past.length > 0 ? replacePresent(h, next) : record(h, next)
    lastKey = coalesce
  }
  return {
    history,
    present: computed(() => history.value.present),
    canUndo: computed(() => history.value.past.length > 0),
    canRedo: computed(() => history.value.future.length > 0),
    commit,
    undo: () => {
      lastKey = undefined
      history.value = undo(history.value)
    },
    redo: () => {
      lastKey = undefined
      history.value = redo(history.value)
    },
    reset: (value: T) => {
      lastKey = undefined
      history.value = createHistory(value, limit)
    },
  }
}
