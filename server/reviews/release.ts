/**
 * Releasing reviews to the reviewed (issue #14), shared by one review's release (routes.ts) and a
 * cycle's (server/cycles): each released review gets the time and a new cursor, so the devices
 * that may now read it receive it although their cursors had passed it, and so do its photos,
 * hidden with it (its answers travel inside the submitted response).
 *
 * The caller holds the reviews' record locks (server/sync/locks.ts) from before it read them, so
 * a push cannot reopen one between the check and the release.
 */
import type { Queryable } from '../db/types'
import { NEXT_CURSOR } from '../sync/sql'

export interface HeldReview {
  id: string
  role: string | null
  status: string
  deleted: boolean
  /** Null for a response stored before scopes existed. */
  scopeId: string | null
  releasedAt: Date | null
}

const HELD_REVIEW = `select id, header->>'role' as role, status, deleted, scope_id as "scopeId", released_at as "releasedAt" from responses`

/** The response `id` as a review to release, under its record lock. */
export async function heldReview(tx: Queryable, id: string): Promise<HeldReview | undefined> {
  return (await tx.query<HeldReview>(`${HELD_REVIEW} where id = $1`, [id]))[0]
}

/** Every review (any status) that names the cycle `cycleId` in its header: what a cycle release locks. */
export async function reviewsOfCycle(tx: Queryable, cycleId: string): Promise<HeldReview[]> {
  return tx.query<HeldReview>(`${HELD_REVIEW} where header->>'role' = 'review' and header->>'cycleId' = $1 order by id`, [cycleId])
}

/** Whether `review` can be released now: a live, submitted review not released yet. */
export const releasable = (review: HeldReview): boolean => review.role === 'review' && !review.deleted && review.status === 'submitted' && review.releasedAt === null

/** Releases the reviews `ids` at `at` (their locks held, each checked `releasable`). */
export async function releaseReviews(tx: Queryable, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return
  await tx.query(`update responses set released_at = $2, cursor = ${NEXT_CURSOR} where id = any($1::text[])`, [[...ids], at])
  await tx.query(`update attachments set cursor = ${NEXT_CURSOR} where response_id = any($1::text[])`, [[...ids]])
}
