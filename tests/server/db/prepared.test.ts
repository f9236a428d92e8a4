/**
 * On PostgreSQL, a parameterised statement is prepared once per connection and its plan reused
 * (server/db/postgres.ts): planning a push's CTEs was a third of PostgreSQL's time per push.
 * Statements without parameters (BEGIN, COMMIT, scripts) stay unnamed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/db/types'
import { emptyDatabase, PG_URL } from '../support/databases'

interface PreparedRow {
  statement: string
  generic_plans: number
  custom_plans: number
}

describe.skipIf(!PG_URL)('prepared statements on postgres', () => {
  let db: Db
  beforeAll(async () => {
    db = (await emptyDatabase('postgres')).db
  })
  afterAll(async () => {
    await db.close()
  })

  it('prepares a parameterised text once on a connection, reuses it with new values, and leaves unparameterised ones unnamed', async () => {
    const text = 'select $1::int + 1 as n'
    const prepared = await db.transaction(async (tx) => {
      const sums: number[] = []
      for (let i = 0; i < 8; i++) sums.push(Number((await tx.query<{ n: number }>(text, [i]))[0]!.n))
      expect(sums).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
      await tx.query('select 41 + 1 as n')
      return tx.query<PreparedRow>('select statement, generic_plans, custom_plans from pg_prepared_statements where not from_sql')
    })
    const ours = prepared.filter((p) => p.statement === text)
    expect(ours).toHaveLength(1)
    // Eight executions of one prepared statement: PostgreSQL plans the first five for their values,
    // then settles on the generic plan.
    expect(Number(ours[0]!.generic_plans) + Number(ours[0]!.custom_plans)).toBe(8)
    expect(Number(ours[0]!.generic_plans)).toBeGreaterThan(0)
    expect(prepared.some((p) => p.statement.includes('41 + 1'))).toBe(false)
  })
})
