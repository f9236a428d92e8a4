/**
 * Drafts: a new template, saving, discarding and copying the unpublished draft. The draft's id and
 * version belong to the record: it is always version `latestVersion + 1` of the record's id.
 */
import type { Template } from '../format/types'
import type { TemplateRecord, TemplateSource, TemplateStatus } from './record'

/** A never published template (version 0) whose draft is version 1 under the record's id. */
export function newTemplateRecord(draft: Template, id: string, source: TemplateSource, now: string): TemplateRecord {
  return {
    id,
    title: draft.title,
    status: 'draft',
    latestVersion: 0,
    draft: { ...draft, id, version: 1 },
    source,
    createdAt: now,
    updatedAt: now,
  }
}

/** The record with `draft` as its unpublished draft (autosave); the title follows the draft. */
export function withDraft(row: TemplateRecord, draft: Template, now: string): TemplateRecord {
  return { ...row, title: draft.title, draft: { ...draft, id: row.id, version: row.latestVersion + 1 }, updatedAt: now }
}

/**
 * The record without its draft, titled as its latest version again. A never published template
 * keeps its draft (there is nothing to go back to): undefined means "no change".
 */
export function withoutDraft(row: TemplateRecord, latest: Template | undefined, now: string): TemplateRecord | undefined {
  if (row.latestVersion === 0) return undefined
  const { draft: _dropped, ...rest } = row
  return { ...rest, title: latest?.title ?? row.title, updatedAt: now }
}

/** The template as the editor opens it: the draft, else a new draft from the latest version. */
export function editableDraft(row: TemplateRecord, latest: Template | undefined): Template | undefined {
  if (row.draft) return row.draft
  return latest ? { ...latest, version: row.latestVersion + 1 } : undefined
}

/** A copy of a template as a new draft: a fresh id (made free by the caller), titled “… (副本)”. */
export function copyDraft(source: Template): Template {
  return { ...source, id: `${source.id}-copy`, title: `${source.title}（副本）`, version: 1 }
}

/** The status after archiving (hidden from filling, kept with its responses) or restoring. */
export function archivedStatus(row: Pick<TemplateRecord, 'latestVersion'>, archived: boolean): TemplateStatus {
  return archived ? 'archived' : row.latestVersion > 0 ? 'published' : 'draft'
}
