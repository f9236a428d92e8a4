// STUB (h-cycle-results): agreed signatures of h-cycle-sync; reverted before merge.
import type { QingdanDatabase } from '../database'
import type { ResponseRow } from '../rows'
import type { Response } from '@/core/format/types'
import type { SyncCycle } from '@/core/sync/protocol'

export async function listCycles(_db: QingdanDatabase): Promise<SyncCycle[]> {
  throw new Error('stub')
}
export async function getCycle(_db: QingdanDatabase, _id: string): Promise<SyncCycle | undefined> {
  throw new Error('stub')
}
export async function saveCycle(_db: QingdanDatabase, _cycle: SyncCycle): Promise<boolean> {
  throw new Error('stub')
}
export interface CycleResponse { row: ResponseRow; response: Response }
export async function cycleResponses(_db: QingdanDatabase, _cycleId: string): Promise<CycleResponse[]> {
  throw new Error('stub')
}
