/** The default BlobStore: `bytea` rows in the `blobs` table, deduplicated by their hash. */
import type { Queryable } from '../db/types'
import type { BlobStore } from './store'

export function postgresBlobStore(db: Queryable): BlobStore {
  return {
    async has(sha256) {
      return (await db.query('select 1 from blobs where sha256 = $1', [sha256])).length > 0
    },
    async put(sha256, bytes) {
      // Two devices uploading the same photo at once: one insert wins, the other is a no-op.
      const rows = await db.query('insert into blobs (sha256, bytes, size) values ($1, $2, $3) on conflict (sha256) do nothing returning sha256', [
        sha256,
        bytes,
        bytes.byteLength,
      ])
      return rows.length > 0 ? 'stored' : 'exists'
    },
    async get(sha256) {
      const rows = await db.query<{ bytes: Uint8Array }>('select bytes from blobs where sha256 = $1', [sha256])
      const bytes = rows[0]?.bytes
      // node-postgres gives a Buffer, PGlite a Uint8Array: hand out the plain type either way.
      return bytes === undefined ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    },
  }
}
