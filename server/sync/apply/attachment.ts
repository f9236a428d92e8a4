/**
 * Attachment metadata: written once (core's decideImmutable). The bytes follow separately
 * (PUT /api/blobs/<sha256>), and are only accepted once metadata here refers to them.
 */
import { decideImmutable, type Mutation, type SyncAttachment } from '@/core/sync'
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
  const outcome = decideImmutable(rows[0]?.meta, a)
  if (outcome === 'conflict') return refused(syncIssue('attachmentConflict', `${at}/attachment`, { id: a.id }))
  if (outcome === 'apply') {
    await tx.query(
      `insert into attachments (id, response_id, sha256, meta, cursor) values ($1, $2, $3, $4::text::jsonb, ${NEXT_CURSOR})`,
      [a.id, a.responseId, a.sha256, json(a)],
    )
  }
  return { status: statusOf(outcome) }
}
