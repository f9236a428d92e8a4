import Dexie, { type Table } from 'dexie'
import type {
  AnswerHistoryRow,
  AnswerRow,
  AttachmentRow,
  MetaRow,
  OutboxRow,
  PlanRow,
  CycleRow,
  PendingDownloadRow,
  PendingUploadRow,
  RegisterRow,
  ResponseRow,
  SyncErrorRow,
  TombstoneRow,
  SummaryRow,
  SubjectRow,
  TaskRow,
  TemplateRow,
  TemplateVersionRow,
} from './rows'
import { upgradeToV2, upgradeToV7, v1Stores, v2Stores, v3Stores, v4Stores, v5Stores, v6Stores, v7Stores, v8Stores } from './schema'

/** An outbox row before IndexedDB numbers it. */
type OutboxInsert = Omit<OutboxRow, 'seq'> & { seq?: number }

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
  /** Schema v5 (sync, #13): mutations not yet acknowledged by the server; the key is the mutation's `seq`. */
  outbox!: Table<OutboxRow, number, OutboxInsert>
  /** Schema v5: attachments whose bytes wait for upload, by attachment id. */
  uploads!: Table<PendingUploadRow, string>
  /** Schema v5: pulled attachments whose bytes wait for download, by attachment id. */
  downloads!: Table<PendingDownloadRow, string>
  /** Schema v5: mutations the server refused, for the person to see. */
  syncErrors!: Table<SyncErrorRow, number, Omit<SyncErrorRow, 'id'>>
  /** Schema v5: responses deleted on this device (their headers, `deleted: true`). */
  tombstones!: Table<TombstoneRow, string>
  /** Schema v6: the register of subjects (rooms, branches, teachers). */
  register!: Table<RegisterRow, string>
  /** Schema v7: inspection plans as the server sent them (#14). */
  plans!: Table<PlanRow, string>
  /** Schema v8: evaluation cycles as the server sent them (#15). */
  cycles!: Table<CycleRow, string>

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
    this.version(5).stores(v5Stores)
    this.version(6).stores(v6Stores)
    this.version(7).stores(v7Stores).upgrade(upgradeToV7)
    this.version(8).stores(v8Stores)
  }
}

/** A database handle; Dexie opens it on first use. */
export function openDatabase(options: OpenDatabaseOptions = {}): QingdanDatabase {
  const { name = DEFAULT_DB_NAME, ...deps } = options
  return new QingdanDatabase(name, deps)
}
