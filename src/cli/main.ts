/**
 * `qingdan` entry point: parse arguments, dispatch, map outcomes to exit codes. All checking and
 * scoring is src/core's; this layer reads files and prints.
 */
import { parseArgs, type CliArgs } from './args'
import { runCycle } from './cycle'
import { runScore } from './score'
import { t } from './messages'
import { runValidate } from './validate'
import type { CliIo } from './io'

export { EXIT, processIo } from './io'
export type { CliIo } from './io'

function run(args: CliArgs, io: CliIo): Promise<number> {
  switch (args.command) {
    case 'score':
      return runScore(args, io)
    case 'cycle':
      return runCycle(args, io)
    case 'validate':
    case null: // parseArgs only leaves it null with --help, answered before this
      return runValidate(args, io)
    default: {
      const never: never = args.command
      throw new Error(`unknown command ${String(never)}`)
    }
  }
}

/** Runs one invocation and returns the exit code (0 valid, 1 invalid, 2 usage or unreadable file). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, io.env)
  if (!parsed.ok) {
    io.err(t(parsed.lang, parsed.error, parsed.params))
    io.err(t(parsed.lang, 'usage'))
    return 2
  }
  const { args } = parsed
  if (args.help) {
    io.out(t(args.lang, 'usage'))
    return 0
  }
  try {
    return await run(args, io)
  } catch (e) {
    // Core functions return Results for user data; reaching here is a bug, reported without a stack.
    io.err(t(args.lang, 'internal', { reason: e instanceof Error ? e.message : String(e) }))
    return 1
  }
}
