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
