import type { Template } from '@/core/format/types'
import type { QingdanDatabase } from './database'
import { getDb } from './singleton'
import { installSamples } from './repositories/samples'
import { loadShippedSamples } from './samples'

const started = new WeakMap<QingdanDatabase, Promise<void>>()

/**
 * Installs the shipped samples once per app start (memoised per database). A failure is not
 * remembered, so a later call tries again; it still rejects, for the shell to show.
 */
export function ensureSamplesInstalled(
  db: QingdanDatabase = getDb(),
  load: () => Promise<Template[]> = loadShippedSamples,
): Promise<void> {
  let run = started.get(db)
  if (!run) {
    run = (async () => {
      await installSamples(db, await load())
    })()
    started.set(db, run)
    run.catch(() => started.delete(db))
  }
  return run
}
