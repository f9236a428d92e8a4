import type { Template } from '@/core/format/types'
import type { QingdanDatabase } from '../database'
import { storageWrite } from '../storage-error'
import { INSTALLED_SAMPLES_KEY } from '../keys'
import type { TemplateRow } from '../rows'
import { nowIso } from '../time'
import { versionRecord } from '@/core/templates/version'

export const sampleKey = (t: Pick<Template, 'id' | 'version'>): string => `${t.id}@${t.version}`

/**
 * Installs the shipped samples. Idempotent, and it never touches user data:
 * - a sample whose (id, version) exists, or that was installed once before (the user may have
 *   deleted it since), is skipped;
 * - a higher version is added as a new frozen version and becomes the template's latest; the
 *   template row's draft, status (archived stays archived) and every response are left as they are.
 * One transaction: a failure installs nothing, and the next start tries again.
 *
 * @returns `id@version` of each version added.
 */
export async function installSamples(
  db: QingdanDatabase,
  samples: Template[],
  now: string = nowIso(),
): Promise<{ installed: string[] }> {
  return storageWrite(() =>
    db.transaction('rw', db.templates, db.templateVersions, db.meta, async () => {
      const done = new Set(((await db.meta.get(INSTALLED_SAMPLES_KEY))?.value as string[] | undefined) ?? [])
      const installed: string[] = []
      for (const sample of samples) {
        const key = sampleKey(sample)
        if (done.has(key)) continue
        done.add(key)
        if (await db.templateVersions.get([sample.id, sample.version])) continue
        await db.templateVersions.add(versionRecord(sample, now))
        await db.templates.put(nextTemplateRow(await db.templates.get(sample.id), sample, now))
        installed.push(key)
      }
      await db.meta.put({ key: INSTALLED_SAMPLES_KEY, value: [...done].sort() })
      return { installed }
    }),
  )
}

function nextTemplateRow(existing: TemplateRow | undefined, sample: Template, now: string): TemplateRow {
  if (!existing) {
    return {
      id: sample.id,
      title: sample.title,
      status: 'published',
      latestVersion: sample.version,
      source: 'sample',
      createdAt: now,
      updatedAt: now,
    }
  }
  // An older sample version filling a gap must not lower the latest version.
  if (sample.version <= existing.latestVersion) return existing
  return {
    ...existing,
    // The row's title follows the latest published version unless a user draft owns it.
    title: existing.draft ? existing.title : sample.title,
    // Archived stays archived; a draft-only row becomes fillable now that a version exists.
    status: existing.status === 'draft' && existing.latestVersion === 0 ? 'published' : existing.status,
    latestVersion: sample.version,
    updatedAt: now,
  }
}
