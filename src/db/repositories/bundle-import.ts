/**
 * Importing a bundle (#7): read what this device holds of the bundle's records, let the core
 * plan the merge, then apply the plan in ONE transaction, so a failed import writes nothing.
 */
import type { Answer, Template } from '@/core/format/types'
import { fail, ok, type Result } from '@/core/result'
import {
  historyKey,
  planMerge,
  taskSlot,
  validateBundleContent,
  versionKey,
  type BundleContent,
  type BundleResponse,
  type ExistingState,
  type MergePlan,
  type PlannedResponse,
} from '@/core/exchange/bundle'
import type { QingdanDatabase } from '../database'
import type { AnswerHistoryRow, AttachmentRow, ResponseRow, TemplateRow } from '../rows'
import { storageWrite } from '../storage-error'
import { withSubjectIndex } from '../subject-index'
import { nowIso } from '../time'
import { answersOf, bundleResponseOf } from './bundle-export'
import { summaryRowFor, versionsOf } from './results-query'
import { versionRecord } from '@/core/templates/version'
import { clockOf, headerOf, type MutationInput, type SyncAnswer } from '@/core/sync'
import { blobSha256, syncAttachmentOf } from './attachments'
import { clockNode, enqueueAll, mutationId, syncTables, tick } from './outbox'

const CHUNK = 500

/** This device's records among those a bundle names (a few bulk reads by key, no table scans). */
export async function loadExistingState(db: QingdanDatabase, content: BundleContent): Promise<ExistingState> {
  const responseIds = content.responses.map((r) => r.response.id)
  const templateIds = [...new Set([...content.templates.map((t) => t.id), ...content.responses.map((r) => r.response.templateId), ...content.versions.map((v) => v.templateId)])]
  return db.transaction('r', [db.templates, db.templateVersions, db.responses, db.answers, db.answerHistory, db.attachments, db.tasks], async () => {
    const templates = (await db.templates.bulkGet(templateIds)).filter((t): t is TemplateRow => t !== undefined)
    const versions = await db.templateVersions.where('templateId').anyOf(templateIds).toArray()
    const responses = new Map<string, BundleResponse>()
    const history = new Set<string>()
    for (let i = 0; i < responseIds.length; i += CHUNK) {
      const ids = responseIds.slice(i, i + CHUNK)
      const rows = (await db.responses.bulkGet(ids)).filter((r): r is ResponseRow => r !== undefined)
      if (rows.length === 0) continue
      const found = rows.map((r) => r.id)
      const [answers, histories] = await Promise.all([
        answersOf(db, found),
        Promise.all(found.map((id) => db.answerHistory.where('responseId').equals(id).toArray())),
      ])
      rows.forEach((row, j) => responses.set(row.id, bundleResponseOf(row, answers[j] ?? [])))
      for (const h of histories.flat()) history.add(historyKey(h.responseId, h.itemId, h.hash))
    }
    const attachmentIds = new Set(await db.attachments.where('id').anyOf(content.attachments.map((a) => a.id)).primaryKeys())
    const taskResponseIds = [...new Set(content.tasks.map((t) => t.responseId))]
    const localTasks = await db.tasks.where('responseId').anyOf(taskResponseIds).toArray()
    const incomingTaskIds = new Set(content.tasks.map((t) => t.id))
    return {
      templates: new Map(templates.map((t) => [t.id, t])),
      versions: new Map(versions.map((v) => [versionKey(v.templateId, v.version), v.template])),
      responses,
      history,
      attachmentIds,
      tasks: new Map(localTasks.filter((t) => incomingTaskIds.has(t.id)).map((t) => [t.id, t])),
      taskSlots: new Set(localTasks.map((t) => taskSlot(t.responseId, t.itemId))),
    }
  })
}

/**
 * Validates a parsed bundle against this device and plans its merge; nothing is written.
 * Fails (with bilingual issues) when any record is invalid.
 */
export async function prepareImport(db: QingdanDatabase, content: BundleContent, now: string = nowIso()): Promise<Result<MergePlan>> {
  const existing = await loadExistingState(db, content)
  const local = (templateId: string, version: number): Template | undefined => existing.versions.get(versionKey(templateId, version))
  const issues = validateBundleContent(content, local)
  if (issues.length > 0) return fail(issues)
  return ok(planMerge(content, existing, now))
}

/** The stored row of a planned response: derived fields recomputed here, never read from the bundle. */
export function responseRowOf(p: PlannedResponse): ResponseRow {
  const r = p.response
  const result = p.result
  return withSubjectIndex({
    id: r.id,
    templateId: r.templateId,
    templateVersion: r.templateVersion,
    templateTitle: p.templateTitle,
    role: r.role ?? 'self',
    ...(r.reviewOf !== undefined && { reviewOf: r.reviewOf }),
    ...(r.corrects !== undefined && { corrects: r.corrects }),
    subject: r.subject ?? {},
    ...(r.cycleId !== undefined && { cycleId: r.cycleId }),
    status: r.status,
    inspector: r.inspector ?? '',
    startedAt: r.startedAt ?? r.updatedAt,
    updatedAt: r.updatedAt,
    ...(r.submittedAt !== undefined && { submittedAt: r.submittedAt }),
    ...(r.signature !== undefined && { signature: r.signature }),
    ...(p.deviceId !== undefined && { deviceId: p.deviceId }),
    ...(result !== undefined && { result, total: result.total, percent: result.percent, band: result.band?.label ?? null }),
  })
}

/**
 * Writes a plan in one read-write transaction over every table it touches: any failure (a full
 * disk, a missing attachment file) aborts it and leaves the database as it was.
 * @param blobs the bytes of `plan.attachments` by id, read from the bundle beforehand (an
 *   IndexedDB transaction cannot wait for a file read).
 */
export async function applyPlan(db: QingdanDatabase, plan: MergePlan, blobs: ReadonlyMap<string, Blob>): Promise<void> {
  const attachments: Array<AttachmentRow & { sha256: string }> = await Promise.all(
    plan.attachments.map(async (a) => {
      const blob = blobs.get(a.id)
      if (!blob) throw new Error(`attachment ${a.id} has no bytes`)
      return { ...a, blob, sha256: await blobSha256(blob) }
    }),
  )
  const node = await clockNode(db)
  // Stored with their clocks (their own, or the legacy reading of `updatedAt`): enqueued below,
  // they must not be sent again as data written before sync (`seedOutbox`).
  const responses = plan.responses.map((p): ResponseRow => ({ ...responseRowOf(p), hlc: clockOf(p.response) }))
  const templateRows = plan.templates.map((t) => ({ ...t, hlc: clockOf(t) }))
  const taskRows = plan.tasks.map((t) => ({ ...t, hlc: clockOf(t) }))
  // The versions the responses were filled with: the bundle's own, else those already stored.
  const templates = await versionsOf(db, responses)
  for (const v of plan.versions) templates.set(`${v.templateId}@${v.version}`, v.template)
  const summaries = responses.flatMap((r) => {
    const s = summaryRowFor(r, templates.get(`${r.templateId}@${r.templateVersion}`))
    return s ? [s] : []
  })
  await storageWrite(() =>
    db.transaction(
      'rw',
      syncTables(db, db.templates, db.templateVersions, db.responses, db.answers, db.answerHistory, db.attachments, db.tasks, db.summaries, db.uploads),
      async () => {
        if (templateRows.length) await db.templates.bulkPut(templateRows)
        if (plan.versions.length) await db.templateVersions.bulkAdd(plan.versions.map((v) => ({ ...versionRecord(v.template, v.publishedAt), templateId: v.templateId, version: v.version })))
        if (plan.responses.length) await db.responses.bulkPut(responses)
        if (plan.answerDeletes.length) await db.answers.bulkDelete(plan.answerDeletes)
        if (plan.answers.length) await db.answers.bulkPut(plan.answers)
        if (plan.history.length) await db.answerHistory.bulkPut(plan.history)
        if (attachments.length) await db.attachments.bulkAdd(attachments)
        if (taskRows.length) await db.tasks.bulkPut(taskRows)
        if (summaries.length) await db.summaries.bulkPut(summaries)
        if (attachments.length) await db.uploads.bulkPut(attachments.map((a) => ({ id: a.id })))
        const mutations = importMutations(plan, responses, attachments)
        if (mutations.length) {
          await tick(db, node)
          await enqueueAll(db, mutations)
        }
      },
    ),
  )
}

/**
 * What an import changed, as mutations, so imported data reaches the server too. Records keep
 * their own clocks (or, from an older build, the legacy reading of their `updatedAt`): an import
 * is not a new edit, and must not win over later edits made elsewhere.
 */
function importMutations(plan: MergePlan, responses: readonly ResponseRow[], attachments: ReadonlyArray<AttachmentRow & { sha256: string }>): MutationInput[] {
  const out: MutationInput[] = []
  const id = mutationId
  const synced = (a: Answer): SyncAnswer => ({ ...a, hlc: clockOf(a) })
  for (const t of plan.templates) out.push({ id: id(), kind: 'template', template: { ...t, hlc: clockOf(t) } })
  for (const v of plan.versions) out.push({ id: id(), kind: 'templateVersion', version: { templateId: v.templateId, version: v.version, template: v.template, publishedAt: v.publishedAt } })
  plan.responses.forEach((p, i) => {
    const header = headerOf(responses[i]!)
    if (header.status === 'submitted') {
      const answers: Record<string, SyncAnswer> = {}
      for (const [itemId, a] of Object.entries(p.response.answers)) answers[itemId] = synced(a)
      out.push({ id: id(), kind: 'submit', response: header, answers })
    } else out.push({ id: id(), kind: 'response', response: header })
  })
  const submitted = new Set(plan.responses.filter((p) => p.response.status === 'submitted').map((p) => p.response.id))
  for (const a of plan.answers) {
    // A submission's answers travel inside it.
    if (!submitted.has(a.responseId)) out.push({ id: id(), kind: 'answer', responseId: a.responseId, itemId: a.itemId, answer: synced(a.answer) })
  }
  for (const a of attachments) out.push({ id: id(), kind: 'attachment', attachment: syncAttachmentOf(a) })
  for (const t of plan.tasks) out.push({ id: id(), kind: 'task', task: { ...t, hlc: clockOf(t) } })
  return out
}

/** The losing answers kept for one response, newest first (the response's history). */
export async function listAnswerHistory(db: QingdanDatabase, responseId: string): Promise<AnswerHistoryRow[]> {
  const rows = await db.answerHistory.where('responseId').equals(responseId).toArray()
  return rows.sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0))
}
