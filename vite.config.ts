import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath, URL } from 'node:url'
import { ajvStandalone } from './scripts/ajv-standalone.ts'
import { i18nPrecompile } from './scripts/i18n-precompile.ts'
import { vueI18nNamedImport } from './scripts/vue-i18n-named-import.ts'

const THEME_COLOR = '#1d5fa8'

// Offline from the first visit: a generated service worker precaches the shell and every built
// asset, lazy route chunks included, so any page opens with the network off. Off under vitest,
// where there is no build to precache.
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false, // src/app/pwa.ts registers it (platform API), only in production builds
  strategies: 'generateSW',
  manifest: {
    name: '清单 Qingdan',
    short_name: '清单',
    description: '离线检查表与评分细则 · Offline checklists and scoring rubrics',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    background_color: '#f4f6f9',
    theme_color: THEME_COLOR,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json,woff2}'],
    // The README screenshot is documentation, not app shell.
    globIgnores: ['screenshot.png'],
    navigateFallback: '/index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
})

/** `id@version` of each shipped sample, sorted: src/db/samples.ts's `shippedSampleKeys()`. */
function sampleKeys(): string[] {
  const dir = fileURLToPath(new URL('./schemas/samples/', import.meta.url))
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(dir + file, 'utf8')) as { id: string; version: number })
    .map((sample) => `${sample.id}@${sample.version}`)
    .sort()
}

export default defineConfig({
  // `npm run dev` next to `npm run server`: the app's API calls go to the team server, so the
  // app and the API share one origin as they do when the server serves the build.
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 8787}` } },
  // Under vitest the schemas compile at run time (as in the CLI); tests/core/validate checks both agree.
  // Messages are precompiled in builds only (scripts/i18n-precompile.ts).
  // No Options API (data, methods, mixins) in the app or its libraries: Vue's support for it is
  // left out of dev and production builds. Component tests keep it, for @vue/test-utils.
  plugins: [
    vue({ features: { optionsAPI: Boolean(process.env.VITEST) } }),
    ...(process.env.VITEST ? [] : [ajvStandalone(), i18nPrecompile(), vueI18nNamedImport(), pwa]),
  ],
  // vue-i18n compile-time flags: composition API only (legacy: false), no <i18n-t>/v-t (unused:
  // templates call t() from useI18n), no prod devtools hook.
  define: {
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    // Lets a start skip loading the samples once they are all installed (src/db/boot.ts).
    __QINGDAN_SAMPLE_KEYS__: JSON.stringify(sampleKeys()),
  },
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // Dexie's package entry wraps its ES5 UMD build, which the bundler can neither shrink nor
      // tree-shake; its modern ES module build is the same library in fewer bytes. Builds only:
      // tests keep the package entry, as node resolves it.
      ...(process.env.VITEST ? [] : [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }]),
    ],
  },
  // Unit and component tests; the e2e suite (tests/e2e) runs in real Chromium via scripts/e2e.mjs
  // with its own config (tests/e2e/support/vitest.config.ts).
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // vitest's default is a worker per core less one: a single worker on two cores. Most server
    // tests wait on PostgreSQL, PGlite or a server process, so a second worker fills that waiting
    // (the whole suite: ~490 s with one worker, ~340 s with two, on this 2-core machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
})
