/**
 * Releasing a review (issue #14, review as a step): until then a submitted review reaches only
 * those who may review its scope, so a branch never sees a half-agreed score. Releasing gives the
 * review a new cursor (release.ts), so the devices that may now read it receive it although their
 * cursors had passed it. Anyone who may `response.review` the review's scope may release it; releasing
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
import { heldReview, releaseReviews } from './release'

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
      const review = await heldReview(tx, id)
      if (!review || review.role !== 'review' || review.deleted || !allows(access, 'response.review', review.scopeId)) throw noReview()
      if (review.status !== 'submitted') {
        throw new ApiHttpError(409, 'reviewNotSubmitted', { 'zh-CN': '评审还没有提交，提交后才能发布。', en: 'The review is not submitted yet; submit it before releasing it.' }, { pointer: '' })
      }
      if (review.releasedAt) return { id, releasedAt: new Date(review.releasedAt).toISOString() }
      const at = now()
      await releaseReviews(tx, [id], at)
      await audit(tx, 'reviewReleased', { userId: account.userId, deviceId: account.deviceId, at, detail: { responseId: id } })
      return { id, releasedAt: at.toISOString() }
    })
  })
}
