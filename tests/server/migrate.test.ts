import { afterEach, describe, expect, it } from 'vitest'
import { migrate, readMigrations, schemaVersion } from '../../server/db/migrate'
import type { Db } from '../../server/db/types'
import { DATABASE_KINDS, emptyDatabase } from './support/databases'

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let db: Db | undefined
  afterEach(async () => {
    await db?.close()
    db = undefined
  })

  it('applies every migration once, in order, and records the version', async () => {
    db = (await emptyDatabase(kind)).db
    const all = readMigrations()
    expect(all.length).toBeGreaterThan(0)
    expect(await migrate(db)).toBe(all.length)
    expect(await schemaVersion(db)).toBe(all.length)
    // A second start applies nothing and fails on nothing.
    expect(await migrate(db)).toBe(all.length)
    const rows = await db.query<{ version: number }>('select version from schema_migrations order by version')
    expect(rows.map((r) => r.version)).toEqual(all.map((m) => m.version))
  })

  it('rolls a failing migration back whole, leaving the version where it was', async () => {
    db = (await emptyDatabase(kind)).db
    const good = { version: 1, name: '001_a.sql', sql: 'create table a (x int);' }
    const bad = { version: 2, name: '002_b.sql', sql: 'create table b (x int); select * from missing_table;' }
    await expect(migrate(db, [good, bad])).rejects.toThrow(/missing_table/)
    expect(await db.query("select to_regclass('public.a') as a, to_regclass('public.b') as b")).toEqual([{ a: null, b: null }])
    expect(await migrate(db, [good])).toBe(1)
  })

  it('runs scripts of several statements and parameterised queries in a transaction', async () => {
    db = (await emptyDatabase(kind)).db
    await migrate(db, [{ version: 1, name: '001_t.sql', sql: 'create table t (x int); insert into t values (1);' }])
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into t values ($1)', [2])
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect(await db.query<{ x: number }>('select x from t order by x')).toEqual([{ x: 1 }])
  })
})

describe('readMigrations', () => {
  it('numbers the shipped migrations 001, 002, … without gaps', () => {
    readMigrations().forEach((m, i) => expect(m.version).toBe(i + 1))
  })
})
