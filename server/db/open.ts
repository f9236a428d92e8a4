/** Opens the configured database and brings its schema up to date. */
import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import { migrate } from './migrate'
import type { Db } from './types'

export interface DatabaseConfig {
  /** `postgres://…`: a real PostgreSQL. Absent: PGlite in `dataDir` (in memory when that is absent too). */
  url?: string
  dataDir?: string
}

export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  const db = config.url ? await openPostgres(config.url) : await openPglite(config.dataDir)
  try {
    await migrate(db)
    // New change cursors above every stored one, also after a dump restored into a new cluster
    // (migration 005).
    await db.query('select rebase_cursors()')
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}
