/**
 * Editing templates, stored: create, save a draft, publish (freeze version N+1), duplicate,
 * archive and import. Rows in, rows out: what each step makes of the rows is decided in
 * `src/core/templates`; each write here reads, asks the core and writes in one transaction, and
 * a refusal (validation, missing draft) writes nothing.
 */
import type { Template } from '@/core/format/types'
import { ok, type Result } from '@/core/result'
import { archivedStatus, copyDraft, editableDraft, newTemplateRecord, withDraft, withoutDraft } from '@/core/templates/draft'
import { freeTemplateId } from '@/core/templates/ids'
import { checkImport, importedTemplate } from '@/core/templates/import'
import { checkDraft, publish, type Published } from '@/core/templates/publish'
import type { QingdanDatabase } from '../database'
import type { TemplateRow, TemplateSource } from '../rows'
import { storageWrite } from '../storage-error'
import { nowIso } from '../time'
import type { TemplateVersionRecord } from '@/core/templates/record'
import { clockNode, enqueue, mutationId, syncTables, tick } from './outbox'

/** Stamps a template row with a fresh clock reading, stores it and enqueues it. Inside a transaction with `syncTables`. */
async function putTemplate(db: QingdanDatabase, row: TemplateRow, node: string, how: 'add' | 'put' = 'put'): Promise<TemplateRow> {
  const stamped = { ...row, hlc: await tick(db, node) }
  await (how === 'add' ? db.templates.add(stamped) : db.templates.put(stamped))
  await enqueue(db, { id: mutationId(), kind: 'template', template: stamped })
  return stamped
}

/** Stores a newly frozen version and enqueues it (versions are immutable: sent once). */
async function addVersion(db: QingdanDatabase, version: TemplateVersionRecord): Promise<void> {
  await db.templateVersions.add(version)
  const { templateId, version: number, template, publishedAt } = version
  await enqueue(db, { id: mutationId(), kind: 'templateVersion', version: { templateId, version: number, template, publishedAt } })
}

export type { Published }

/** Every template row, archived ones included, most recently changed first. */
export async function listTemplateRows(db: QingdanDatabase): Promise<TemplateRow[]> {
  const rows = await db.templates.toArray()
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

export async function getTemplateRow(db: QingdanDatabase, id: string): Promise<TemplateRow | undefined> {
  return db.templates.get(id)
}

/** The template ids in use (keys only; no rows read). */
async function takenIds(db: QingdanDatabase): Promise<Set<string>> {
  return new Set(await db.templates.toCollection().primaryKeys())
}

/**
 * Stores a new, never published template as a draft (version 1). A taken id gets a suffix.
 * @returns the stored row.
 */
export async function createTemplate(
  db: QingdanDatabase,
  draft: Template,
  source: TemplateSource = 'user',
  now: string = nowIso(),
): Promise<TemplateRow> {
  const node = await clockNode(db)
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.templates), async () => {
      const row = newTemplateRecord(draft, freeTemplateId(draft.id, await takenIds(db)), source, now)
      return putTemplate(db, row, node, 'add')
    }),
  )
}

/** Replaces the row's draft (autosave). */
export async function saveDraft(db: QingdanDatabase, id: string, draft: Template, now: string = nowIso()): Promise<void> {
  const node = await clockNode(db)
  await storageWrite(() =>
    db.transaction('rw', syncTables(db, db.templates), async () => {
      const row = await db.templates.get(id)
      if (!row) throw new Error(`No template ${id}`)
      await putTemplate(db, withDraft(row, draft, now), node)
    }),
  )
}

/** Drops the unpublished changes; a never published template keeps its (empty) draft. */
export async function discardDraft(db: QingdanDatabase, id: string, now: string = nowIso()): Promise<void> {
  const node = await clockNode(db)
  await storageWrite(() =>
    db.transaction('rw', syncTables(db, db.templates, db.templateVersions), async () => {
      const row = await db.templates.get(id)
      if (!row || row.latestVersion === 0) return
      const latest = await db.templateVersions.get([id, row.latestVersion])
      const next = withoutDraft(row, latest?.template, now)
      if (next) await putTemplate(db, next, node)
    }),
  )
}

/**
 * Freezes the draft as version N+1. Refused (nothing written) when the draft has validation
 * errors or there is none. Responses keep the version they were filled with.
 * @param checked the draft's validation when the caller already has it (the builder validates
 *   as it edits), so a publish validates once; without it the stored draft is validated here.
 */
export async function publishDraft(
  db: QingdanDatabase,
  id: string,
  checked?: Result<Template>,
  now: string = nowIso(),
): Promise<Result<Published>> {
  const node = await clockNode(db)
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.templates, db.templateVersions), async (): Promise<Result<Published>> => {
      const row = await db.templates.get(id)
      const previous = row && row.latestVersion > 0 ? ((await db.templateVersions.get([id, row.latestVersion]))?.template ?? null) : null
      const outcome = publish(row, checked ?? checkDraft(row), previous, now)
      if (!outcome.ok) return outcome
      await addVersion(db, outcome.value.version)
      await putTemplate(db, outcome.value.row, node)
      return ok(outcome.value.published, outcome.warnings)
    }),
  )
}

/** The template as the editor opens it: the draft, else a new draft from the latest version. */
export async function editableTemplate(db: QingdanDatabase, id: string): Promise<Template | undefined> {
  const row = await db.templates.get(id)
  if (!row) return undefined
  const latest = row.draft ? undefined : await db.templateVersions.get([id, row.latestVersion])
  return editableDraft(row, latest?.template)
}

/** A copy as a new draft (version 1) under a fresh id, titled “… (副本)”. */
export async function duplicateTemplate(db: QingdanDatabase, id: string, now: string = nowIso()): Promise<TemplateRow | undefined> {
  const source = await editableTemplate(db, id)
  if (!source) return undefined
  return createTemplate(db, copyDraft({ ...source, id }), 'user', now)
}

/** Archives (hidden from filling, kept with its responses) or restores a template. */
export async function setArchived(db: QingdanDatabase, id: string, archived: boolean, now: string = nowIso()): Promise<void> {
  const node = await clockNode(db)
  await storageWrite(() =>
    db.transaction('rw', syncTables(db, db.templates), async () => {
      const row = await db.templates.get(id)
      if (!row) return
      await putTemplate(db, { ...row, status: archivedStatus(row, archived), updatedAt: now }, node)
    }),
  )
}

/**
 * Imports a template document (already parsed JSON): validated first (with errors nothing is
 * stored and the issues come back), then stored as the core's `importedTemplate` decides.
 */
export async function importTemplate(db: QingdanDatabase, json: unknown, now: string = nowIso()): Promise<Result<TemplateRow>> {
  const check = checkImport(json)
  if (!check.ok) return check
  const incoming = check.value
  const node = await clockNode(db)
  return storageWrite(() =>
    db.transaction('rw', syncTables(db, db.templates, db.templateVersions), async () => {
      const { row, version } = importedTemplate(incoming, await takenIds(db), now)
      await addVersion(db, version)
      return ok(await putTemplate(db, row, node, 'add'), check.warnings)
    }),
  )
}
