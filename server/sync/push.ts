/**
 * Push: a device's outbox, applied in one transaction and acknowledged only after it commits.
 *
 * Idempotence: the device numbers its mutations (`seq`, strictly increasing); the server stores
 * the highest seq it has consumed per device (`device_sync.applied_seq`) in the same transaction
 * as the data, and skips any mutation at or below it (`duplicate`). A batch sent again because its
 * acknowledgement was lost is therefore applied once. Refused mutations are consumed too:
 * sending them again cannot make them valid.
 */
import type { MutationResult, PushResponse } from '@/core/sync'
import type { Db, Queryable } from '../db/types'
import { loadAccess } from '../access/load'
import type { RequestAccount } from '../http/account'
import { applyMutation, type BatchLog } from './apply'
import { applyAnswerRun, type RunEntry } from './apply/answer-run'
import { checkPushEnvelope } from './check/envelope'
import { segment } from './check/fields'
import { checkMutation } from './check/mutation'
import { lockKey, lockRecords, mutationLocks } from './locks'
import { json, TemplateVersions } from './sql'

export async function applyPush(db: Db, account: RequestAccount, request: unknown, now: Date): Promise<PushResponse> {
  const envelope = checkPushEnvelope(request, account)
  const nowMs = now.getTime()
  // Shape and clock checks need no database: done before the transaction, so it stays short.
  const checked = envelope.mutations.map((env, i) => checkMutation(env, `/mutations${segment(i)}`, nowMs))
  const log: BatchLog = { conflicts: 0, losers: 0, responseIds: new Set(), published: [] }

  const { results, appliedSeq } = await db.transaction(async (tx) => {
    // Read before the locks: the grants as this request found them, and the (immutable) template
    // versions the headers name.
    const access = await loadAccess(tx, account)
    const versions = new TemplateVersions(tx)
    await versions.prefetch(checked.flatMap((c) => (c.ok && (c.mutation.kind === 'response' || c.mutation.kind === 'submit') ? [{ templateId: c.mutation.response.templateId, version: c.mutation.response.templateVersion }] : [])))
    // Every record the batch may decide on, and the device (its applied seq: two batches from one
    // device take turns). Everything read from here on is read after the locks (locks.ts).
    await lockRecords(tx, [lockKey.device(account.deviceId), ...checked.flatMap((c) => (c.ok ? mutationLocks(c.mutation) : []))])
    const before = await consumedSeq(tx, account.deviceId)
    const results: MutationResult[] = []
    // Consecutive answers are applied together (answer-run.ts); any other mutation first ends
    // the run, since it may read what the run writes.
    let run: Array<RunEntry & { index: number }> = []
    const endRun = async (): Promise<void> => {
      if (run.length === 0) return
      const applied = await applyAnswerRun(run, { tx, account, access, versions, log })
      for (const [k, entry] of run.entries()) results[entry.index] = { seq: entry.mutation.seq, id: entry.mutation.id, ...applied[k]! }
      run = []
    }
    for (const [i, env] of envelope.mutations.entries()) {
      const head = { seq: env.seq, id: env.id }
      const check = checked[i]!
      const at = `/mutations${segment(i)}`
      if (env.seq <= before) results[i] = { ...head, status: 'duplicate' }
      else if (!check.ok) results[i] = { ...head, status: 'refused', issue: check.issue }
      else if (check.mutation.kind === 'answer') run.push({ mutation: check.mutation, at, index: i })
      else {
        await endRun()
        results[i] = { ...head, ...(await applyMutation(check.mutation, { tx, account, access, at, versions, log })) }
      }
    }
    await endRun()
    const last = envelope.mutations.at(-1)?.seq ?? 0
    const appliedSeq = Math.max(before, last)
    await tx.query('update device_sync set applied_seq = $2, last_push_at = $3 where device_id = $1', [account.deviceId, appliedSeq, now])
    await audit(tx, account, envelope.batchId, log)
    return { results, appliedSeq }
  })
  // Only now, after COMMIT, does the device learn its mutations are safe.
  return { batchId: envelope.batchId, results, appliedSeq, serverTime: nowMs }
}

/** The device's applied seq, its row locked for the rest of the transaction (created if new). */
async function consumedSeq(tx: Queryable, deviceId: string): Promise<number> {
  // The no-op update takes the row lock in the same round trip as creating the row.
  const rows = await tx.query<{ seq: number }>(
    `insert into device_sync (device_id) values ($1)
     on conflict (device_id) do update set device_id = excluded.device_id
     returning applied_seq as seq`,
    [deviceId],
  )
  return Number(rows[0]!.seq)
}

async function audit(tx: Queryable, account: RequestAccount, batchId: string, log: BatchLog): Promise<void> {
  const insert = (action: string, detail: object) =>
    tx.query('insert into audit_log (action, user_id, device_id, detail) values ($1, $2, $3, $4::text::jsonb)', [action, account.userId, account.deviceId, json(detail)])
  for (const v of log.published) await insert('publish', { templateId: v.templateId, version: v.version, batchId })
  if (log.conflicts > 0) await insert('merge', { batchId, conflicts: log.conflicts, losers: log.losers, responseIds: [...log.responseIds] })
}
