/**
 * Push: a device's outbox, applied in one transaction and acknowledged only after it commits.
 *
 * Idempotence: the device numbers its mutations (`seq`, strictly increasing); the server stores
 * the highest seq it has consumed per device (`device_sync.applied_seq`) in the same transaction
 * as the data, and skips any mutation at or below it (`duplicate`). A batch sent again because its
 * acknowledgement was lost is therefore applied once. Refused mutations are consumed too:
 * sending them again cannot make them valid.
 */
import type { Template } from '@/core/format/types'
import type { Mutation, MutationResult, PushResponse } from '@/core/sync'
import type { Scope } from '@/core/access'
import type { Db, Queryable } from '../db/types'
import { accessFrom, ACCESS_JSON, toScope, type Access, type GrantRow } from '../access/load'
import type { RequestAccount } from '../http/account'
import { applyMutation, PushState, type BatchLog } from './apply'
import { checkPushEnvelope } from './check/envelope'
import { segment } from './check/fields'
import { checkMutation } from './check/mutation'
import { lockKey, LOCK_SQL, mutationLocks } from './locks'
import { json, TemplateVersions } from './sql'

/*
 * A push is five round trips inside its transaction, however many mutations it has: BEGIN; the
 * record locks, with what may be read before them (the grants as this request found them, and the
 * immutable template versions the headers name); everything the batch decides on, read after the
 * locks (state.ts: a new statement, so a new snapshot that sees what the previous holder
 * committed); the writes, one statement; COMMIT. On a busy server each round trip queues behind
 * every other push's work, so their number is what sets a push's latency (push-lock.md).
 */
const LOCK_AND_READ = `select ${LOCK_SQL('$1')} as locked, ${ACCESS_JSON('$2')}, ${TemplateVersions.JSON('$3')}`

interface Prelude {
  access: Access
  versions: TemplateVersions
}

/** Takes the batch's record locks, and reads what may be read before them, in one statement. */
async function lockAndRead(tx: Queryable, account: RequestAccount, mutations: readonly Mutation[]): Promise<Prelude> {
  const locks = [...new Set([lockKey.device(account.deviceId), ...mutations.flatMap(mutationLocks)])]
  const refs = mutations.flatMap((m) => (m.kind === 'response' || m.kind === 'submit' ? [{ templateId: m.response.templateId, version: m.response.templateVersion }] : []))
  const [row] = await tx.query<{ scopes: Array<Parameters<typeof toScope>[0]>; grants: GrantRow[]; versions: Array<{ templateId: string; version: number; content: Template }> }>(LOCK_AND_READ, [
    locks,
    account.userId,
    TemplateVersions.refs(refs),
  ])
  const scopes: Scope[] = row!.scopes.map(toScope)
  const versions = new TemplateVersions(tx)
  versions.fill(row!.versions)
  return { access: accessFrom(scopes, row!.grants, account), versions }
}

export async function applyPush(db: Db, account: RequestAccount, request: unknown, now: Date): Promise<PushResponse> {
  const envelope = checkPushEnvelope(request, account)
  const nowMs = now.getTime()
  // Shape and clock checks need no database: done before the transaction, so it stays short.
  const checked = envelope.mutations.map((env, i) => checkMutation(env, `/mutations${segment(i)}`, nowMs))
  const valid = checked.flatMap((c) => (c.ok ? [c.mutation] : []))
  const log: BatchLog = { conflicts: 0, losers: 0, responseIds: new Set(), published: [] }

  const { results, appliedSeq } = await db.transaction(async (tx) => {
    // Every record the batch may decide on, and the device (its applied seq: two batches from one
    // device take turns). Everything read from here on is read after the locks (locks.ts).
    const { access, versions } = await lockAndRead(tx, account, valid)
    const state = new PushState(tx, account.deviceId)
    const before = await state.read(valid)
    const results: MutationResult[] = []
    for (const [i, env] of envelope.mutations.entries()) {
      const head = { seq: env.seq, id: env.id }
      const check = checked[i]!
      if (env.seq <= before) results[i] = { ...head, status: 'duplicate' }
      else if (!check.ok) results[i] = { ...head, status: 'refused', issue: check.issue }
      else results[i] = { ...head, ...(await applyMutation(check.mutation, { tx, account, access, at: `/mutations${segment(i)}`, versions, state, log })) }
    }
    const last = envelope.mutations.at(-1)?.seq ?? 0
    const appliedSeq = Math.max(before, last)
    log.losers += await state.flush({ seq: appliedSeq, at: now })
    await audit(tx, account, envelope.batchId, log)
    return { results, appliedSeq }
  })
  // Only now, after COMMIT, does the device learn its mutations are safe.
  return { batchId: envelope.batchId, results, appliedSeq, serverTime: nowMs }
}

async function audit(tx: Queryable, account: RequestAccount, batchId: string, log: BatchLog): Promise<void> {
  const insert = (action: string, detail: object) =>
    tx.query('insert into audit_log (action, user_id, device_id, detail) values ($1, $2, $3, $4::text::jsonb)', [action, account.userId, account.deviceId, json(detail)])
  for (const v of log.published) await insert('publish', { templateId: v.templateId, version: v.version, batchId })
  if (log.conflicts > 0) await insert('merge', { batchId, conflicts: log.conflicts, losers: log.losers, responseIds: [...log.responseIds] })
}
