/**
 * Attachment metadata: written once, then at most deleted (core's decideAttachment). The bytes
 * follow separately (PUT /api/blobs/<sha256>), and are only accepted once metadata here refers to
 * them. A deletion keeps the row as a tombstone with a new cursor, so pull sends it to every
 * device; the bytes may stay in `blobs` (content-addressed, perhaps shared with another attachment).
 */
import { decideAttachment, type Mutation, type SyncAttachment } from '@/core/sync'
import { allows, writeAction } from '../../access/check'
import { outOfScope } from '../../access/place'
import { syncIssue } from '../issues'
import { heldResponse, json, NEXT_CURSOR } from '../sql'
import { refused, statusOf, type Applied, type ApplyContext } from './context'

type AttachmentMutation = Extract<Mutation, { kind: 'attachment' }>

export async function applyAttachment(m: AttachmentMutation, ctx: ApplyContext): Promise<Applied> {
  const { tx, at } = ctx
  const a = m.attachment
  const response = await heldResponse(tx, a.responseId)
  if (!response) return refused(syncIssue('unknownResponse', `${at}/attachment/responseId`, { responseId: a.responseId }))
  const action = writeAction(response.header.role)
  if (!allows(ctx.access, action, response.scopeId)) return refused(outOfScope(`${at}/attachment/responseId`, a.id, action))
  const rows = await tx.query<{ meta: SyncAttachment }>('select meta from attachments where id = $1', [a.id])
  const outcome = decideAttachment(rows[0]?.meta, a)
  if (outcome === 'conflict') return refused(syncIssue('attachmentConflict', `${at}/attachment`, { id: a.id }))
  if (outcome === 'apply') {
    // A submitted response keeps its evidence: a draft's deletion that arrives after it lost.
    if (a.deleted && response.status === 'submitted') {
      return refused(syncIssue('attachmentLocked', `${at}/attachment/deleted`, { responseId: a.responseId, id: a.id }))
    }
    await tx.query(
      `insert into attachments (id, response_id, sha256, meta, cursor) values ($1, $2, $3, $4::text::jsonb, ${NEXT_CURSOR})
       on conflict (id) do update set meta = excluded.meta, cursor = excluded.cursor`,
      [a.id, a.responseId, a.sha256, json(a)],
    )
  }
  return { status: statusOf(outcome) }
}
