/**
 * A device's connection to the real server code, in process: `applyPush` and `pullChanges` on a
 * real database, with requests and answers passed through JSON as over HTTP. One connection can be
 * cut once, at a chosen request: before the request reaches the server (offline, a dead network),
 * or after the server has done its work but before its answer arrives (the acknowledgement of a
 * committed push lost, a pull page lost mid-way). Every mutation the server committed is logged,
 * whether or not its acknowledgement arrived: those are the ones that must never be lost.
 */
import { SYNC_LIMITS, type Mutation, type PullResponse, type PushRequest, type PushResponse } from '@/core/sync'
import { TransportError, type SyncTransport } from '@/sync/transport'
import type { Db } from '../../../server/db/types'
import type { RequestAccount } from '../../../server/http/account'
import { applyPush } from '../../../server/sync/push'
import { pullChanges } from '../../../server/sync/pull'

export interface Cut {
  /** The request (0: the first of the run, push or pull) at which the connection fails. */
  at: number
  /** Before the server sees the request, or after it answered (the answer never arrives). */
  when: 'before' | 'after'
}

/** Mutations the server committed (applied, same or superseded: not duplicate, not refused). */
export type CommitLog = Array<{ deviceId: string; mutation: Mutation }>

/** The injected failure, told apart from any error the sync code itself raises. */
export class CutError extends TransportError {}

const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export interface WireOptions {
  cut?: Cut
  /** Runs before request `n` leaves: the person keeps working while the tablet syncs. */
  meanwhile?: (n: number) => Promise<void>
}

export function wire(db: Db, account: RequestAccount, log: CommitLog, { cut, meanwhile }: WireOptions = {}): SyncTransport {
  let requests = 0
  const send = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const n = requests++
    await meanwhile?.(n)
    if (cut?.at === n && cut.when === 'before') throw new CutError('offline', `${what} #${n}: no connection`)
    const answer = overTheWire(await work())
    if (cut?.at === n && cut.when === 'after') throw new CutError('network', `${what} #${n}: connection reset before the answer arrived`)
    return answer
  }
  return {
    push: (request: PushRequest) =>
      send('push', async (): Promise<PushResponse> => {
        // The server's clock is the test's clock: devices' clocks are skewed around it.
        const response = await applyPush(db, account, overTheWire(request), new Date())
        const bySeq = new Map(request.mutations.map((m) => [m.seq, m]))
        for (const r of response.results) {
          if (r.status === 'duplicate' || r.status === 'refused') continue
          log.push({ deviceId: account.deviceId, mutation: overTheWire(bySeq.get(r.seq)!) })
        }
        return response
      }),
    pull: (after: number, limit?: number) => send('pull', (): Promise<PullResponse> => pullChanges(db, account, after, limit ?? SYNC_LIMITS.pullPage)),
    // No attachments in these runs: a call here is a bug in the test.
    hasBlob: () => Promise.reject(new Error('no attachments in this test')),
    putBlob: () => Promise.reject(new Error('no attachments in this test')),
    getBlob: () => Promise.reject(new Error('no attachments in this test')),
  }
}
