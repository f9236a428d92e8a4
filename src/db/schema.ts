/**
 * The database's version history.
 *
 * A shipped version is NEVER edited, only followed by `version(n + 1)` with an `.upgrade(...)`:
 * browsers in the field hold databases written by every earlier version, and Dexie can only
 * upgrade them correctly if each step stays exactly as it shipped. `tests/db/migration.test.ts`
 * pins version 1 against a frozen copy and upgrades a database written by it.
 */
import type { Transaction } from 'dexie'
import type { MetaRow, ResponseRow, SummaryRow } from './rows'
import { withSubjectIndex } from './subject-index'
import { DEVICE_ID_KEY } from './keys'

export type StoreSpec = Readonly<Record<string, string>>

/** Version 1 (shipped with the first fill release). Do not edit. */
export const v1Stores = {
  templates: 'id, status, updatedAt',
  templateVersions: '[templateId+version], templateId',
  responses: 'id, templateId, status, updatedAt, [templateId+templateVersion], submittedAt',
  answers: '[responseId+itemId], responseId',
  attachments: 'id, responseId',
  subjects: '[fieldId+value], fieldId, lastUsedAt',
  tasks: 'id, responseId, status, deadline',
  meta: 'key',
} as const satisfies StoreSpec

/**
 * Version 2: what results (#6) and bundles (#7) query by. Responses gain the device that created
 * them and subject indexes (building / floor / room filters, self-vs-review pairing), plus
 * `[templateId+status]` and `band`; tasks gain `templateId` and `assignee` (lists by person).
 * Only changed tables are listed: Dexie carries the others over unchanged.
 */
export const v2Stores = {
  responses:
    'id, templateId, status, updatedAt, [templateId+templateVersion], submittedAt, [templateId+status], deviceId, subjectKey, *subjectTerms, band',
  tasks: 'id, responseId, status, deadline, templateId, assignee',
} as const satisfies StoreSpec

/**
 * Version 3 (results, #6): a compact summary per submitted response (total, band, subject,
 * findings, section scores), so that lists and dashboards over 10,000 responses read a few
 * hundred bytes per response instead of every full ScoreResult. Built on submit and backfilled
 * lazily by `ensureSummaries` (results-query.ts), so the upgrade itself has nothing to move.
 */
export const v3Stores = {
  summaries: 'id, templateId, [templateId+templateVersion], submittedAt, band, inspector, *subjectTerms',
} as const satisfies StoreSpec

/**
 * Version 4 (bundles, #7): `answerHistory` keeps the losing side of every merge conflict (an
 * answer edited on two tablets), keyed by response, item and the answer's fingerprint so that
 * importing the same bundle twice stores it once. A new table only: nothing to move.
 */
export const v4Stores = {
  answerHistory: '[responseId+itemId+hash], responseId',
} as const satisfies StoreSpec

/**
 * Version 5 (server sync, #13):
 * - `outbox`: every local write's mutation, numbered by the auto-increment key, which IS the
 *   mutation's `seq` (IndexedDB's key generator never hands out a number twice, even after the
 *   rows are deleted, which is what the server's "skip seq ≤ applied" needs);
 * - `uploads`: attachment ids whose bytes the server may not hold yet;
 * - `downloads`: pulled attachment metadata whose bytes this device does not hold yet (the
 *   attachment row, which always holds its Blob, is written when the bytes arrive);
 * - `syncErrors`: mutations the server refused, listed for the person (never silently dropped);
 * - `tombstones`: the header of each response deleted here, so a pulled change cannot bring it back;
 * - attachments are indexed by `sha256` (bytes already on the device are not downloaded again).
 * Rows written before v5 carry no `hlc`: they read through `clockOf` (their `updatedAt`), and an
 * attachment's `sha256` is computed when it is first uploaded. Nothing to move.
 */
export const v5Stores = {
  attachments: 'id, responseId, sha256',
  outbox: '++seq',
  uploads: 'id',
  downloads: 'id, sha256, responseId',
  syncErrors: '++id',
  tombstones: 'id',
} as const satisfies StoreSpec

/**
 * Version 6 (register, #14): `register`, the places and people that get checked (rooms, branches,
 * teachers), by id, indexed by kind. A new table: nothing to move.
 */
export const v6Stores = {
  register: 'id, kind',
} as const satisfies StoreSpec

/**
 * Version 7 (plans, #14):
 * - `plans`: inspection plans pulled from the server (`SyncPlan`), by id, indexed by template;
 * - summaries gain `subjectId` (the register subject a response was started on) and the index
 *   `[templateId+submittedAt]`: coverage reads a template's summaries since a day (a few hundred
 *   bytes each) instead of whole responses with their scores. The upgrade copies `subjectId` onto
 *   the summaries of responses that carry one (headers pulled under v6 could).
 */
export const v7Stores = {
  summaries: 'id, templateId, [templateId+templateVersion], submittedAt, band, inspector, *subjectTerms, [templateId+submittedAt]',
  plans: 'id, templateId',
} as const satisfies StoreSpec

/** v6 → v7: summaries of responses that name a register subject get its id. */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const named = await tx
    .table<ResponseRow, string>('responses')
    .filter((r) => r.subjectId !== undefined)
    .toArray()
  const summaries = tx.table<SummaryRow, string>('summaries')
  for (const r of named) await summaries.update(r.id, { subjectId: r.subjectId })
}

/**
 * Version 8 (evaluation cycles, #15):
 * - `cycles`: the cycles pulled from the server (`SyncCycle`), by id;
 * - responses gain the index `cycleId` (a cycle's self-assessments and reviews, drafts too).
 * IndexedDB builds the new index over the rows already there, and rows before v8 name no cycle:
 * nothing to move.
 */
export const v8Stores = {
  responses: `${v2Stores.responses}, cycleId`,
  cycles: 'id',
} as const satisfies StoreSpec

/** The version a fresh install opens at. */
export const CURRENT_VERSION = 8

/**
 * v1 → v2: responses written before v2 were all created on this device, so they get this
 * device's id (created here if the app never asked for it), and their subject indexes.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const meta = tx.table<MetaRow, string>('meta')
  const stored = (await meta.get(DEVICE_ID_KEY))?.value
  const id = typeof stored === 'string' ? stored : crypto.randomUUID()
  if (id !== stored) await meta.put({ key: DEVICE_ID_KEY, value: id })
  await tx
    .table<ResponseRow, string>('responses')
    .toCollection()
    .modify((row) => {
      Object.assign(row, withSubjectIndex(row))
      row.deviceId ??= id
    })
}
