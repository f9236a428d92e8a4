/** Command-line parsing for `qingdan`: no dependency, because the grammar is three options wide. */
import { LANGS, type Lang } from '@/core/result'
import type { CliMessage } from './messages'

export type Command = 'validate' | 'score'

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

const COMMANDS: readonly string[] = ['validate', 'score'] satisfies Command[]

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
  let lang = langFromEnv(env)
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  if (langAt >= 0) {
    const raw = argv[langAt] ?? ''
    const value = raw.includes('=') ? raw.slice(raw.indexOf('=') + 1) : argv[langAt + 1]
    if (value === undefined) return { ok: false, lang, error: 'missingValue', params: { option: '--lang' } }
    if (!isLang(value)) return { ok: false, lang, error: 'badLang', params: { lang: value } }
    lang = value
  }
  const fail = (error: CliMessage, params: Record<string, string> = {}): ParseResult => ({ ok: false, lang, error, params })

  const args: CliArgs = { command: null, files: [], lang, help: false }
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--') {
      positional.push(...argv.slice(i + 1))
      break
    }
    if (a === '-h' || a === '--help') args.help = true
    else if (a === '--lang') i++ // already read above
    else if (a.startsWith('--lang=')) continue
    else if (a === '--template' || a.startsWith('--template=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]
      if (value === undefined || value === '') return fail('missingValue', { option: '--template' })
      args.template = value
    } else if (a.startsWith('-') && a !== '-') return fail('unknownOption', { option: a })
    else positional.push(a)
  }
  if (args.help) return { ok: true, args }

  const [command, ...files] = positional
  if (command === undefined) return fail('missingCommand')
  if (!COMMANDS.includes(command)) return fail('unknownCommand', { command })
  args.command = command as Command
  args.files = files
  if (args.command === 'validate' && files.length === 0) return fail('noFiles')
  if (args.command === 'score') {
    if (files.length !== 2) return fail('scoreArgs')
    if (args.template !== undefined) return fail('templateOnlyForValidate')
  }
  return { ok: true, args }
}
