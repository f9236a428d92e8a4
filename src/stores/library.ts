/**
 * The template library: every template row with what its card shows, and the actions on it
 * (create, duplicate, archive, import, export). Orchestrates core + db, decides nothing itself.
 */
import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { Template } from '@/core/format/types'
import type { Issue, Lang, Result } from '@/core/result'
import { readTemplateJson, templateFileName, writeTemplateJson } from '@/core/exchange/template-json'
import { slugFor } from '@/core/builder/ids'
import { numberedName } from '@/core/builder/default-names'
import { rescore, type Rescore } from '@/core/builder/rescore'
import { countAnswerableItems } from '@/core/templates/count'
import type { QingdanDatabase } from '@/db/database'
import { getDb } from '@/db/singleton'
import {
  createTemplate,
  duplicateTemplate,
  editableTemplate,
  importTemplate,
  listTemplateRows,
  setArchived,
} from '@/db/repositories/templates-edit'
import { listTemplateVersions } from '@/db/repositories/templates'
import { listResponses } from '@/db/repositories/responses'
import { loadStoredResponses } from '@/db/repositories/results-query'
import { loadShippedSamples } from '@/db/samples'
import type { TemplateRow } from '@/db/rows'

/** One older response scored as filled and re-scored with the latest version. */
export interface RescoreRow extends Rescore {
  subject: string
  version: number
}

/** At most this many older responses are re-scored for the comparison table. */
const RESCORE_LIMIT = 200

export interface LibraryCard {
  row: TemplateRow
  title: string
  /** The latest published version (0: never published). */
  version: number
  itemCount: number
  /** Has unpublished changes. */
  hasDraft: boolean
}

export const useLibraryStore = defineStore('library', () => {
  let db: QingdanDatabase | null = null
  const cards = shallowRef<LibraryCard[]>([])
  const loading = ref(false)
  const importIssues = shallowRef<Issue[]>([])

  const database = (): QingdanDatabase => (db ??= getDb())

  async function refresh(given?: QingdanDatabase): Promise<void> {
    if (given) db = given
    loading.value = true
    try {
      const rows = await listTemplateRows(database())
      cards.value = await Promise.all(
        rows.map(async (row): Promise<LibraryCard> => {
          const versions = row.latestVersion > 0 ? await listTemplateVersions(database(), row.id) : []
          const latest = versions[versions.length - 1]
          const shown = row.draft ?? latest?.template
          return {
            row,
            title: row.title,
            version: row.latestVersion,
            itemCount: shown ? countAnswerableItems(shown) : 0,
            hasDraft: row.draft !== undefined,
          }
        }),
      )
    } finally {
      loading.value = false
    }
  }

  async function createBlank(title: string, lang: Lang = 'zh-CN'): Promise<TemplateRow> {
    const draft: Template = {
      id: slugFor(title),
      version: 1,
      title,
      sections: [{ id: 's1', title: numberedName('section', lang, 1, new Set()), items: [] }],
      scoring: { method: 'sum' },
    }
    const row = await createTemplate(database(), draft, 'user')
    await refresh()
    return row
  }

  /** A new draft copied from a shipped sample or any template (ids renumbered only if taken). */
  async function createFrom(template: Template, title = `${template.title}（副本）`): Promise<TemplateRow> {
    const row = await createTemplate(database(), { ...structuredClone(template), id: `${template.id}-copy`, title, version: 1 }, 'user')
    await refresh()
    return row
  }

  /** Stores a rubric-table import as a draft for the person to finish in the builder. */
  async function createFromImport(template: Template): Promise<TemplateRow> {
    const row = await createTemplate(database(), template, 'import')
    await refresh()
    return row
  }

  async function duplicate(id: string): Promise<TemplateRow | undefined> {
    const row = await duplicateTemplate(database(), id)
    await refresh()
    return row
  }

  async function archive(id: string, archived = true): Promise<void> {
    await setArchived(database(), id, archived)
    await refresh()
  }

  /** Reads and imports a template file's text; the issues stay in `importIssues` for the view. */
  async function importJson(text: string): Promise<Result<TemplateRow>> {
    const parsed = readTemplateJson(text)
    if (!parsed.ok) {
      importIssues.value = parsed.issues
      return parsed
    }
    const r = await importTemplate(database(), parsed.value)
    importIssues.value = r.ok ? [] : r.issues
    await refresh()
    return r
  }

  /** The file of a template (its draft when it has one): name and text. */
  async function exportJson(id: string): Promise<{ name: string; text: string } | undefined> {
    const row = cards.value.find((c) => c.row.id === id)?.row
    const versions = await listTemplateVersions(database(), id)
    const template = row?.draft ?? versions[versions.length - 1]?.template ?? (await editableTemplate(database(), id))
    if (!template) return undefined
    return { name: templateFileName(template), text: writeTemplateJson(template) }
  }

  /** The samples shipped with the app, to start a template from. */
  async function shippedSamples(): Promise<Template[]> {
    return loadShippedSamples()
  }

  /**
   * Read-only: the submitted responses of older versions, each scored as filled and re-scored
   * with the latest version for the items whose ids carry over. Nothing is stored.
   */
  async function rescoreOlder(templateId: string): Promise<RescoreRow[]> {
    const versions = await listTemplateVersions(database(), templateId)
    const latest = versions[versions.length - 1]
    if (!latest) return []
    const byVersion = new Map(versions.map((v) => [v.version, v.template]))
    const older = (await listResponses(database(), { templateId, status: 'submitted' })).filter((r) => r.templateVersion < latest.version)
    const stored = await loadStoredResponses(database(), older.slice(0, RESCORE_LIMIT).map((r) => r.id))
    return stored.flatMap(({ row, response }) => {
      const old = byVersion.get(row.templateVersion)
      if (!old) return []
      return [{ ...rescore(response, old, latest.template), subject: Object.values(row.subject).join(' '), version: row.templateVersion }]
    })
  }

  return { cards, loading, importIssues, refresh, shippedSamples, rescoreOlder, createBlank, createFrom, createFromImport, duplicate, archive, importJson, exportJson }
})
