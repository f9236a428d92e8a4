/**
 * The databases every server test runs against: PGlite always, and a real PostgreSQL when
 * `QINGDAN_TEST_PG_URL` is set (`npm test` starts a throwaway cluster and sets it; see
 * scripts/pg-temp.mjs). Each `freshDatabase` is empty and migrated: on PostgreSQL a new database
 * in the cluster, dropped on close.
 */
import pg from 'pg'
import { vi } from 'vitest'
import { openPglite } from '../../../server/db/pglite'
import { openPostgres } from '../../../server/db/postgres'
import { migrate } from '../../../server/db/migrate'
import type { Db } from '../../../server/db/types'

// PGlite takes seconds to start (it boots PostgreSQL in WebAssembly), more on a loaded machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 })

export type DatabaseKind = Db['kind']

export const PG_URL = process.env.QINGDAN_TEST_PG_URL
export const DATABASE_KINDS: DatabaseKind[] = PG_URL ? ['pglite', 'postgres'] : ['pglite']

/** A new empty database of `kind`, not yet migrated, and its URL when it is PostgreSQL. */
export async function emptyDatabase(kind: DatabaseKind): Promise<{ db: Db; url?: string }> {
  if (kind === 'pglite') return { db: await openPglite(undefined) }
  if (!PG_URL) throw new Error('QINGDAN_TEST_PG_URL is not set')
  const name = `qingdan_test_${crypto.randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client(PG_URL)
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  const db = await openPostgres(url.toString())
  const close = db.close.bind(db)
  db.close = async () => {
    await close()
    const drop = new pg.Client(PG_URL)
    await drop.connect()
    try {
      await drop.query(`drop database if exists ${name} with (force)`)
    } finally {
      await drop.end()
    }
  }
  return { db, url: url.toString() }
}

/** A new database of `kind` with every migration applied. */
export async function freshDatabase(kind: DatabaseKind): Promise<Db> {
  const { db } = await emptyDatabase(kind)
  await migrate(db)
  return db
}
