/**
 * Releasing a review (issue #14, review as a step): until then a submitted review reaches only
 * those who may review its scope, so a branch never sees a half-agreed score. Releasing gives the
 * review a new cursor, so the devices that may now read it receive it although their cursors
 * had passed it. Anyone who may `response.review` the review's scope may release it; releasing
 * twice keeps the first time. Audited as `reviewReleased`.
 */
import type { FastifyInstance } from 'fastify'
import { API } from '@/core/sync/protocol'
import type { Db } from '../db/types'
import { loadAccess } from '../access/load'
import { allows } from '../access/check'
import { audit } from '../auth/audit'
import { requireAccount } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { lockKey, lockRecords } from '../sync/locks'
import { NEXT_CURSOR } from '../sync/sql'

export interface ReviewRelease {
  id: string
  releasedAt: string
}

const params = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const

// Out of reach and absent answer alike, so nobody learns which reviews exist.
const noReview = (): ApiHttpError =>
  new ApiHttpError(404, 'reviewNotFound', { 'zh-CN': '没有可以发布的这份评审。', en: 'No such review to release.' }, { pointer: '' })

export async function reviewRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  app.post<{ Params: { id: string } }>(`${API.reviews}/:id/release`, { schema: { params } }, async (request): Promise<ReviewRelease> => {
    const account = requireAccount(request)
    const { id } = request.params
    return db.transaction(async (tx) => {
      // The response's record lock, as a push on it takes (server/sync/locks.ts): its status is
      // read under it, so a push cannot reopen it between the check and the release.
      await lockRecords(tx, [lockKey.response(id)])
      const access = await loadAccess(tx, account)
      const rows = await tx.query<{ role: string | null; status: string; deleted: boolean; scopeId: string | null; releasedAt: Date | null }>(
        `select header->>'role' as role, status, deleted, scope_id as "scopeId", released_at as "releasedAt" from responses where id = $1`,
        [id],
      )
      const review = rows[0]
      if (!review || review.role !== 'review' || review.deleted || !allows(access, 'response.review', review.scopeId)) throw noReview()
      if (review.status !== 'submitted') {
        throw new ApiHttpError(409, 'reviewNotSubmitted', { 'zh-CN': '评审还没有提交，提交后才能发布。', en: 'The review is not submitted yet; submit it before releasing it.' }, { pointer: '' })
      }
      if (review.releasedAt) return { id, releasedAt: new Date(review.releasedAt).toISOString() }
      const at = now()
      await tx.query(`update responses set released_at = $2, cursor = ${NEXT_CURSOR} where id = $1`, [id, at])
      // Its answers travel inside the submitted response; its photos, hidden with it, follow it.
      await tx.query(`update attachments set cursor = ${NEXT_CURSOR} where response_id = $1`, [id])
      await audit(tx, 'reviewReleased', { userId: account.userId, deviceId: account.deviceId, at, detail: { responseId: id } })
      return { id, releasedAt: at.toISOString() }
    })
  })
}
