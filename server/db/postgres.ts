/** A real PostgreSQL (15+) through node-postgres' pool: `DATABASE_URL=postgres://…`. */
import { createHash } from 'node:crypto'
import pg from 'pg'
import type { Db, Queryable, SqlValue } from './types'

// bigint (int8) columns come back as JS numbers: every sequence here stays far below 2^53.
pg.types.setTypeParser(20, (text) => Number(text))

/*
 * Parameterised statements run as named prepared statements: each connection parses and plans a
 * text once, then (after PostgreSQL's five custom plans) reuses a generic plan. A push's
 * statements are large CTEs; planning them was about a third of PostgreSQL's time per push
 * (docs/design/push-lock.md). The server's texts are constants or a few fixed combinations, but
 * node-postgres keeps every name on every connection for good, so the number of names is capped:
 * a text past the cap runs unnamed, as before.
 */
const MAX_PREPARED = 500
const statementNames = new Map<string, string>()

/** The statement's name, the same in every process (a hash of its text), or none past the cap. */
function statementName(sql: string): string | undefined {
  const known = statementNames.get(sql)
  if (known !== undefined || statementNames.size >= MAX_PREPARED) return known
  const name = `q${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`
  statementNames.set(sql, name)
  return name
}

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max })
  // A pool error (the server restarted under an idle client) must not crash the process: the
  // next query opens a fresh connection.
  pool.on('error', () => undefined)
  const run = async <Row extends object>(q: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlValue[] = []): Promise<Row[]> =>
    (await q.query({ text: sql, values: params as unknown[], ...(params.length > 0 && { name: statementName(sql) }) })).rows as Row[]
  await run(pool, 'select 1')
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    script: async (sql) => void (await pool.query(sql)),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      // The pool listens for errors on idle clients only. A checked-out client whose connection
      // drops (PostgreSQL restarted mid-transaction) emits 'error' besides failing its query, and
      // with no listener that kills the process: note it, and hand the client back as broken.
      let broken: Error | undefined
      const onError = (error: Error): void => {
        broken = error
      }
      client.on('error', onError)
      try {
        await client.query('BEGIN')
        const result = await work({ query: (sql, params) => run(client, sql, params), script: async (sql) => void (await client.query(sql)) })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.removeListener('error', onError)
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}
