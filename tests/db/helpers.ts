/** Tiny builders for db tests: a fresh fake-indexeddb database per test, small templates. */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import type { DBCore, Middleware } from 'dexie'
import type { Item, ScoreResult, Template } from '@/core/format/types'
import { openDatabase, type QingdanDatabase } from '@/db'
import { emptyResult } from '@/core/scoring/assemble'

export const fake = { indexedDB, IDBKeyRange }

/** A database with a name no other test uses. */
export function freshDb(name = `test-${crypto.randomUUID()}`): QingdanDatabase {
  return openDatabase({ name, ...fake })
}

export function single(id: string): Item {
  return {
    id,
    type: 'single',
    title: `Item ${id}`,
    options: [
      { id: 'ok', label: '符合', points: 2 },
      { id: 'bad', label: '不符合', points: 0, flag: true },
    ],
  }
}

export function template(id: string, version: number, itemIds: string[] = ['q1', 'q2']): Template {
  return {
    id,
    version,
    title: `${id} v${version}`,
    subject: { fields: [{ id: 'building', label: '楼栋' }, { id: 'room', label: '房间' }] },
    sections: [{ id: 's1', title: 'Section', items: itemIds.map(single) }],
  }
}

export function scoreOf(t: Template, total = 4, band: string | null = '良好'): ScoreResult {
  return {
    ...emptyResult(t),
    total,
    max: 4,
    percent: (total / 4) * 100,
    band: band === null ? null : { label: band, index: 0 },
    base: total,
  }
}

/**
 * Switchable write failures, the way a full disk fails (a DOMException such as
 * QuotaExceededError), through Dexie's DBCore middleware. Dexie builds its middleware stack when
 * the database opens, so call this before the first use of `db`.
 */
export function writeFaults(db: QingdanDatabase): { fail(table: string, name?: string): void; heal(): void } {
  let failing: { table: string; name: string } | undefined
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'writeFaults',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const t = down.table(tableName)
        return {
          ...t,
          mutate: (req) =>
            failing?.table === tableName
              ? Promise.reject(new DOMException('Simulated storage failure.', failing.name))
              : t.mutate(req),
        }
      },
    }),
  }
  if (db.isOpen()) throw new Error('writeFaults must be installed before the database opens')
  db.use(middleware)
  return {
    fail: (table, name = 'QuotaExceededError') => void (failing = { table, name }),
    heal: () => void (failing = undefined),
  }
}
