/**
 * The sync store's default wiring to the device's sync engine (src/sync), its HTTP transport and
 * the outbox repository (src/db). Kept in this one file, loaded on the first sync, so the header's
 * badge does not pull the engine into the first load, and so the store's tests never load it.
 */
import type { RefusedMutation, SyncDeps } from './sync'

export function defaultSyncDeps(): SyncDeps {
  const db = async () => (await import('@/db/singleton')).getDb()
  return {
    async run(target, signal) {
      const [{ runSync }, { HttpTransport }] = await Promise.all([import('@/sync/engine'), import('@/sync/http')])
      const transport = new HttpTransport({ baseUrl: target.baseUrl, csrfToken: target.csrfToken })
      return runSync(await db(), transport, { signal })
    },
    async pending() {
      const { pendingCount } = await import('@/db/repositories/sync')
      return pendingCount(await db())
    },
    async refused(): Promise<RefusedMutation[]> {
      const { listRefused } = await import('@/db/repositories/sync')
      return (await listRefused(await db())).map((r) => ({ id: r.id, seq: r.seq, ...(r.kind && { kind: r.kind }), ...(r.issue && { issue: r.issue }) }))
    },
    async wipe() {
      const { wipeLocalData } = await import('@/sync/engine')
      await wipeLocalData(await db())
    },
  }
}
