/**
 * Queries behind results lists, dashboards and exports (#6). Lists read the compact `summaries`
 * table (schema v3) through its indexes; full rows and answers are read only for one response
 * (detail, print) or for the long export sheet.
 */
import type { Template } from '@/core/format/types'
import { summarize } from '@/core/stats/summarize'
import type { QingdanDatabase } from '../database'
import type { ResponseRow, StoredResponse, SummaryRow } from '../rows'
import { storageWrite } from '../storage-error'
import { subjectTerms } from '../subject-index'
import { toResponse } from './responses'

/**
 * The summary of a submitted, scored response row; undefined for drafts. `template` (the version
 * it was filled with) tells a 一票否决 from a grade ceiling; without it every veto hit is a veto.
 */
export function summaryRowFor(row: ResponseRow, template?: Pick<Template, 'scoring' | 'kind' | 'findings'>): SummaryRow | undefined {
  if (row.status !== 'submitted' || row.result === undefined) return undefined
  const summary = summarize(
    {
      id: row.id,
      role: row.role,
      ...(row.reviewOf !== undefined && { reviewOf: row.reviewOf }),
      subject: row.subject,
      inspector: row.inspector,
      submittedAt: row.submittedAt ?? row.updatedAt,
      templateTitle: row.templateTitle,
      // subjectKey and deviceId stay on the response row: every field here is paid for 10,000
      // times when a list loads, so a summary holds only what lists, filters and dashboards read.
    },
    row.result,
    template,
  )
  return { ...summary, subjectTerms: row.subjectTerms ?? subjectTerms(row.subject), ...(row.subjectId !== undefined && { subjectId: row.subjectId }) }
}

/** Writes (or rewrites) the summary of one response. A draft has none. */
export async function saveSummary(db: QingdanDatabase, responseId: string): Promise<SummaryRow | undefined> {
  return storageWrite(() =>
    db.transaction('rw', db.responses, db.summaries, db.templateVersions, async () => {
      const row = await db.responses.get(responseId)
      const version = row && (await db.templateVersions.get([row.templateId, row.templateVersion]))
      const summary = row && summaryRowFor(row, version?.template)
      if (summary) await db.summaries.put(summary)
      else await db.summaries.delete(responseId)
      return summary
    }),
  )
}

const CHUNK = 500

/**
 * Makes the summaries match the submitted responses: adds the missing ones (responses submitted
 * before v3, imported by bundles, or written by an older build) and drops those of deleted
 * responses. Compares primary keys only, so when nothing changed it costs two key scans.
 * @returns how many summaries were added and removed.
 */
export async function ensureSummaries(db: QingdanDatabase): Promise<{ added: number; removed: number }> {
  const [submitted, summarized] = await Promise.all([
    db.responses.where('status').equals('submitted').primaryKeys(),
    db.summaries.toCollection().primaryKeys(),
  ])
  const have = new Set(summarized)
  const want = new Set(submitted)
  const missing = submitted.filter((id) => !have.has(id))
  const stale = summarized.filter((id) => !want.has(id))
  let added = 0
  for (let i = 0; i < missing.length; i += CHUNK) {
    const rows = await db.responses.bulkGet(missing.slice(i, i + CHUNK))
    const templates = await versionsOf(db, rows)
    const summaries = rows.flatMap((r) => {
      const s = r && summaryRowFor(r, templates.get(`${r.templateId}@${r.templateVersion}`))
      return s ? [s] : []
    })
    await storageWrite(() => db.summaries.bulkPut(summaries))
    added += summaries.length
  }
  if (stale.length > 0) await storageWrite(() => db.summaries.bulkDelete(stale))
  return { added, removed: stale.length }
}

/** The template versions some rows were filled with, by `id@version` (versions never change). */
export async function versionsOf(db: QingdanDatabase, rows: ReadonlyArray<Pick<ResponseRow, 'templateId' | 'templateVersion'> | undefined>): Promise<Map<string, Template>> {
  const keys = new Map<string, [string, number]>()
  for (const r of rows) if (r) keys.set(`${r.templateId}@${r.templateVersion}`, [r.templateId, r.templateVersion])
  const found = await db.templateVersions.bulkGet([...keys.values()])
  const out = new Map<string, Template>()
  for (const v of found) if (v) out.set(`${v.templateId}@${v.version}`, v.template)
  return out
}

export interface SummaryQuery {
  templateId?: string
  templateVersion?: number
  /** A `fieldId=value` term (e.g. `building=3号楼`), answered by the multi-entry index. */
  subjectTerm?: string
}

/** Stored summaries and submitted responses, counted on their indexes (no rows read). */
export async function summaryCounts(db: QingdanDatabase): Promise<{ stored: number; submitted: number }> {
  const [stored, submitted] = await Promise.all([db.summaries.count(), db.responses.where('status').equals('submitted').count()])
  return { stored, submitted }
}

/** The newest `limit` summaries, for a first screen of results before all of them are read. */
export async function newestSummaries(db: QingdanDatabase, limit: number): Promise<SummaryRow[]> {
  return db.summaries.orderBy('submittedAt').reverse().limit(limit).toArray()
}

/** Summaries by the most selective index given; finer filters are `filterSummaries` in core. */
export async function querySummaries(db: QingdanDatabase, query: SummaryQuery = {}): Promise<SummaryRow[]> {
  const { templateId, templateVersion, subjectTerm } = query
  if (templateId !== undefined && templateVersion !== undefined) {
    return db.summaries.where('[templateId+templateVersion]').equals([templateId, templateVersion]).toArray()
  }
  if (subjectTerm !== undefined) {
    const rows = await db.summaries.where('subjectTerms').equals(subjectTerm).toArray()
    return templateId === undefined ? rows : rows.filter((r) => r.templateId === templateId)
  }
  if (templateId !== undefined) return db.summaries.where('templateId').equals(templateId).toArray()
  return db.summaries.toArray()
}

/**
 * The other side of a self-assessment / review pair (自查 / 考核). The explicit `reviewOf` link
 * decides (a review started from the self-assessment's record carries it); only where neither
 * side is linked (data from before the link existed) does the latest submitted response of the
 * other role on the same subject and version pair. An inspection (检查) pairs with nothing.
 */
export async function findCounterpart(db: QingdanDatabase, row: ResponseRow): Promise<ResponseRow | undefined> {
  switch (row.role) {
    case 'inspection':
      return undefined
    case 'review': {
      if (row.reviewOf !== undefined) {
        const linked = await db.responses.get(row.reviewOf)
        return linked?.status === 'submitted' ? linked : undefined
      }
      return latest((await pairCandidates(db, row)).filter((c) => c.role === 'self'))
    }
    case 'self': {
      const reviews = (await pairCandidates(db, row)).filter((c) => c.role === 'review')
      return latest(reviews.filter((c) => c.reviewOf === row.id)) ?? latest(reviews.filter((c) => c.reviewOf === undefined))
    }
    default: {
      const never: never = row.role
      return never
    }
  }
}

/**
 * Submitted responses on the row's template version that could pair with it: those of the same
 * subject (indexed), or, for a template without subject fields, every one of that version.
 */
async function pairCandidates(db: QingdanDatabase, row: ResponseRow): Promise<ResponseRow[]> {
  const all =
    row.subjectKey !== undefined
      ? await db.responses.where('subjectKey').equals(row.subjectKey).toArray()
      : await db.responses.where('[templateId+templateVersion]').equals([row.templateId, row.templateVersion]).toArray()
  return all.filter(
    (c) => c.id !== row.id && c.status === 'submitted' && c.templateId === row.templateId && c.templateVersion === row.templateVersion,
  )
}

function latest(rows: readonly ResponseRow[]): ResponseRow | undefined {
  return [...rows].sort((a, b) => ((a.submittedAt ?? '') < (b.submittedAt ?? '') ? 1 : -1))[0]
}

/** Full stored responses (row + answers) for the long export sheet, in the order of `ids`. */
export async function loadStoredResponses(db: QingdanDatabase, ids: readonly string[]): Promise<StoredResponse[]> {
  const out: StoredResponse[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    const [rows, answers] = await db.transaction('r', db.responses, db.answers, () =>
      Promise.all([db.responses.bulkGet(chunk), db.answers.where('responseId').anyOf(chunk).toArray()]),
    )
    const byResponse = new Map<string, typeof answers>()
    for (const a of answers) (byResponse.get(a.responseId) ?? byResponse.set(a.responseId, []).get(a.responseId))?.push(a)
    for (const row of rows) if (row) out.push({ row, response: toResponse(row, byResponse.get(row.id) ?? []) })
  }
  return out
}
