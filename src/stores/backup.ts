/**
 * Backups (#7): export a bundle, import one in two steps (summary first, then one transaction),
 * and the home reminder's state. Decisions live in core (merge planning, reminder rule).
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { BundleFilter, MergePlan } from '@/core/exchange/bundle'
import { backupReminder, type ReminderReason } from '@/core/exchange/bundle/reminder'
import type { Issue } from '@/core/result'
// Module paths, not the `@/db` barrel; and the bundle code (zip.js) is imported only when a bundle
// is written or read, so the home screen's reminder, which uses this store, stays small.
import { getDb } from '@/db/singleton'
import { getDeviceId } from '@/db/repositories/meta'
import { listPublishedTemplates } from '@/db/repositories/templates'
import { isQuotaError } from '@/db/storage-error'
import { backupStatus, markBackedUp, type BackupStatus } from '@/db/repositories/bundle-export'
import { subjectTerm } from '@/db/subject-index'
import type { PreparedImport } from '@/io/bundle/import'
import type { SaveOutcome } from '@/io/bundle/save'

/** The export form as the view holds it: empty strings are "any". */
export interface ExportForm {
  templateId: string
  from: string
  to: string
  building: string
}

/** The bundle filter of an export form (a building becomes its subject-index term). */
export function exportFilter(form: ExportForm): BundleFilter {
  return {
    ...(form.templateId && { templateId: form.templateId }),
    ...(form.from && { from: form.from }),
    ...(form.to && { to: form.to }),
    ...(form.building.trim() && { subjectTerm: subjectTerm('building', form.building) }),
  }
}

export type BackupPhase = 'idle' | 'exporting' | 'reading' | 'review' | 'importing' | 'done'

export const useBackupStore = defineStore('backup', () => {
  const status = ref<BackupStatus>({ notBackedUp: 0 })
  const deviceId = ref('')
  const phase = ref<BackupPhase>('idle')
  const progress = ref<{ done: number; total: number } | null>(null)
  /** Problems of the last import attempt (bilingual); nothing was stored when set. */
  const issues = shallowRef<Issue[]>([])
  const prepared = shallowRef<PreparedImport | null>(null)
  /** The plan of the import under review, or of the one just committed. */
  const plan = shallowRef<MergePlan | null>(null)
  const lastExport = ref<SaveOutcome | null>(null)
  const error = ref<string | null>(null)
  /** The last import or export failed because the device's storage is full (the view says what to do). */
  const storageFull = ref(false)
  const now = ref(new Date().toISOString())
  /** Templates offered by the export filter. */
  const templates = shallowRef<Array<{ id: string; title: string }>>([])

  const reminder = computed<ReminderReason | null>(() => backupReminder(status.value, now.value))

  /**
   * Records a failure for the view. A DOMException such as QuotaExceededError often has an empty
   * message: fall back to its name, never to an empty string the page would hide.
   */
  function fail(e: unknown): void {
    storageFull.value = isQuotaError(e)
    const message = e instanceof Error || e instanceof DOMException ? e.message || e.name : String(e)
    error.value = message === '' ? 'Error' : message
  }

  async function refresh(): Promise<void> {
    now.value = new Date().toISOString()
    const db = getDb()
    ;[status.value, deviceId.value] = await Promise.all([backupStatus(db), getDeviceId(db)])
  }

  async function loadTemplates(): Promise<void> {
    templates.value = (await listPublishedTemplates(getDb())).map((v) => ({ id: v.templateId, title: v.template.title }))
  }

  /**
   * Exports a bundle. Only a full export (no filter) counts as a backup for the reminder.
   * @param usePicker false forces the download path (e2e).
   */
  async function exportBundle(filter: BundleFilter = {}, usePicker = true): Promise<SaveOutcome> {
    phase.value = 'exporting'
    error.value = null
    storageFull.value = false
    progress.value = null
    try {
      const createdAt = new Date().toISOString()
      const [{ bundleFileName, saveBundle }, { writeBundle }] = await Promise.all([import('@/io/bundle/save'), import('@/io/bundle/write')])
      const outcome = await saveBundle(
        bundleFileName(),
        (sink) => writeBundle(getDb(), sink, { filter, now: createdAt, onProgress: (done, total) => (progress.value = { done, total }) }),
        usePicker,
      )
      const full = Object.values(filter).every((v) => v === undefined || v === '')
      if (outcome !== 'cancelled' && full) await markBackedUp(getDb(), createdAt)
      lastExport.value = outcome
      await refresh()
      return outcome
    } catch (e) {
      fail(e)
      throw e
    } finally {
      phase.value = 'idle'
      progress.value = null
    }
  }

  /** Opens, checks and plans an import; writes nothing. */
  async function review(file: Blob): Promise<boolean> {
    await cancel()
    phase.value = 'reading'
    issues.value = []
    plan.value = null
    error.value = null
    storageFull.value = false
    try {
      const { prepareBundleImport } = await import('@/io/bundle/import')
      const result = await prepareBundleImport(getDb(), file)
      if (!result.ok) {
        issues.value = result.issues
        phase.value = 'idle'
        return false
      }
      prepared.value = result.value
      plan.value = result.value.plan
      phase.value = 'review'
      return true
    } catch (e) {
      fail(e)
      phase.value = 'idle'
      return false
    }
  }

  /** Commits the import under review in one transaction. */
  async function commit(): Promise<boolean> {
    const current = prepared.value
    if (!current) return false
    phase.value = 'importing'
    prepared.value = null
    try {
      const { commitBundleImport } = await import('@/io/bundle/import')
      const result = await commitBundleImport(getDb(), current, (done, total) => (progress.value = { done, total }))
      if (!result.ok) {
        issues.value = result.issues
        plan.value = null
        phase.value = 'idle'
        return false
      }
      phase.value = 'done'
      await refresh()
      return true
    } catch (e) {
      fail(e)
      plan.value = null
      phase.value = 'idle'
      return false
    } finally {
      progress.value = null
    }
  }

  async function cancel(): Promise<void> {
    const current = prepared.value
    prepared.value = null
    if (current) await (await import('@/io/bundle/import')).cancelBundleImport(current)
    if (phase.value === 'review') {
      phase.value = 'idle'
      plan.value = null
    }
  }

  return { status, deviceId, templates, loadTemplates, phase, progress, issues, plan, lastExport, error, storageFull, now, reminder, refresh, exportBundle, review, commit, cancel }
})
