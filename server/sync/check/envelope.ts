/**
 * The push request's envelope: who sends, which batch, and each mutation's `seq`, `id` and `kind`.
 * Without these nothing can be acknowledged, so a bad envelope refuses the whole request (400)
 * and nothing is stored. A mutation whose envelope is sound but whose record is not is refused on
 * its own (see mutation.ts), and counts as consumed.
 */
import { ApiHttpError } from '../../http/errors'
import type { RequestAccount } from '../../http/account'
import { MUTATION_KINDS, SYNC_LIMITS, type MutationKind } from '@/core/sync'
import { id, isObj, positive, segment, type Obj } from './fields'
import { syncMessage, type SyncIssueCode } from '../issues'

export interface Envelope {
  seq: number
  id: string
  kind: MutationKind
  /** The mutation as sent, checked by `checkMutation`. */
  raw: Obj
}

export interface PushEnvelope {
  deviceId: string
  batchId: string
  mutations: Envelope[]
}

function refuse(status: number, code: SyncIssueCode, pointer: string, params: Record<string, string | number> = {}): never {
  throw new ApiHttpError(status, code, syncMessage(code, params), { pointer, params })
}

export function checkPushEnvelope(body: unknown, account: RequestAccount): PushEnvelope {
  if (!isObj(body)) refuse(400, 'badRequest', '', { detail: 'not a JSON object' })
  if (!id(body.deviceId)) refuse(400, 'badField', '/deviceId', { field: 'deviceId' })
  if (!id(body.batchId)) refuse(400, 'badField', '/batchId', { field: 'batchId' })
  if (!Array.isArray(body.mutations)) refuse(400, 'badField', '/mutations', { field: 'mutations' })
  // A session belongs to one device: a device may not push in another's name (its seq, its answers).
  if (body.deviceId !== account.deviceId) refuse(403, 'wrongDevice', '/deviceId', { deviceId: String(body.deviceId) })
  const list: unknown[] = body.mutations
  if (list.length > SYNC_LIMITS.maxBatch) refuse(413, 'batchTooLarge', '/mutations', { limit: SYNC_LIMITS.maxBatch, count: list.length })
  const mutations: Envelope[] = []
  list.forEach((m, i) => {
    const at = `/mutations${segment(i)}`
    if (!isObj(m)) refuse(400, 'badField', at, { field: `mutations/${i}` })
    for (const [field, ok] of [
      ['seq', positive(m.seq)],
      ['id', id(m.id)],
      ['kind', (MUTATION_KINDS as readonly unknown[]).includes(m.kind)],
    ] as const) {
      if (!ok) refuse(400, 'badField', `${at}/${field}`, { field })
    }
    const prev = mutations[i - 1]
    if (prev && (m.seq as number) <= prev.seq) refuse(400, 'seqOrder', `${at}/seq`, { index: i, seq: m.seq as number })
    mutations.push({ seq: m.seq as number, id: m.id as string, kind: m.kind as MutationKind, raw: m })
  })
  return { deviceId: body.deviceId as string, batchId: body.batchId as string, mutations }
}
