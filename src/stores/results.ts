/**
 * Results list state: every summary (compact, from the v3 `summaries` table), the filter, the
 * sort, and the task tally for the follow-up filter. Filtering is a pure pass in core, so a
 * change of filter costs one loop over the summaries, not a database query.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { Template } from '@/core/format/types'
import type { Lang } from '@/core/result'
// Types only: the export plan and its tables load with the writers, when an export is made.
import type { ExportKind } from '@/core/exchange/results/export-plan'
import type { ResponseDetails } from '@/core/exchange/results/table'
import { fileStem } from '@/core/exchange/results/names'
import { localDate } from '@/core/time/local-time'
import { filterSummaries, type ResultFilter, type ResultSort, type TaskTally } from '@/core/stats/filter'
import type { ResultSummary } from '@/core/stats/types'
import type { Task } from '@/core/tasks/task'
// Module paths, not the `@/db` barrel (which would bring template editing and its validation).
import { getDb } from '@/db/singleton'
import { ensureSummaries, loadStoredResponses, newestSummaries, querySummaries, summaryCounts } from '@/db/repositories/results-query'
import { listTasks } from '@/db/repositories/tasks'
import { getTemplateVersion, listTemplateVersions } from '@/db/repositories/templates'
import type { SummaryRow } from '@/db/rows'
import { useSettingsStore } from './settings'

export type { ExportKind }

/** What to export besides the results themselves. */
export interface ExportOptions {
  /** Only this template's results, in its columns; left out: every template, one table each. */
  templateId?: string
  lang: Lang
  /** One answer and one points column per item. */
  itemColumns?: boolean
  /** Zone of the written times; defaults to the settings' zone. */
  timeZone?: string
  /** The export's moment (its file name carries the local date); defaults to now. */
  now?: string
}

/** One export file, ready for `downloadBlob`. */
export interface ExportFile {
  blob: Blob
  name: string
}

export interface TemplateChoice {
  id: string
  title: string
  versions: number[]
}

export const useResultsStore = defineStore('results', () => {
  const summaries = shallowRef<SummaryRow[]>([])
  const tally = shallowRef<TaskTally>(new Map())
  const loading = ref(false)
  const loaded = ref(false)
  const filter = reactive<ResultFilter>({})
  const sort = ref<ResultSort>('date-desc')

  /** How many of the newest results show while all of them are still being read. */
  const FIRST_SCREEN = 40

  /**
   * Reads every summary (and the task tally). On the first load the newest screenful is shown
   * first, so the list paints at once even with 10,000 results; `loaded` turns true (counts,
   * filters over everything) when all are in. Later loads keep showing the previous data until
   * the fresh data replaces it. Missing summaries are backfilled alongside the read, and the
   * read is repeated only when the backfill changed something.
   */
  async function load(): Promise<void> {
    loading.value = true
    try {
      const db = getDb()
      // The first screen goes alone, so nothing competes with it for the database.
      if (!loaded.value && summaries.value.length === 0) {
        const first = await newestSummaries(db, FIRST_SCREEN)
        if (!loaded.value) summaries.value = first
      }
      const [rows, tasks, fixed] = await Promise.all([querySummaries(db), listTasks(db), ensureSummaries(db)])
      const counts = new Map<string, { open: number; total: number }>()
      for (const t of tasks) {
        const c = counts.get(t.responseId) ?? { open: 0, total: 0 }
        c.total++
        if (t.status !== 'verified') c.open++
        counts.set(t.responseId, c)
      }
      tally.value = counts
      summaries.value = fixed.added + fixed.removed > 0 ? await querySummaries(db) : rows
      loaded.value = true
    } finally {
      loading.value = false
    }
  }

  /** Loads once; views that only read (the dashboard) reuse what the results list already read. */
  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load()
  }

  /**
   * Reloads only when responses were submitted or deleted since the last read: two index counts
   * (no rows read) decide, so reopening the dashboard does not read 10,000 summaries again.
   */
  async function refreshIfChanged(): Promise<void> {
    if (!loaded.value) return load()
    const { stored, submitted } = await summaryCounts(getDb())
    if (stored !== summaries.value.length || submitted !== stored) await load()
  }

  const filtered = computed(() => filterSummaries(summaries.value, filter, sort.value, tally.value))

  const templates = computed<TemplateChoice[]>(() => {
    const byId = new Map<string, TemplateChoice>()
    for (const s of summaries.value) {
      const t = byId.get(s.templateId) ?? { id: s.templateId, title: s.templateTitle, versions: [] }
      if (!t.versions.includes(s.templateVersion)) t.versions.push(s.templateVersion)
      byId.set(s.templateId, t)
    }
    for (const t of byId.values()) t.versions.sort((a, b) => a - b)
    return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
  })

  const inspectors = computed(() => [...new Set(summaries.value.map((s) => s.inspector).filter((x) => x !== ''))].sort())
  const bands = computed(() => {
    const seen = new Map<string, number>()
    for (const s of summaries.value) if (s.band !== null && !seen.has(s.band)) seen.set(s.band, s.bandIndex ?? 0)
    return [...seen.entries()].sort((a, b) => a[1] - b[1]).map(([label]) => label)
  })

  /**
   * Subject field labels by template id, then field id, from each template's newest stored version:
   * the filters name a field as its template does ("年度/月份"), never by its id ("period").
   */
  const fieldLabels = shallowRef<Record<string, Record<string, string>>>({})

  async function loadFieldLabels(): Promise<void> {
    const db = getDb()
    const out: Record<string, Record<string, string>> = {}
    await Promise.all(
      templates.value.map(async (choice) => {
        const newest = (await listTemplateVersions(db, choice.id)).at(-1)?.template
        out[choice.id] = Object.fromEntries((newest?.subject?.fields ?? []).map((f) => [f.id, f.label]))
      }),
    )
    fieldLabels.value = out
  }

  /** The dashboard's template (its newest version) and its tasks, beside the summaries above. */
  const dashboardTemplate = shallowRef<Template | null>(null)
  const dashboardTasks = shallowRef<Task[]>([])

  /**
   * Loads what the dashboard of one template shows. Summaries already read are shown at once and
   * re-read only if responses were submitted or deleted since.
   */
  async function loadDashboard(templateId: string): Promise<void> {
    const db = getDb()
    const fresh = loaded.value ? (void refreshIfChanged(), Promise.resolve()) : load()
    const [, tasks, versions] = await Promise.all([fresh, listTasks(db, { templateId }), listTemplateVersions(db, templateId)])
    dashboardTasks.value = tasks
    dashboardTemplate.value = versions.at(-1)?.template ?? null
  }

  /**
   * The export file of the given results. One template (chosen, or the only one among the
   * results): its columns, from its newest version among the results. Several: one table per
   * template, a zip of CSVs or one workbook with a sheet each. Stored answers are read only when
   * item columns or the item sheet need them; the writers (papaparse, exceljs, zip.js) load only now.
   */
  async function exportFile(kind: ExportKind, items: readonly ResultSummary[], options: ExportOptions): Promise<ExportFile> {
    const db = getDb()
    const { lang, templateId, itemColumns = false } = options
    const timeZone = options.timeZone ?? useSettingsStore().timeZone
    const files = await import('@/io/export/results')
    const groups = files.groupByTemplate(templateId === undefined ? items : items.filter((s) => s.templateId === templateId))
    if (groups.length === 0) throw new Error('Nothing to export')
    const templates = await Promise.all(
      groups.map(async (g) => {
        const row = await getTemplateVersion(db, g.templateId, g.version)
        if (!row) throw new Error(`Template ${g.templateId} v${g.version} is missing`)
        return { template: row.template, list: g.list }
      }),
    )
    const needsDetails = itemColumns || (kind === 'xlsx' && groups.length === 1)
    const details = new Map<string, ResponseDetails>()
    if (needsDetails) {
      const stored = await loadStoredResponses(db, groups.flatMap((g) => g.list.map((s) => s.id)))
      for (const { row, response } of stored) if (row.result) details.set(row.id, { response, result: row.result })
    }
    const openTasks = new Map([...tally.value].map(([id, c]) => [id, c.open]))
    const plan = files.exportPlan(kind, templates, { lang, timeZone, itemColumns, details, openTasks })
    const { blob, ext } = await files.writeExport(plan)
    const date = localDate(options.now ?? new Date().toISOString(), timeZone)
    const [only] = templates
    const title = templates.length === 1 && only ? only.template.title : lang === 'zh-CN' ? '全部模板' : 'all-templates'
    const suffix = kind === 'building' ? (lang === 'zh-CN' ? '-分楼报表' : '-by-building') : ''
    return { blob, name: `${fileStem(`${title}-${date}`)}${suffix}.${ext}` }
  }

  /** Replaces the whole filter (keys left out are cleared). */
  function setFilter(next: ResultFilter): void {
    for (const key of Object.keys(filter) as Array<keyof ResultFilter>) delete filter[key]
    Object.assign(filter, next)
  }

  return {
    summaries, tally, loading, loaded, filter, sort, filtered, templates, inspectors, bands, dashboardTemplate, dashboardTasks,
    fieldLabels, load, ensureLoaded, refreshIfChanged, setFilter, loadDashboard, loadFieldLabels, exportFile,
  }
})
