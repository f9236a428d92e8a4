import type { Item, Section, Template } from '@/core/format/types'
import type { QingdanDatabase } from '../database'
import type { TemplateVersionRow } from '../rows'

/**
 * The latest published version of every template that is not archived, by title.
 * Drafts never published (latestVersion 0) are not offered for filling.
 */
export async function listPublishedTemplates(db: QingdanDatabase): Promise<TemplateVersionRow[]> {
  return db.transaction('r', db.templates, db.templateVersions, async () => {
    const rows = await db.templates.filter((t) => t.status !== 'archived' && t.latestVersion > 0).toArray()
    const versions = await db.templateVersions.bulkGet(rows.map((t): [string, number] => [t.id, t.latestVersion]))
    return versions
      .filter((v): v is TemplateVersionRow => v !== undefined)
      .sort((a, b) => a.template.title.localeCompare(b.template.title, 'zh-CN'))
  })
}

export async function getTemplateVersion(
  db: QingdanDatabase,
  templateId: string,
  version: number,
): Promise<TemplateVersionRow | undefined> {
  return db.templateVersions.get([templateId, version])
}

/** Every frozen version of one template, oldest first (results compare versions over time). */
export async function listTemplateVersions(db: QingdanDatabase, templateId: string): Promise<TemplateVersionRow[]> {
  return db.templateVersions.where('templateId').equals(templateId).sortBy('version')
}

/** Items a person answers: every type but `info`, nested sections included. */
export function countAnswerableItems(template: Template): number {
  const countIn = (sections: Section[]): number =>
    sections.reduce(
      (n, s) => n + s.items.filter((i: Item) => i.type !== 'info').length + countIn(s.sections ?? []),
      0,
    )
  return countIn(template.sections)
}

/** A frozen version row for a template, as written on publish or install. */
export function versionRow(template: Template, publishedAt: string): TemplateVersionRow {
  return {
    templateId: template.id,
    version: template.version,
    template,
    publishedAt,
    itemCount: countAnswerableItems(template),
  }
}
