/**
 * Editing templates: create, save a draft, publish (freeze version N+1), duplicate, archive and
 * import. Each is one transaction, and whatever is checked (validation, ids) is checked before
 * anything is written, so a failure stores nothing.
 */
import type { Template } from '@/core/format/types'
import { fail, ok, type Issue, type Result } from '@/core/result'
import { validateTemplate } from '@/core/validate'
import type { QingdanDatabase } from '../database'
import type { TemplateRow, TemplateSource } from '../rows'
import { storageWrite } from '../storage-error'
import { nowIso } from '../time'
import { versionRow } from './templates'

/** Every template row, archived ones included, most recently changed first. */
export async function listTemplateRows(db: QingdanDatabase): Promise<TemplateRow[]> {
  const rows = await db.templates.toArray()
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

export async function getTemplateRow(db: QingdanDatabase, id: string): Promise<TemplateRow | undefined> {
  return db.templates.get(id)
}

/** `id`, or `id-2`, `id-3` … : the first that no template uses. */
async function freeId(db: QingdanDatabase, id: string): Promise<string> {
  if (!(await db.templates.get(id))) return id
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`
    if (!(await db.templates.get(candidate))) return candidate
  }
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
  return storageWrite(() =>
    db.transaction('rw', db.templates, async () => {
      const id = await freeId(db, draft.id)
      const row: TemplateRow = {
        id,
        title: draft.title,
        status: 'draft',
        latestVersion: 0,
        draft: { ...draft, id, version: 1 },
        source,
        createdAt: now,
        updatedAt: now,
      }
      await db.templates.add(row)
      return row
    }),
  )
}

/** Replaces the row's draft (autosave). The draft's id and version are the row's business. */
export async function saveDraft(db: QingdanDatabase, id: string, draft: Template, now: string = nowIso()): Promise<void> {
  await storageWrite(() =>
    db.transaction('rw', db.templates, async () => {
      const row = await db.templates.get(id)
      if (!row) throw new Error(`No template ${id}`)
      await db.templates.put({ ...row, title: draft.title, draft: { ...draft, id, version: row.latestVersion + 1 }, updatedAt: now })
    }),
  )
}

/** Drops the unpublished changes; a never published template keeps its (empty) draft. */
export async function discardDraft(db: QingdanDatabase, id: string, now: string = nowIso()): Promise<void> {
  await storageWrite(() =>
    db.transaction('rw', db.templates, db.templateVersions, async () => {
      const row = await db.templates.get(id)
      if (!row || row.latestVersion === 0) return
      const latest = await db.templateVersions.get([id, row.latestVersion])
      const { draft: _dropped, ...rest } = row
      await db.templates.put({ ...rest, title: latest?.template.title ?? row.title, updatedAt: now })
    }),
  )
}

export interface Published {
  version: number
  template: Template
  /** The version it replaces as the latest (null: the first publish). */
  previous: Template | null
}

const issue = (code: string, zh: string, en: string): Issue => ({ code, pointer: '', severity: 'error', message: { 'zh-CN': zh, en } })

/**
 * Freezes the draft as version N+1. Refused (nothing written) when the draft has validation
 * errors or there is no draft. Responses keep the version they were filled with.
 */
export async function publishDraft(db: QingdanDatabase, id: string, now: string = nowIso()): Promise<Result<Published>> {
  return storageWrite(() =>
    db.transaction('rw', db.templates, db.templateVersions, async (): Promise<Result<Published>> => {
      const row = await db.templates.get(id)
      if (!row?.draft) return fail([issue('publish.noDraft', '没有可发布的草稿。', 'There is no draft to publish.')])
      const version = row.latestVersion + 1
      const template: Template = { ...row.draft, id, version }
      const check = validateTemplate(template)
      if (!check.ok) return fail(check.issues)
      const previous = row.latestVersion > 0 ? ((await db.templateVersions.get([id, row.latestVersion]))?.template ?? null) : null
      await db.templateVersions.add(versionRow(template, now))
      const { draft: _published, ...rest } = row
      await db.templates.put({
        ...rest,
        title: template.title,
        status: row.status === 'archived' ? 'archived' : 'published',
        latestVersion: version,
        updatedAt: now,
      })
      return ok({ version, template, previous }, check.warnings)
    }),
  )
}

/** The template as the editor opens it: the draft, else a new draft from the latest version. */
export async function editableTemplate(db: QingdanDatabase, id: string): Promise<Template | undefined> {
  const row = await db.templates.get(id)
  if (!row) return undefined
  if (row.draft) return row.draft
  const latest = await db.templateVersions.get([id, row.latestVersion])
  return latest ? { ...latest.template, version: row.latestVersion + 1 } : undefined
}

/** A copy as a new draft (version 1) under a fresh id, titled “… (副本)”. */
export async function duplicateTemplate(db: QingdanDatabase, id: string, now: string = nowIso()): Promise<TemplateRow | undefined> {
  const source = await editableTemplate(db, id)
  if (!source) return undefined
  return createTemplate(db, { ...source, id: `${id}-copy`, title: `${source.title}（副本）`, version: 1 }, 'user', now)
}

/** Archives (hidden from filling, kept with its responses) or restores a template. */
export async function setArchived(db: QingdanDatabase, id: string, archived: boolean, now: string = nowIso()): Promise<void> {
  await storageWrite(() =>
    db.transaction('rw', db.templates, async () => {
      const row = await db.templates.get(id)
      if (!row) return
      const status = archived ? 'archived' : row.latestVersion > 0 ? 'published' : 'draft'
      await db.templates.put({ ...row, status, updatedAt: now })
    }),
  )
}

/**
 * Imports a template document (already parsed JSON). Validated first: with errors nothing is
 * stored and the issues come back. A valid template is stored as a published version as it is
 * (same id and version, so responses from the device it came from match), or under a fresh id
 * as version 1 when this device already has a template with that id.
 */
export async function importTemplate(db: QingdanDatabase, json: unknown, now: string = nowIso()): Promise<Result<TemplateRow>> {
  const check = validateTemplate(json)
  if (!check.ok) return check
  const incoming = check.value
  return storageWrite(() =>
    db.transaction('rw', db.templates, db.templateVersions, async () => {
      const id = await freeId(db, incoming.id)
      const template: Template = id === incoming.id ? incoming : { ...incoming, id, version: 1 }
      const row: TemplateRow = {
        id,
        title: template.title,
        status: 'published',
        latestVersion: template.version,
        source: 'import',
        createdAt: now,
        updatedAt: now,
      }
      await db.templateVersions.add(versionRow(template, now))
      await db.templates.add(row)
      return ok(row, check.warnings)
    }),
  )
}
