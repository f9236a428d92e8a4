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
