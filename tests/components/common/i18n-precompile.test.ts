import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages, type MessageTree } from '@/app/i18n'
import { compileTree, FIRST_AREAS, i18nPrecompile } from '../../../scripts/i18n-precompile'

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
}

// Every named placeholder reads back as its own name, so a dropped or renamed one shows up.
const named = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? `<${key}>` : undefined) })

describe('precompiled messages (production builds)', () => {
  it('translate every key of both languages exactly as the source strings do', () => {
    const compiled = { 'zh-CN': compileTree(messages['zh-CN']), en: compileTree(messages.en) }
    const source = createI18n({ legacy: false, locale: 'zh-CN', messages, missingWarn: false, fallbackWarn: false })
    // vue-i18n's message types expect strings; the ASTs are what its bundler plugins hand it too.
    const built = createI18n({ legacy: false, locale: 'zh-CN', messages: compiled as unknown as typeof messages, missingWarn: false, fallbackWarn: false })
    for (const lang of ['zh-CN', 'en'] as const) {
      source.global.locale.value = lang
      built.global.locale.value = lang
      for (const key of keys(messages[lang])) {
        for (const count of [1, 3]) {
          expect(built.global.t(key, named, count), `${lang} ${key}`).toBe(source.global.t(key, named, count))
        }
      }
    }
  })

  it('rejects a message that does not compile, naming its key', () => {
    expect(() => compileTree({ fill: { broken: 'Hello {name' } })).toThrow(/fill\.broken/)
  })
})

describe('first-load message areas (production builds)', () => {
  type Load = (this: { addWatchFile: (file: string) => void }, id: string) => Promise<string | null>
  const load = (i18nPrecompile().load as unknown as { handler: Load }).handler
  const ctx = { addWatchFile: () => undefined }
  /** The top-level keys (areas) of the JSON.parse'd trees in a generated module. */
  const areasOf = (code: string): string[][] =>
    [...code.matchAll(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/g)].map((m) => Object.keys(JSON.parse(JSON.parse(m[1] as string) as string) as object).sort())

  it('puts only the first areas of zh-CN in the first load, and every other zh-CN area in the rest', async () => {
    const first = areasOf((await load.call(ctx, '\0qingdan-i18n-precompiled')) ?? '')
    const rest = areasOf((await load.call(ctx, '\0virtual:qingdan-messages/rest')) ?? '')
    expect(first).toEqual([[...FIRST_AREAS].sort()])
    expect([...(first[0] ?? []), ...(rest[0] ?? [])].sort()).toEqual(Object.keys(messages['zh-CN']).sort())
  })

  it('keeps every area in the chunk of another language', async () => {
    expect(areasOf((await load.call(ctx, '\0virtual:qingdan-messages/en')) ?? '')).toEqual([Object.keys(messages.en).sort()])
  })
})
