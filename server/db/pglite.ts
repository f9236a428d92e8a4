/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly), persisted in a folder.
 * PGlite is one connection, so transactions are queued: a second `transaction` waits for the
 * first to finish instead of interleaving its statements into it.
 */
import { PGlite } from '@electric-sql/pglite'
import type { Db, Queryable, SqlValue } from './types'

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir)
  await pg.waitReady
  let queue: Promise<unknown> = Promise.resolve()
  const run = <Row extends object>(q: Pick<PGlite, 'query'>, sql: string, params: readonly SqlValue[] = []): Promise<Row[]> =>
    q.query<Row>(sql, params as unknown[]).then((r) => r.rows)
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }
  return {
    kind: 'pglite',
    query: (sql, params) => serial(() => run(pg, sql, params)),
    script: (sql) => serial(() => pg.exec(sql).then(() => undefined)),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      serial(() =>
        pg.transaction((tx) =>
          work({ query: (sql, params) => run(tx, sql, params), script: (sql) => tx.exec(sql).then(() => undefined) }),
        ),
      ),
    close: () => pg.close(),
  }
}
