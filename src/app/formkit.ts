import { watch, type App } from 'vue'
import type { Router } from 'vue-router'
import type { Lang } from '@/core/result'
import { useLang } from './i18n'

/** FormKit's locale code for each app language. */
const FORMKIT_LOCALE = { 'zh-CN': 'zh', en: 'en' } as const satisfies Record<Lang, string>

const installed = new WeakMap<App, Promise<void>>()

/**
 * Installs FormKit on first need. FormKit with its inputs, rules and locales is about 59 KB
 * gzipped, more than a third of the first-load budget, and the first screen does not use it,
 * so it arrives in its own chunk when a route with `meta.formkit` opens. Idempotent.
 */
export function ensureFormKit(app: App): Promise<void> {
  let pending = installed.get(app)
  if (!pending) {
    pending = install(app)
    installed.set(app, pending)
    // A failed chunk load (offline before the SW cached it) must be retryable on next visit.
    pending.catch(() => installed.delete(app))
  }
  return pending
}

async function install(app: App): Promise<void> {
  const [{ plugin, defaultConfig }, { zh, en, changeLocale }] = await Promise.all([
    import('@formkit/vue'),
    import('@formkit/i18n'),
    import('./formkit.css'),
  ])
  const lang = useLang()
  app.use(plugin, defaultConfig({ locales: { zh, en }, locale: FORMKIT_LOCALE[lang.value] }))
  // Keep validation messages in the interface language when the user switches it.
  watch(lang, (l) => changeLocale(FORMKIT_LOCALE[l]))
}

/** Router guard wiring: routes that declare `meta.formkit` wait for FormKit before rendering. */
export function installFormKitOnDemand(router: Router, app: App): void {
  router.beforeEach(async (to) => {
    if (to.meta.formkit) await ensureFormKit(app)
  })
}
