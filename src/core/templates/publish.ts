/**
 * Publishing: the draft becomes frozen version N+1. The draft is validated once, by whoever holds
 * it (the builder has its live validation; `checkDraft` validates a stored draft); `publish`
 * takes that Result and decides the new rows, so nothing here validates twice.
 */
import type { Template } from '../format/types'
import { fail, ok, type Result } from '../result'
import { validateTemplate } from '../validate'
import { templateIssue } from './issues'
import type { TemplateRecord, TemplateVersionRecord } from './record'
import { versionRecord } from './version'

export interface Published {
  version: number
  template: Template
  /** The version it replaces as the latest (null: the first publish). */
  previous: Template | null
}

/** What a publish writes: the record (draft gone, new latest version) and the frozen version. */
export interface PublishOutcome {
  row: TemplateRecord
  version: TemplateVersionRecord
  published: Published
}

/** The stored draft, stamped as version N+1 of the record, and validated (the one validation). */
export function checkDraft(row: TemplateRecord | undefined): Result<Template> {
  if (!row) return fail([templateIssue('publish.notFound')])
  if (!row.draft) return fail([templateIssue('publish.noDraft')])
  return validateTemplate({ ...row.draft, id: row.id, version: row.latestVersion + 1 })
}

/**
 * Freezes a validated draft as version N+1 of `row`. Refused (nothing to write) when the record
 * is gone or the draft's validation failed. An archived template stays archived.
 * @param checked the draft's validation, done once by the caller
 * @param previous the current latest version (null before the first publish)
 */
export function publish(
  row: TemplateRecord | undefined,
  checked: Result<Template>,
  previous: Template | null,
  now: string,
): Result<PublishOutcome> {
  if (!row) return fail([templateIssue('publish.notFound')])
  if (!checked.ok) return fail(checked.issues)
  const version = row.latestVersion + 1
  const template: Template = { ...checked.value, id: row.id, version }
  const { draft: _published, ...rest } = row
  return ok(
    {
      row: { ...rest, title: template.title, status: row.status === 'archived' ? 'archived' : 'published', latestVersion: version, updatedAt: now },
      version: versionRecord(template, now),
      published: { version, template, previous },
    },
    checked.warnings,
  )
}
