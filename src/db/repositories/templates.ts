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
