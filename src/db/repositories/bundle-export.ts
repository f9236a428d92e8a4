/**
 * Reading records out for a backup bundle (#7). Rows leave in pages, and attachment bytes one
 * Blob at a time at the writer's pace, so a bundle with hundreds of photos never holds them all.
 */
import type {
  BundleAttachment,
  BundleFilter,
  BundleResponse,
  BundleTask,
  BundleTemplate,
  BundleTemplateVersion,
} from '@/core/exchange/bundle'
import type { QingdanDatabase } from '../database'
import { LAST_BACKUP_KEY } from '../keys'
import type { AnswerRow, AttachmentRow, ResponseRow, TaskRow, TemplateRow, TemplateVersionRow } from '../rows'
import { getMeta, setMeta } from './meta'
import { toResponse } from './responses'

/** Rows read per page when streaming responses out. */
export const EXPORT_PAGE = 200

export interface ExportSelection {
  filter: BundleFilter
  templates: BundleTemplate[]
  versions: BundleTemplateVersion[]
  /** Ids of the selected responses, oldest start first. */
  responseIds: string[]
  tasks: BundleTask[]
  attachments: BundleAttachment[]
}

const inPeriod = (row: ResponseRow, filter: BundleFilter): boolean => {
  const day = row.startedAt.slice(0, 10)
  return (filter.from === undefined || day >= filter.from) && (filter.to === undefined || day <= filter.to)
}

async function selectResponses(db: QingdanDatabase, filter: BundleFilter): Promise<ResponseRow[]> {
  const base =
    filter.subjectTerm !== undefined
      ? db.responses.where('subjectTerms').equals(filter.subjectTerm)
      : filter.templateId !== undefined
        ? db.responses.where('templateId').equals(filter.templateId)
        : db.responses.toCollection()
  const rows = await base
    .filter((r) => (filter.templateId === undefined || r.templateId === filter.templateId) && inPeriod(r, filter))
    .toArray()
  return rows.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : 1))
}

const templateOut = (t: TemplateRow): BundleTemplate => ({ ...t })
const versionOut = ({ templateId, version, template, publishedAt }: TemplateVersionRow): BundleTemplateVersion => ({ templateId, version, template, publishedAt })
const taskOut = (t: TaskRow): BundleTask => ({ ...t })
/** Metadata only: the bytes travel as their own zip entry, and thumbnails are not carried. */
export function attachmentMeta(a: AttachmentRow): BundleAttachment {
  return {
    id: a.id,
    responseId: a.responseId,
    itemId: a.itemId,
    name: a.name,
    type: a.type,
    size: a.size,
    ...(a.width !== undefined && { width: a.width }),
    ...(a.height !== undefined && { height: a.height }),
    createdAt: a.createdAt,
  }
}

/**
 * What a bundle with this filter holds: everything when the filter is empty; otherwise the
 * selected responses with their templates (metadata and the versions they were filled on),
 * tasks and attachments.
 */
export async function selectForExport(db: QingdanDatabase, filter: BundleFilter = {}): Promise<ExportSelection> {
  const everything = Object.values(filter).every((v) => v === undefined || v === '')
  const rows = await selectResponses(db, everything ? {} : filter)
  const ids = rows.map((r) => r.id)
  const [templateRows, versionRows, tasks, attachments] = await db.transaction(
    'r',
    [db.templates, db.templateVersions, db.tasks, db.attachments],
    async () => {
      if (everything) {
        return Promise.all([db.templates.toArray(), db.templateVersions.toArray(), db.tasks.toArray(), db.attachments.toArray()])
      }
      const templateIds = [...new Set([...rows.map((r) => r.templateId), ...(filter.templateId ? [filter.templateId] : [])])]
      const versionKeys = [...new Map(rows.map((r) => [`${r.templateId}@${r.templateVersion}`, [r.templateId, r.templateVersion] as [string, number]])).values()]
      return Promise.all([
        db.templates.bulkGet(templateIds).then((l) => l.filter((t): t is TemplateRow => t !== undefined)),
        db.templateVersions.bulkGet(versionKeys).then((l) => l.filter((v): v is TemplateVersionRow => v !== undefined)),
        db.tasks.where('responseId').anyOf(ids).toArray(),
        db.attachments.where('responseId').anyOf(ids).toArray(),
      ])
    },
  )
  return {
    filter: everything ? {} : filter,
    templates: templateRows.map(templateOut),
    versions: versionRows.map(versionOut),
    responseIds: ids,
    tasks: tasks.map(taskOut),
    attachments: attachments.map(attachmentMeta),
  }
}

/** A response as a bundle line: the format's Response plus what the format does not carry. */
export function bundleResponseOf(row: ResponseRow, answers: Parameters<typeof toResponse>[1]): BundleResponse {
  const response = toResponse(row, answers) as BundleResponse['response']
  return { response, templateTitle: row.templateTitle, ...(row.deviceId !== undefined && { deviceId: row.deviceId }) }
}

/**
 * A response's answers, one `getAll` per response run side by side: Dexie's `anyOf` over many ids
 * walks a cursor one record per round trip, which measured ~50× slower in Chromium.
 */
export async function answersOf(db: QingdanDatabase, ids: readonly string[]): Promise<AnswerRow[][]> {
  return Promise.all(ids.map((id) => db.answers.where('responseId').equals(id).toArray()))
}

export interface ResponsePage {
  /** `responses.jsonl` text of the page, one line per response. */
  text: string
  answers: number
}

/** The responses of a selection, one page at a time, as `responses.jsonl` text. */
export async function* responseLines(db: QingdanDatabase, ids: readonly string[], page = EXPORT_PAGE): AsyncGenerator<ResponsePage> {
  for (let i = 0; i < ids.length; i += page) {
    const chunk = ids.slice(i, i + page)
    const [rows, answers] = await db.transaction('r', db.responses, db.answers, () =>
      Promise.all([db.responses.bulkGet(chunk), answersOf(db, chunk)]),
    )
    let text = ''
    let count = 0
    rows.forEach((row, j) => {
      if (!row) return
      const list = answers[j] ?? []
      count += list.length
      text += JSON.stringify(bundleResponseOf(row, list)) + '\n'
    })
    yield { text, answers: count }
  }
}

/** One attachment's bytes (a Blob handle: the browser reads it from disk when the zip asks). */
export async function attachmentBlob(db: QingdanDatabase, id: string): Promise<Blob | undefined> {
  return (await db.attachments.get(id))?.blob
}

export interface BackupStatus {
  /** ISO time of the last export, or undefined when this device never made one. */
  lastBackupAt?: string
  /** Responses created or changed since then (all of them when never backed up). */
  notBackedUp: number
}

/** Records that a full backup was written now. */
export async function markBackedUp(db: QingdanDatabase, at: string): Promise<void> {
  await setMeta(db, LAST_BACKUP_KEY, at)
}

export async function backupStatus(db: QingdanDatabase): Promise<BackupStatus> {
  const last = await getMeta<string>(db, LAST_BACKUP_KEY)
  const notBackedUp =
    typeof last === 'string' ? await db.responses.where('updatedAt').above(last).count() : await db.responses.count()
  return typeof last === 'string' ? { lastBackupAt: last, notBackedUp } : { notBackedUp }
}
