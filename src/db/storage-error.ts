import Dexie from 'dexie'

/**
 * The error IndexedDB raised, out of Dexie's wrappers. Dexie rejects a failed write with a
 * DexieError (same `name`, e.g. 'QuotaExceededError') holding the browser's DOMException in
 * `inner`; the storage contract promises callers the original DOMException, so that the fill view
 * can test `instanceof DOMException` and show 存储空间不足 without knowing Dexie.
 */
export function originalError(error: unknown): unknown {
  let e = error
  while (e instanceof Dexie.DexieError && e.inner !== undefined && e.inner !== null) e = e.inner
  return e
}

/** Runs a write and rejects with the original error (see `originalError`), never swallowing it. */
export async function storageWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw originalError(error)
  }
}

/**
 * Whether a write failed because the browser's storage quota is used up (a full tablet). The
 * browser raises it on the request or, when the commit itself does not fit, as the abort of the
 * transaction (Dexie: an AbortError whose `inner` is the QuotaExceededError), so both are looked at.
 */
export function isQuotaError(error: unknown): boolean {
  for (let e = error; e !== undefined && e !== null; ) {
    if (typeof e === 'object' && 'name' in e && e.name === 'QuotaExceededError') return true
    e = typeof e === 'object' && 'inner' in e ? e.inner : undefined
  }
  return false
}
