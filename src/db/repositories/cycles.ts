/**
 * Evaluation cycles on this device (#15): the cycles the server sent (`SyncCycle`, stored as they
 * came) and the self-assessments and reviews that name one. Cycles are created, edited and
 * released only on the server (it checks `register.edit` on the cycle's scope); a tablet stores
 * what it pulled, and the server's reply to its own writes at once.
 */
import type { Response } from '@/core/format/types'
import type { SyncCycle } from '@/core/sync/protocol'
import type { QingdanDatabase } from '../database'
import type { AnswerRow, ResponseRow } from '../rows'
import { storageWrite } from '../storage-error'
import { newerPlan } from './plans'
import { toResponse } from './responses'

/** Stores a pulled cycle unless one as new is held (newer `updatedAt` wins, as plans). Inside a transaction over `cycles`. */
export async function putPulledCycle(db: QingdanDatabase, cycle: SyncCycle): Promise<boolean> {
  if (!newerPlan(await db.cycles.get(cycle.id), cycle)) return false
  await db.cycles.put(cycle)
  return true
}

/** Every stored cycle, newest change first. */
export async function listCycles(db: QingdanDatabase): Promise<SyncCycle[]> {
  const rows = await db.cycles.toArray()
  return rows.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? -1 : 1))
}

export async function getCycle(db: QingdanDatabase, id: string): Promise<SyncCycle | undefined> {
  return db.cycles.get(id)
}

/** A cycle the server just returned (after a POST, PUT or release), stored at once so lists show it offline. */
export async function saveCycle(db: QingdanDatabase, cycle: SyncCycle): Promise<boolean> {
  return storageWrite(() => db.transaction('rw', db.cycles, () => putPulledCycle(db, cycle)))
}

export interface CycleResponse {
  row: ResponseRow
  /** The format's Response, answers included: what the core's cycle functions read. */
  response: Response
}

/**
 * The self-assessments and reviews of a cycle on this device, drafts too (progress counts them),
 * in start order. Deleted responses are gone from `responses` (their tombstones live apart), and
 * an inspection that names the cycle is no part of it.
 */
export async function cycleResponses(db: QingdanDatabase, cycleId: string): Promise<CycleResponse[]> {
  return db.transaction('r', db.responses, db.answers, async () => {
    const rows = (await db.responses.where('cycleId').equals(cycleId).toArray()).filter((r) => r.role === 'self' || r.role === 'review')
    rows.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : 1))
    const answers = await db.answers.where('responseId').anyOf(rows.map((r) => r.id)).toArray()
    const byResponse = new Map<string, AnswerRow[]>()
    for (const a of answers) byResponse.set(a.responseId, [...(byResponse.get(a.responseId) ?? []), a])
    return rows.map((row) => ({ row, response: toResponse(row, byResponse.get(row.id) ?? []) }))
  })
}
