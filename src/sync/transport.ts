/**
 * How the device's sync engine reaches a server. The app uses the HTTP transport (`http.ts`);
 * tests plug in the server's own service, in process, or a fake that drops the connection.
 * Every method rejects with `TransportError` when the request did not complete (offline, server
 * down, cut connection): the engine keeps everything and tries again later.
 */
import type { Issue } from '@/core/result'
import type { PullResponse, PushRequest, PushResponse } from '@/core/sync'

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>
  pull(after: number, limit?: number): Promise<PullResponse>
  /** True when the server already holds the bytes with this SHA-256. */
  hasBlob(sha256: string): Promise<boolean>
  /** Uploads bytes; the server verifies the hash before it keeps them. */
  putBlob(sha256: string, bytes: Blob): Promise<void>
  getBlob(sha256: string): Promise<Blob>
}

/**
 * A request that did not complete (`offline`, `network`), or that the server refused
 * (`unauthorized`: sign in again; `forbidden`; `refused`: the request itself is invalid, see `issue`;
 * `server`: a 5xx).
 */
export type TransportFailure = 'offline' | 'network' | 'unauthorized' | 'forbidden' | 'refused' | 'server'

export class TransportError extends Error {
  override readonly name = 'TransportError'
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly issue?: Issue,
    readonly status?: number,
    /** Every issue of a refusal that had several (a scope tree breaks in more than one place); `issue` is the first. */
    readonly issues?: readonly Issue[],
  ) {
    super(message)
  }

  /** Worth retrying later without anyone doing anything. */
  get transient(): boolean {
    return this.failure === 'offline' || this.failure === 'network' || this.failure === 'server'
  }
}
