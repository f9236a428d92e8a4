/**
 * What an account may see in a pull, decided here and nowhere else: the scopes where its grants
 * allow `response.read` (core's allowedScopes), applied in SQL so that out-of-scope rows never
 * leave the database. Without any scope (a deployment that has not adopted them) and for the
 * account administrator, everything.
 */
import type { Queryable } from '../db/types'
import type { RequestAccount } from '../http/account'
import { readFilter, templateFilter, type ReadFilter } from '../access/check'
import { loadAccess } from '../access/load'

export async function visibleScopes(q: Queryable, account: RequestAccount): Promise<{ records: ReadFilter; templates: ReadFilter; reviews: ReadFilter }> {
  const access = await loadAccess(q, account)
  return { records: readFilter(access, 'response.read'), templates: templateFilter(access), reviews: readFilter(access, 'response.review') }
}
