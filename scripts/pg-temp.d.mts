export interface TempPostgres {
  url: string
  port: number
  dir: string
  /** Stops PostgreSQL ('fast', or 'immediate' as after a crash) and starts it again on the same port. */
  restart(mode?: 'fast' | 'immediate'): Promise<void>
  stop(): Promise<void>
}
export function findPostgresBin(): string | undefined
export function startTempPostgres(options?: { fsync?: boolean }): Promise<TempPostgres>
