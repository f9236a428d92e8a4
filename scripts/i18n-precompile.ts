/**
 * Build-time compiled interface messages.
 *
 * vue-i18n compiles each message string on first use, which ships its message compiler (parser,
 * tokenizer, code generator) in the first-load bundle. For production builds this Vite plugin
 * serves `src/app/messages.ts` precompiled: the same merged trees, each string replaced by the
 * message AST vue-i18n's JIT compiler would have produced, and it sets
 * `__INTLIFY_DROP_MESSAGE_COMPILER__` so the compiler is tree-shaken away. Only zh-CN (the default
 * and fallback) is in that module, and of it only the areas the first pages show (FIRST_AREAS:
 * the shell, home and filling); the other zh-CN areas are one chunk `loadRestMessages` fetches
 * (the router does, before entering a page that needs them). Each other language is a chunk
 * `loadMessages` fetches, all areas. The service worker precaches them like every chunk. The dev server and the
 * tests keep the source strings (the plugin is build-only), so editing a locale file needs no
 * restart there. tests/components/common/i18n-precompile.test.ts checks both forms translate alike.
 *
 * With every message precompiled, builds also swap vue-i18n for petite-vue-i18n's runtime build:
 * the same project's lite edition (composition API `t`/`te`/`tm`/`rt`, no legacy API, components,
 * directive, or date/number formats, none of which the app uses), without the message compiler.
 * Petite resolves only flat keys unless told otherwise, so the swapped-in module first registers
 * core-base's dotted-path resolver, as full vue-i18n does for itself. The e2e suite runs against
 * such a build.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'
import { mergeMessages, type LocaleModules, type MessageTree } from '../src/app/message-tree.ts'

const localesDir = fileURLToPath(new URL('../src/locales/', import.meta.url))
const sourceModule = fileURLToPath(new URL('../src/app/messages.ts', import.meta.url))
const VIRTUAL_ID = '\0qingdan-i18n-precompiled'
/** What `vue-i18n` resolves to in builds: petite's runtime, with nested keys resolved. */
const PETITE_ID = '\0qingdan-petite-vue-i18n'
const PETITE_RUNTIME = 'petite-vue-i18n/dist/petite-vue-i18n.runtime.mjs'
const PETITE_MODULE = [
  `import { registerMessageResolver } from '${PETITE_RUNTIME}'`,
  `import { resolveValue } from '@intlify/core-base'`,
  'registerMessageResolver(resolveValue)',
  `export * from '${PETITE_RUNTIME}'`,
].join('\n')
/** One module per language but the first-load one, fetched by `loadMessages`. */
const LANG_PREFIX = 'virtual:qingdan-messages/'
/** The language whose messages are in the first load: the default and the fallback. */
const FIRST_LANG = 'zh-CN'
/**
 * The areas (src/locales/<lang>/<area>.ts) of FIRST_LANG in the first load: what the shell, home
 * and the fill pages show. Routes marked `firstLoadMessages` in src/app/router.ts use only these.
 */
export const FIRST_AREAS: readonly string[] = ['app', 'fill', 'home']
/** The module of FIRST_LANG's other areas. */
const REST_ID = `${LANG_PREFIX}rest`

/** A compiled message tree: each leaf is a message AST (a JSON object) instead of a string. */
export interface CompiledTree {
  [key: string]: unknown
}

/** Compiles every string leaf of `tree` to vue-i18n's minified message AST; throws on a syntax error. */
export function compileTree(tree: MessageTree, path = ''): CompiledTree {
  const out: CompiledTree = {}
  for (const [key, value] of Object.entries(tree)) {
    const at = path ? `${path}.${key}` : key
    if (typeof value === 'object') {
      out[key] = compileTree(value, at)
      continue
    }
    const errors: string[] = []
    const { ast } = baseCompile(value, {
      jit: true,
      location: false,
      minify: true,
      onError: (error) => errors.push(error.message),
    })
    if (errors.length) throw new Error(`i18n message ${at} does not compile: ${errors.join('; ')}`)
    out[key] = ast
  }
  return out
}

/** Loads `src/locales/<lang>/*.ts` for every language folder, by language and file path. */
async function loadMessages(watch: (file: string) => void): Promise<Record<string, LocaleModules>> {
  // tsx loads the TypeScript locale files in node (the build's own transform is not at hand here).
  const { tsImport } = await import('tsx/esm/api')
  const out: Record<string, LocaleModules> = {}
  for (const lang of readdirSync(localesDir).sort()) {
    const modules: LocaleModules = {}
    for (const file of readdirSync(`${localesDir}${lang}`).filter((f) => f.endsWith('.ts'))) {
      const path = `${localesDir}${lang}/${file}`
      watch(path)
      // A fresh query each time: a watch rebuild must see the edited file, not node's cached module.
      modules[path] = (await tsImport(`${pathToFileURL(path).href}?t=${Date.now()}`, import.meta.url)) as { default: MessageTree }
    }
    out[lang] = modules
  }
  return out
}

/** The merged tree of the files of `modules` whose area `keep` accepts. */
function mergeAreas(modules: LocaleModules, keep: (area: string) => boolean): MessageTree {
  const picked: LocaleModules = {}
  for (const [path, module] of Object.entries(modules)) {
    if (keep(path.slice(path.lastIndexOf('/') + 1).replace(/\.ts$/, ''))) picked[path] = module
  }
  return mergeMessages(picked)
}

/** Serves the precompiled messages in place of src/app/messages.ts in production builds. */
export function i18nPrecompile(): Plugin {
  return {
    name: 'qingdan-i18n-precompile',
    apply: 'build',
    enforce: 'pre',
    config: () => ({ define: { __INTLIFY_DROP_MESSAGE_COMPILER__: 'true' } }),
    resolveId: {
      filter: { id: /messages|^vue-i18n$/ },
      async handler(source, importer, options) {
        if (source === 'vue-i18n') return PETITE_ID
        if (source.startsWith(LANG_PREFIX)) return `\0${source}`
        if (!importer) return null
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
        return resolved?.id === sourceModule ? VIRTUAL_ID : null
      },
    },
    load: {
      filter: { id: /^\0(qingdan-i18n-precompiled|qingdan-petite-vue-i18n|virtual:qingdan-messages\/)/ },
      async handler(id) {
        if (id === PETITE_ID) return PETITE_MODULE
        const trees = await loadMessages((file) => this.addWatchFile(file))
        const first = trees[FIRST_LANG]
        if (!first) throw new Error(`no messages for ${FIRST_LANG} in src/locales`)
        // JSON.parse of a string literal parses faster than the same object as a JS literal.
        const json = (tree: MessageTree): string => `JSON.parse(${JSON.stringify(JSON.stringify(compileTree(tree)))})`
        if (id === `\0${REST_ID}`) return `export default ${json(mergeAreas(first, (area) => !FIRST_AREAS.includes(area)))}\n`
        if (id.startsWith(`\0${LANG_PREFIX}`)) {
          const lang = id.slice(LANG_PREFIX.length + 1)
          const modules = trees[lang]
          if (!modules) throw new Error(`no messages for ${lang} in src/locales`)
          return `export default ${json(mergeMessages(modules))}\n`
        }
        if (id !== VIRTUAL_ID) return null
        const lazy = Object.keys(trees).filter((lang) => lang !== FIRST_LANG)
        return [
          `export const messages = { ${JSON.stringify(FIRST_LANG)}: ${json(mergeAreas(first, (area) => FIRST_AREAS.includes(area)))} }`,
          `export function loadRestMessages() { return import(${JSON.stringify(REST_ID)}).then((m) => m.default) }`,
          'export function loadMessages(lang) {',
          ...lazy.map((lang) => `  if (lang === ${JSON.stringify(lang)}) return import(${JSON.stringify(LANG_PREFIX + lang)}).then((m) => m.default)`),
          `  return Promise.resolve(messages[lang])`,
          '}',
          '',
        ].join('\n')
      },
    },
  }
}
