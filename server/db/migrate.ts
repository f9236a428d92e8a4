/**
 * SQL migrations: `server/migrations/NNN_name.sql`, applied in order on start, each in its own
 * transaction with its version recorded. A shipped migration is never edited, only followed.
 * Two processes starting at once take turns on an advisory lock, so each migration runs once.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS_DIR } from '../paths'
import type { Db } from './types'

export { MIGRATIONS_DIR }
const FILE = /^(\d{3})_[a-z0-9_]+\.sql$/
/** Any fixed number: the lock only has to be the same for every Qingdan process. */
const MIGRATION_LOCK = 7_411_502

export interface Migration {
  version: number
  name: string
  sql: string
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const out = readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort()
    .map((name) => ({ version: Number(FILE.exec(name)![1]), name, sql: readFileSync(join(dir, name), 'utf8') }))
  out.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 001, 002, … without gaps: ${m.name}`)
  })
  return out
}

/** Applies what is missing; returns the schema version after. */
export async function migrate(db: Db, migrations: Migration[] = readMigrations()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.query('create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())')
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version))
    for (const m of migrations) {
      if (done.has(m.version)) continue
      await tx.script(m.sql)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name])
    }
    return migrations.length === 0 ? 0 : Math.max(...migrations.map((m) => m.version), ...done)
  })
}

export async function schemaVersion(db: Db): Promise<number> {
  const rows = await db.query<{ v: number | null }>('select max(version) as v from schema_migrations')
  return rows[0]?.v ?? 0
}
