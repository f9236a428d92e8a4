/**
 * Where attachment bytes live, addressed by their SHA-256 (lower-case hex). PostgreSQL holds them
 * by default (`blobs` table, as ODK Central does), so a backup of the database is a backup of
 * everything; an S3-compatible object store can implement this same interface later (key = the
 * hash, `put` as a conditional PUT) without the routes or the sync engine changing.
 *
 * Callers verify the hash before `put` (see verify.ts): a store trusts the address it is given.
 */
export interface BlobStore {
  has(sha256: string): Promise<boolean>
  /** `exists` when the bytes were already stored: content addressing makes that a no-op. */
  put(sha256: string, bytes: Uint8Array): Promise<'stored' | 'exists'>
  get(sha256: string): Promise<Uint8Array | undefined>
}

export const SHA256_HEX = /^[0-9a-f]{64}$/
