/** The part of `navigator.storage` used here, so tests can pass their own. */
export interface PersistableStorage {
  persist?: () => Promise<boolean>
  persisted?: () => Promise<boolean>
}

const requests = new WeakMap<PersistableStorage, Promise<boolean>>()

/**
 * Asks the browser once to keep this origin's data when space runs low (called by the fill store
 * on the first save). Resolves whether storage is persistent. A browser without the API, or one
 * that refuses, is not an error: the data is still saved, just evictable, so this never throws.
 */
export function persistStorage(
  storage: PersistableStorage | undefined = globalThis.navigator?.storage,
): Promise<boolean> {
  if (!storage) return Promise.resolve(false)
  let request = requests.get(storage)
  if (!request) {
    request = ask(storage)
    requests.set(storage, request)
  }
  return request
}

async function ask(storage: PersistableStorage): Promise<boolean> {
  try {
    if ((await storage.persisted?.()) === true) return true
    return (await storage.persist?.()) ?? false
  } catch {
    // Some embedded browsers throw instead of answering false; the answer is the same.
    return false
  }
}
