import type { Template } from '../format/types'
import { countAnswerableItems } from './count'
import type { TemplateVersionRecord } from './record'

/** The frozen version record of a template, as written on publish, import or install. */
export function versionRecord(template: Template, publishedAt: string): TemplateVersionRecord {
  return {
    templateId: template.id,
    version: template.version,
    template,
    publishedAt,
    itemCount: countAnswerableItems(template),
  }
}
