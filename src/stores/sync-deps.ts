/**
 * The sync store's default wiring to the device's sync engine (src/sync), its HTTP transport and
 * the outbox (src/db, re-exported by the engine). Kept in this one file, loaded on the first sync,
 * so the header's badge does not pull the engine into the first load, and the store's tests never
 * load it.
 */
import type { RefusedMutation, SyncDeps } from './sync'

export function defaultSyncDeps(): SyncDeps {
  const db = async () => (await import('@/db/singleton')).getDb()
  const engine = () => import('@/sync/engine')
  return {
    async run(target, signal) {
      const [{ runSync }, { httpTransport }] = await Promise.all([engine(), import('@/sync/http')])
      return runSync(await db(), httpTransport({ baseUrl: target.baseUrl, csrfToken: target.csrfToken }), { signal })
    },
    // Mutations and photo bytes not yet on the server: what a wipe would lose.
    async pending() {
      return (await engine()).unsyncedCount(await db())
    },
    async refused(): Promise<RefusedMutation[]> {
      const rows = await (await engine()).listSyncErrors(await db())
      return rows.map(({ id, mutation, result }) => ({ key: id, id: mutation.id, seq: mutation.seq, kind: mutation.kind, ...(result.issue && { issue: result.issue }) }))
    },
    async dismiss(key) {
      await (await engine()).dismissSyncError(await db(), key)
    },
    async wipe() {
      await (await engine()).wipeLocalData(await db())
    },
  }
}
