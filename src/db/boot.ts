import type { Template } from '@/core/format/types'
import type { QingdanDatabase } from './database'
import { getDb } from './singleton'
import { INSTALLED_SAMPLES_KEY } from './keys'
import { installSamples } from './repositories/samples'
import { loadShippedSamples, shippedSampleKeys } from './samples'

const started = new WeakMap<QingdanDatabase, Promise<void>>()

/**
 * Installs the shipped samples once per app start (memoised per database). A failure is not
 * remembered, so a later call tries again; it still rejects, for the shell to show.
 *
 * Once every shipped `id@version` is recorded as installed, a start reads that one meta row and
 * loads no sample at all: the samples' chunks are fetched on the first start and after an update
 * that ships a new sample or version, not on every start.
 */
export function ensureSamplesInstalled(
  db: QingdanDatabase = getDb(),
  load: () => Promise<Template[]> = loadShippedSamples,
  shipped: string[] = shippedSampleKeys(),
): Promise<void> {
  let run = started.get(db)
  if (!run) {
    run = (async () => {
      const done = new Set(((await db.meta.get(INSTALLED_SAMPLES_KEY))?.value as string[] | undefined) ?? [])
      if (shipped.every((key) => done.has(key))) return
      await installSamples(db, await load())
    })()
    started.set(db, run)
    run.catch(() => started.delete(db))
  }
  return run
}
