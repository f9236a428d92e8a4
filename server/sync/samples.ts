/**
 * The samples shipped in `schemas/samples/` are installed on every device by the app itself and
 * never pushed (see src/db/repositories/legacy-sync.ts), so the server installs the same versions
 * on start: a response filled on a sample is then accepted, and a new device pulls nothing it
 * lacks. Versions are immutable, so an installed one is left alone; each is locked as a push
 * publishing it would lock it (locks.ts), so the two cannot collide on its key.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { validateTemplate } from '@/core/validate'
import type { Template } from '@/core/format/types'
import type { Db } from '../db/types'
import { SAMPLES_DIR } from '../paths'
import { lockKey, lockRecords } from './locks'
import { json, NEXT_CURSOR } from './sql'

export { SAMPLES_DIR }

/** Reads and validates the shipped samples; a broken sample is a build defect, so it throws. */
export async function readShippedSamples(dir: string = SAMPLES_DIR): Promise<Template[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()
  return Promise.all(
    files.map(async (file) => {
      const raw: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'))
      const result = validateTemplate(raw)
      if (!result.ok) throw new Error(`shipped sample ${file} is invalid: ${result.issues.map((i) => `${i.pointer} ${i.code}`).join('; ')}`)
      // Stored as the file says, byte for byte what the app installs, so the contents compare equal.
      return raw as Template
    }),
  )
}

/** @returns how many versions were new. */
export async function installShippedSamples(db: Db, samples: Template[], now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await lockRecords(tx, samples.map((s) => lockKey.version(s.id, s.version)))
    let added = 0
    for (const sample of samples) {
      const rows = await tx.query(
        `insert into template_versions (template_id, version, content, published_at, cursor)
         values ($1, $2, $3::text::jsonb, $4, ${NEXT_CURSOR})
         on conflict do nothing returning version`,
        [sample.id, sample.version, json(sample), now.toISOString()],
      )
      added += rows.length
    }
    return added
  })
}
