/**
 * Responses outside the fill page: the drafts list, starting a response (subject suggestions,
 * creating the draft), and one submitted response in detail with its attachments. The fill page
 * itself has its own store (`fill`). Orchestrates db + core; decides nothing itself.
 */
import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { Response, Role, ScoreResult, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
// Module paths, not the `@/db` barrel: the barrel would bring template editing (and its
// validation) into every route that lists or starts a response.
import { getDb } from '@/db/singleton'
import { createResponse, deleteResponse, getResponse, listResponses } from '@/db/repositories/responses'
import { getTemplateVersion, listPublishedTemplates } from '@/db/repositories/templates'
import { suggestSubjectValues } from '@/db/repositories/subjects'
import { findCounterpart } from '@/db/repositories/results-query'
import { markReleased, startReviewOf, type StartReviewResult } from '@/db/repositories/review'
import { attachmentMeta, getAttachment, listAttachments, type AttachmentMeta } from '@/db/repositories/attachments'
import type { AttachmentRow, ResponseRow, Subject, TemplateVersionRow } from '@/db/rows'

export type { ResponseRow, TemplateVersionRow, Subject }

export { attachmentMeta, type AttachmentMeta }

export interface Side {
  row: ResponseRow
  response: Response
  result: ScoreResult
}

/** A submitted response with its frozen template, its attachments and the other side of a self / review pair. */
export interface ResponseDetail extends Side {
  template: Template
  counterpart: Side | null
  attachments: Map<string, AttachmentMeta>
}

export type DetailState = 'loading' | 'ready' | 'missing' | 'draft'

export interface StartResponseInit {
  template: Template
  subject: Subject
  role: Role
  inspector: string
  /** The register subject picked (#14): coverage of inspection plans counts by it. */
  subjectId?: string
  /** The evaluation cycle (#15) a self-assessment or review joins, when started from its task. */
  cycleId?: string
}

/** How many submitted responses the drafts page lists under "recent". */
const RECENT = 10

export const useResponsesStore = defineStore('responses', () => {
  const drafts = shallowRef<ResponseRow[]>([])
  const recent = shallowRef<ResponseRow[]>([])
  const published = shallowRef<TemplateVersionRow[]>([])
  const listLoading = ref(false)
  const detail = shallowRef<ResponseDetail | null>(null)
  const detailState = ref<DetailState>('loading')

  /** Drafts to resume, the latest submitted ones, and the templates a response can start on. */
  async function loadDrafts(): Promise<void> {
    listLoading.value = true
    try {
      const db = getDb()
      const [d, s, t] = await Promise.all([listResponses(db, { status: 'draft' }), listResponses(db, { status: 'submitted' }), listPublishedTemplates(db)])
      drafts.value = d
      recent.value = s.slice(0, RECENT)
      published.value = t
    } finally {
      listLoading.value = false
    }
  }

  async function removeDraft(id: string): Promise<void> {
    await deleteResponse(getDb(), id)
    await loadDrafts()
  }

  /** The frozen template version to start on, or undefined when it does not exist. */
  async function templateVersion(templateId: string, version: number): Promise<Template | undefined> {
    return (await getTemplateVersion(getDb(), templateId, version))?.template
  }

  /** Earlier values of each subject field (buildings, rooms, teachers …) for the start form. */
  async function subjectSuggestions(template: Template, limit = 20): Promise<Record<string, string[]>> {
    const db = getDb()
    const fields = template.subject?.fields ?? []
    const lists = await Promise.all(fields.map((f) => suggestSubjectValues(db, f.id, { templateId: template.id, limit })))
    return Object.fromEntries(fields.map((f, i) => [f.id, lists[i] ?? []]))
  }

  /** Creates the draft; returns its id for the fill page. */
  async function start(init: StartResponseInit): Promise<string> {
    return (await createResponse(getDb(), init)).id
  }

  async function side(id: string, template: Template): Promise<Side | null> {
    const stored = await getResponse(getDb(), id)
    if (!stored) return null
    // The stored score was decided at submit; re-scoring is only a fallback for old rows.
    const result = stored.row.result ?? scoreResponse(template, stored.response)
    return { row: stored.row, response: stored.response, result }
  }

  /**
   * Loads one submitted response for the detail view and the printed ledger: its row, answers,
   * frozen template version, stored score, attachments, and the other side of a self / review
   * pair when one exists (自查分 / 考核分).
   */
  async function loadDetail(id: string): Promise<void> {
    detailState.value = 'loading'
    const db = getDb()
    const stored = await getResponse(db, id)
    if (!stored) return void (detailState.value = 'missing')
    if (stored.row.status !== 'submitted') return void (detailState.value = 'draft')
    const version = await getTemplateVersion(db, stored.row.templateId, stored.row.templateVersion)
    if (!version) return void (detailState.value = 'missing')
    const template = version.template
    const main = await side(id, template)
    if (!main) return void (detailState.value = 'missing')
    const other = await findCounterpart(db, stored.row)
    const counterpart = other ? await side(other.id, template) : null
    const rows = [...(await listAttachments(db, id)), ...(counterpart ? await listAttachments(db, counterpart.row.id) : [])]
    detail.value = { ...main, template, counterpart, attachments: new Map(rows.map((a) => [a.id, attachmentMeta(a)])) }
    detailState.value = 'ready'
  }

  /**
   * 开始复核: the review of a submitted self-assessment, linked to it, same subject and template
   * version (a draft already started is resumed). Returns its id for the fill page.
   */
  async function startReview(selfId: string, inspector: string): Promise<StartReviewResult> {
    return startReviewOf(getDb(), selfId, inspector)
  }

  /**
   * Releases a submitted review to the reviewed through the team server (review as a step, #14),
   * then notes it here and in the open detail. Throws the transport's error for the view to show.
   */
  async function releaseReview(id: string, release: (id: string) => Promise<{ releasedAt: string }>): Promise<void> {
    const { releasedAt } = await release(id)
    await markReleased(getDb(), id, releasedAt)
    if (detail.value?.row.id === id) detail.value = { ...detail.value, row: { ...detail.value.row, releasedAt } }
  }

  /** An attachment's bytes: the full image, or its thumbnail when it has one and `full` is false. */
  async function attachmentBlob(id: string, full = false): Promise<Blob | undefined> {
    const row = await getAttachment(getDb(), id)
    return row && (full ? row.blob : (row.thumb ?? row.blob))
  }

  /** Attachments by id, bytes left out (missing ids are skipped). */
  async function attachmentsById(ids: readonly string[]): Promise<AttachmentMeta[]> {
    const db = getDb()
    const rows = await Promise.all(ids.map((id) => getAttachment(db, id)))
    return rows.filter((r): r is AttachmentRow => r !== undefined).map(attachmentMeta)
  }

  return {
    drafts, recent, published, listLoading, detail, detailState,
    loadDrafts, removeDraft, templateVersion, subjectSuggestions, start, startReview, releaseReview, loadDetail, attachmentBlob, attachmentsById,
  }
})
