import type { QingdanDatabase } from '../database'
import { ResponseLockedError, ResponseNotFoundError } from '../errors'
import type { ResponseRow } from '../rows'

/**
 * The response a write is about, checked to be a draft. Call inside the write's transaction, so
 * that a submit in another tab cannot slip in between the check and the write.
 */
export async function writableResponse(db: QingdanDatabase, id: string): Promise<ResponseRow> {
  const row = await db.responses.get(id)
  if (!row) throw new ResponseNotFoundError(id)
  if (row.status === 'submitted') throw new ResponseLockedError(id)
  return row
}

/**
 * Whether two structured-clone values (rows read from IndexedDB) hold the same data. Key order is
 * ignored; only plain data occurs in rows (no Dates, Maps or cycles), so this small walk suffices.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameData(ra[k], rb[k]))
}
