/**
 * An undo/redo history of immutable snapshots. With structurally shared templates (tree.ts) a
 * snapshot costs only the changed path, so a deep history of a 1,000-item template stays small.
 */
export interface History<T> {
  past: readonly T[]
  present: T
  future: readonly T[]
  limit: number
}

export const DEFAULT_HISTORY_LIMIT = 200

export function createHistory<T>(present: T, limit = DEFAULT_HISTORY_LIMIT): History<T> {
  return { past: [], present, future: [], limit }
}

/** Records a new present; the redo branch is dropped. The same value records nothing. */
export function record<T>(h: History<T>, next: T): History<T> {
  if (Object.is(next, h.present)) return h
  const past = h.past.length >= h.limit ? [...h.past.slice(h.past.length - h.limit + 1), h.present] : [...h.past, h.present]
  return { past, present: next, future: [], limit: h.limit }
}

/** Replaces the present without a history step (e.g. coalescing keystrokes in one field). */
export function replacePresent<T>(h: History<T>, next: T): History<T> {
  return { ...h, present: next, future: [] }
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1]
  if (h.past.length === 0) return h
  return { past: h.past.slice(0, -1), present: prev as T, future: [h.present, ...h.future], limit: h.limit }
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h
  const [next, ...rest] = h.future
  return { past: [...h.past, h.present], present: next as T, future: rest, limit: h.limit }
}
