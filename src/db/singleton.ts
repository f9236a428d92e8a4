import { openDatabase, type QingdanDatabase } from './database'

let current: QingdanDatabase | undefined

/** The app's database, opened lazily as 'qingdan'. */
export function getDb(): QingdanDatabase {
  current ??= openDatabase()
  return current
}

/** Replaces the app's database (tests and benches pass one on fake-indexeddb or a fresh name). */
export function setDb(db: QingdanDatabase): void {
  current = db
}
