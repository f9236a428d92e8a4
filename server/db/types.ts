/**
 * The one way server code reaches the database, whichever it is: PGlite (embedded, the default)
 * or PostgreSQL (`DATABASE_URL`). One SQL dialect, parameterised queries only (`$1`, `$2` …):
 * no caller ever builds SQL text from values.
 */
export type SqlValue = string | number | boolean | null | Date | Uint8Array | readonly SqlValue[] | { [key: string]: unknown }

export interface Queryable {
  /** Runs one statement; rows come back as plain objects keyed by column name. */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>
  /** Runs a script of several statements without parameters (migrations only). */
  script(sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /**
   * Runs `work` in one transaction (BEGIN … COMMIT; ROLLBACK when it throws). Everything that must
   * hold together (a push batch, a login and its audit entry) goes through here.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}
