/**
 * Rule 12 from the record: a review (考核/复核) started on a submitted self-assessment, linked
 * to it by `reviewOf`, on the same subject and template version, so nobody retypes the subject
 * and pairing never depends on two people spelling a branch name alike.
 */
import type { QingdanDatabase } from '../database'
import type { ResponseRow, SummaryRow } from '../rows'
import { ensureSummaries } from './results-query'
import { createResponse } from './responses'

export type StartReviewResult = { ok: true; id: string; existing: boolean } | { ok: false; reason: 'missing' | 'notSelf' | 'notSubmitted' }

/** A draft review already linked to the self-assessment, so a second tap resumes it. */
export async function findReviewDraft(db: QingdanDatabase, self: ResponseRow): Promise<ResponseRow | undefined> {
  const same =
    self.subjectKey !== undefined
      ? await db.responses.where('subjectKey').equals(self.subjectKey).toArray()
      : await db.responses.where('[templateId+templateVersion]').equals([self.templateId, self.templateVersion]).toArray()
  return same.find((r) => r.role === 'review' && r.reviewOf === self.id && r.status === 'draft')
}

/**
 * The draft review of the submitted self-assessment `selfId` (created, or the one already
 * started). `inspector` is the reviewer, not the self-assessment's author.
 */
export async function startReviewOf(db: QingdanDatabase, selfId: string, inspector: string): Promise<StartReviewResult> {
  const self = await db.responses.get(selfId)
  if (!self) return { ok: false, reason: 'missing' }
  if (self.role !== 'self') return { ok: false, reason: 'notSelf' }
  if (self.status !== 'submitted') return { ok: false, reason: 'notSubmitted' }
  const draft = await findReviewDraft(db, self)
  if (draft) return { ok: true, id: draft.id, existing: true }
  const version = await db.templateVersions.get([self.templateId, self.templateVersion])
  if (!version) return { ok: false, reason: 'missing' }
  // A self-assessment of an evaluation cycle (#15) is reviewed in the same cycle.
  const row = await createResponse(db, {
    template: version.template,
    subject: { ...self.subject },
    role: 'review',
    inspector,
    reviewOf: self.id,
    ...(self.cycleId !== undefined && { cycleId: self.cycleId }),
  })
  return { ok: true, id: row.id, existing: false }
}

/**
 * Submitted self-assessments no submitted review is linked to (`reviewOf`): a reviewer's queue
 * (#14), oldest first. Read from the summaries (role and link are there), after making sure
 * every submitted response has one.
 */
export async function awaitingReview(db: QingdanDatabase): Promise<SummaryRow[]> {
  await ensureSummaries(db)
  const rows = await db.summaries.filter((s) => s.role !== 'inspection').toArray()
  const reviewed = new Set(rows.flatMap((s) => (s.role === 'review' && s.reviewOf !== undefined ? [s.reviewOf] : [])))
  return rows.filter((s) => s.role === 'self' && !reviewed.has(s.id)).sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1))
}

/** Notes the server's release of a review here at once, before the next pull brings it. */
export async function markReleased(db: QingdanDatabase, id: string, releasedAt: string): Promise<boolean> {
  // `modify`, not `update`: Dexie's key-path typing of `update` recurses without end on ResponseRow.
  return (await db.responses.where('id').equals(id).modify((row) => void (row.releasedAt = releasedAt))) > 0
}
