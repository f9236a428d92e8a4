/** The CLI's connection to the world, passed in so that commands stay testable without a process. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  env: Record<string, string | undefined>
}

/** Exit codes, as documented in `qingdan --help`. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const

/** An io that writes to the real process streams. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    env: process.env,
  }
}
