/**
 * vue-i18n's ES build reads Vue through a namespace import (`import * as Vue from 'vue'`) and
 * looks a key up in it dynamically (`'currentInstance' in Vue`). A bundler cannot tell which of
 * Vue's exports such code needs, so it keeps every one of them: Transition, TransitionGroup,
 * the v-model directives, KeepAlive … land in the shared Vue chunks every page loads, used or
 * not. The namespace is only ever asked for `getCurrentInstance` (vue 3's public API; the
 * internal `currentInstance` is not exported by vue 3.5), so this build-only plugin gives it an
 * object holding just that, and the rest of Vue is tree-shaken again.
 */
import type { Plugin } from 'vite'

const NAMESPACE_IMPORT = "import * as Vue from 'vue';"
const NAMED_IMPORT =
  "import { getCurrentInstance as __qingdanGetCurrentInstance } from 'vue';\n" +
  'const Vue = { getCurrentInstance: __qingdanGetCurrentInstance };'

export function vueI18nNamedImport(): Plugin {
  return {
    name: 'qingdan-vue-i18n-named-import',
    apply: 'build',
    enforce: 'pre',
    transform: {
      filter: { id: /[\\/]node_modules[\\/](petite-)?vue-i18n[\\/]dist[\\/]/ },
      handler(code, id) {
        if (!code.includes(NAMESPACE_IMPORT)) {
          // A vue-i18n upgrade changed how it imports Vue: look again rather than ship the whole of Vue.
          if (/import \* as \w+ from ['"]vue['"]/.test(code)) this.error(`${id}: vue-i18n imports Vue in a new way; update scripts/vue-i18n-named-import.ts`)
          return null
        }
        return { code: code.replace(NAMESPACE_IMPORT, NAMED_IMPORT), map: null }
      },
    },
  }
}
