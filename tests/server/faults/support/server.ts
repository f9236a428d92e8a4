/**
 * The real server process on a database of one kind, for the fault tests, and a way to read that
 * database directly. PostgreSQL is read while the server runs; PGlite is one process's database,
 * so reading it means stopping the server first (see `inspect`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openPglite } from '../../../../server/db/pglite'
import { openPostgres } from '../../../../server/db/postgres'
import type { Db, SqlValue } from '../../../../server/db/types'
import { emptyDatabase, type DatabaseKind } from '../../support/databases'
import { startServerProcess, type ServerProcess } from '../../support/process'

export const ADMIN = { username: 'admin', password: 'fault tests only' }

export interface FaultServer {
  kind: DatabaseKind
  proc: ServerProcess
  /** PostgreSQL only: a connection to the server's database, for reading beside the running server. */
  direct: Db | undefined
  /**
   * Runs `read` on the server's database. PGlite: the server is stopped (SIGTERM) first and stays
   * stopped; PostgreSQL: read beside the running server.
   */
  inspect<T>(read: (db: Db) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * Starts `server/main.ts` on a new database: PGlite in a temporary folder, or a new database in
 * the test cluster (`QINGDAN_TEST_PG_URL`), or on `databaseUrl` when given (a cluster of the test's own).
 */
export async function faultServer(kind: DatabaseKind, databaseUrl?: string): Promise<FaultServer> {
  let dataDir: string | undefined
  let pgDb: Db | undefined
  let url = databaseUrl
  if (kind === 'pglite') dataDir = mkdtempSync(join(tmpdir(), 'qingdan-faults-'))
  else if (!url) {
    const empty = await emptyDatabase('postgres')
    pgDb = empty.db
    url = empty.url
  }
  const proc = await startServerProcess({
    ...(url ? { databaseUrl: url } : { dataDir }),
    adminPassword: ADMIN.password,
  })
  const reader = url ? (pgDb ?? (await openPostgres(url, 2))) : undefined
  return {
    kind,
    proc,
    direct: reader,
    async inspect(read) {
      if (kind === 'pglite') {
        await proc.stop('SIGTERM')
        const db = await openPglite(dataDir)
        try {
          return await read(db)
        } finally {
          await db.close()
        }
      }
      return read(reader!)
    },
    async close() {
      await proc.stop('SIGKILL')
      if (reader && reader !== pgDb) await reader.close()
      // Drops the test database (emptyDatabase's close).
      await pgDb?.close()
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** What the fault tests count on the server: rows of the synced tables and the device's position. */
export interface Counts {
  responses: number
  answers: number
  history: number
  /** answer_history rows that repeat a (response, item, answer) another row already holds. */
  historyRepeats: number
  blobs: number
  appliedSeq: number | undefined
}

/** The rows one device's responses left on the server (and the blob `sha256` when given). */
export async function counts(db: Db, device: { deviceId: string; responseIds: string[]; sha256?: string }): Promise<Counts> {
  const ids = device.responseIds
  const one = async (sql: string, params: SqlValue[]): Promise<number> => Number((await db.query<{ n: number }>(sql, params))[0]!.n)
  const seq = await db.query<{ s: number }>('select applied_seq as s from device_sync where device_id = $1', [device.deviceId])
  return {
    responses: await one('select count(*)::int as n from responses where id = any($1::text[])', [ids]),
    answers: await one('select count(*)::int as n from answers where response_id = any($1::text[])', [ids]),
    history: await one('select count(*)::int as n from answer_history where response_id = any($1::text[])', [ids]),
    historyRepeats: await one(
      `select count(*)::int as n from (select 1 from answer_history where response_id = any($1::text[])
        group by response_id, item_id, answer having count(*) > 1) d`,
      [ids],
    ),
    blobs: await one('select count(*)::int as n from blobs where sha256 = $1', [device.sha256 ?? '']),
    appliedSeq: seq[0] === undefined ? undefined : Number(seq[0].s),
  }
}
