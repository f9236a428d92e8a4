/**
 * Command-line parsing for `qingdan`, on Node's `util.parseArgs`. It runs non-strict and reads its
 * tokens, so every usage error becomes one of our own messages, in the language asked for.
 */
import { parseArgs as parseArgv } from 'node:util'
import { LANGS, type Lang } from '@/core/result'
import type { CliMessage } from './messages'

export type Command = 'validate' | 'score' | 'cycle'

export interface CliArgs {
  command: Command | null
  files: string[]
  lang: Lang
  template?: string
  help: boolean
}

export type ParseResult =
  | { ok: true; args: CliArgs }
  | { ok: false; lang: Lang; error: CliMessage; params: Record<string, string> }

const COMMANDS: readonly string[] = ['validate', 'score', 'cycle'] satisfies Command[]

const OPTIONS = {
  lang: { type: 'string' },
  template: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value)
}

/** zh-CN unless the environment's LANG asks for English (e.g. `en_US.UTF-8`). */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  return env.LANG?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

/**
 * Parses argv (without `node` and the script). `--lang` is read first so that every later usage
 * error is reported in the language asked for.
 */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): ParseResult {
  // Non-strict: unknown options and missing values come back as tokens instead of Node's errors.
  const { tokens } = parseArgv({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true })

  let lang = langFromEnv(env)
  const langToken = tokens.find((t) => t.kind === 'option' && t.name === 'lang')
  if (langToken?.kind === 'option') {
    const value = langToken.value
    if (value === undefined) return { ok: false, lang, error: 'missingValue', params: { option: '--lang' } }
    if (!isLang(value)) return { ok: false, lang, error: 'badLang', params: { lang: value } }
    lang = value
  }
  const fail = (error: CliMessage, params: Record<string, string> = {}): ParseResult => ({ ok: false, lang, error, params })

  const args: CliArgs = { command: null, files: [], lang, help: false }
  const positional: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value)
    else if (token.kind !== 'option') continue // `--`: what follows comes as positionals
    else if (token.name === 'help') args.help = true
    else if (token.name === 'template') {
      if (token.value === undefined || token.value === '') return fail('missingValue', { option: '--template' })
      args.template = token.value
    } else if (token.name !== 'lang') return fail('unknownOption', { option: token.rawName })
  }
  if (args.help) return { ok: true, args }

  const [command, ...files] = positional
  if (command === undefined) return fail('missingCommand')
  if (!COMMANDS.includes(command)) return fail('unknownCommand', { command })
  args.command = command as Command
  args.files = files
  if (args.command === 'validate' && files.length === 0) return fail('noFiles')
  if (args.command === 'score' && files.length !== 2) return fail('scoreArgs')
  if (args.command === 'cycle' && files.length < 3) return fail('cycleArgs')
  if (args.command !== 'validate' && args.template !== undefined) return fail('templateOnlyForValidate')
  return { ok: true, args }
}
