/**
 * The self-assessment a review is filled beside (#15): its row, answers, frozen template version
 * and the metadata of its attachments, read in one go when the fill page opens a review. The
 * bytes stay in the database; thumbnails are read one by one when shown.
 */
import type { QingdanDatabase } from '../database'
import type { ResponseRow } from '../rows'
import type { Response, Template } from '@/core/format/types'
import { attachmentMeta, listAttachments, type AttachmentMeta } from './attachments'
import { getResponse } from './responses'
import { getTemplateVersion } from './templates'

export interface ReviewedSelfRecord {
  row: ResponseRow
  response: Response
  template: Template
  attachments: AttachmentMeta[]
}

/**
 * The self-assessment `selfId` as stored here, or undefined when it (or its template version) is
 * not on this device: a review synced or imported without the self-assessment it reviews.
 */
export async function readReviewedSelf(db: QingdanDatabase, selfId: string): Promise<ReviewedSelfRecord | undefined> {
  const stored = await getResponse(db, selfId)
  if (!stored) return undefined
  const [version, files] = await Promise.all([
    getTemplateVersion(db, stored.row.templateId, stored.row.templateVersion),
    listAttachments(db, selfId),
  ])
  if (!version) return undefined
  // Bytes left out: a 台账 may hold many scans, and only the thumbnails on screen are read.
  return { row: stored.row, response: stored.response, template: version.template, attachments: files.map(attachmentMeta) }
}
