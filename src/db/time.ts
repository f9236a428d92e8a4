/** ISO timestamp now. */
export function nowIso(): string {
  return new Date().toISOString()
}

/**
 * A timestamp strictly after `previous`: two saves in the same millisecond must still order,
 * because bundles merge answers by `updatedAt` and lists sort by it.
 */
export function nextTimestamp(previous: string | undefined, now: string = nowIso()): string {
  if (previous === undefined || now > previous) return now
  const prev = Date.parse(previous)
  return Number.isNaN(prev) ? now : new Date(prev + 1).toISOString()
}
