/**
 * Best-effort writes to the browser's localStorage for small preferences (language, server
 * address, stored session, last sync time). A full or blocked storage must not break the UI: the
 * value still holds in memory for this page, it is only not remembered across reloads.
 */
export function writeStored(storage: Storage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value)
  } catch {
    /* ignored on purpose, see above */
  }
}

export function removeStored(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key)
  } catch {
    /* ignored on purpose, see writeStored() */
  }
}
