import Dexie, { type Table } from 'dexie'
import type {
  AnswerHistoryRow,
  AnswerRow,
  AttachmentRow,
  MetaRow,
  ResponseRow,
  SummaryRow,
  SubjectRow,
  TaskRow,
  TemplateRow,
  TemplateVersionRow,
} from './rows'
import { upgradeToV2, v1Stores, v2Stores, v3Stores, v4Stores } from './schema'

export const DEFAULT_DB_NAME = 'qingdan'

export interface OpenDatabaseOptions {
  name?: string
  /** Tests pass fake-indexeddb here; the browser's own is used otherwise. */
  indexedDB?: IDBFactory
  IDBKeyRange?: typeof IDBKeyRange
}

/** The one database of the app. Its version history lives in `schema.ts`. */
export class QingdanDatabase extends Dexie {
  templates!: Table<TemplateRow, string>
  templateVersions!: Table<TemplateVersionRow, [string, number]>
  responses!: Table<ResponseRow, string>
  answers!: Table<AnswerRow, [string, string]>
  attachments!: Table<AttachmentRow, string>
  subjects!: Table<SubjectRow, [string, string]>
  tasks!: Table<TaskRow, string>
  meta!: Table<MetaRow, string>
  /** Schema v3: one compact summary per submitted response (results lists, dashboards). */
  summaries!: Table<SummaryRow, string>
  /** Schema v4: losing answers of bundle merges (#7), per response. */
  answerHistory!: Table<AnswerHistoryRow, [string, string, string]>

  constructor(name: string = DEFAULT_DB_NAME, options: Omit<OpenDatabaseOptions, 'name'> = {}) {
    // Only pass the keys that are set: Dexie treats an explicit `undefined` as "none available".
    const deps: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}
    if (options.indexedDB) deps.indexedDB = options.indexedDB
    if (options.IDBKeyRange) deps.IDBKeyRange = options.IDBKeyRange
    super(name, deps)
    this.version(1).stores(v1Stores)
    this.version(2).stores(v2Stores).upgrade(upgradeToV2)
    this.version(3).stores(v3Stores)
    this.version(4).stores(v4Stores)
  }
}

/** A database handle; Dexie opens it on first use. */
export function openDatabase(options: OpenDatabaseOptions = {}): QingdanDatabase {
  const { name = DEFAULT_DB_NAME, ...deps } = options
  return new QingdanDatabase(name, deps)
}
