import type { QingdanDatabase } from '../database'
import { storageWrite } from '../storage-error'
import { DEVICE_ID_KEY } from '../keys'

export async function getMeta<T>(db: QingdanDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined
}

export async function setMeta(db: QingdanDatabase, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value })
}

/**
 * This device's id, created once. Bundles (#7) carry it so rounds from several tablets merge.
 * The read and the write share one transaction, so two first calls cannot create two ids.
 */
export async function getDeviceId(db: QingdanDatabase): Promise<string> {
  return storageWrite(() =>
    db.transaction('rw', db.meta, async () => {
      const existing = await db.meta.get(DEVICE_ID_KEY)
      if (typeof existing?.value === 'string') return existing.value
      const id = crypto.randomUUID()
      await db.meta.put({ key: DEVICE_ID_KEY, value: id })
      return id
    }),
  )
}
