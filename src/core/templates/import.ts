/**
 * Importing a template document: validated first (with errors nothing is stored), then stored as
 * a published version as it is — same id and version, so responses from the device it came from
 * match — or under a free id as version 1 when this device already has a template with that id.
 */
import type { Template } from '../format/types'
import type { Result } from '../result'
import { validateTemplate } from '../validate'
import { freeTemplateId } from './ids'
import type { TemplateRecord, TemplateVersionRecord } from './record'
import { versionRecord } from './version'

/** Validates an imported document (already parsed JSON). */
export function checkImport(json: unknown): Result<Template> {
  return validateTemplate(json)
}

/** The rows an import of a valid template writes, given the template ids already taken. */
export function importedTemplate(
  incoming: Template,
  taken: ReadonlySet<string>,
  now: string,
): { row: TemplateRecord; version: TemplateVersionRecord } {
  const id = freeTemplateId(incoming.id, taken)
  const template: Template = id === incoming.id ? incoming : { ...incoming, id, version: 1 }
  return {
    row: { id, title: template.title, status: 'published', latestVersion: template.version, source: 'import', createdAt: now, updatedAt: now },
    version: versionRecord(template, now),
  }
}
