import { registerSW } from 'virtual:pwa-register'

/**
 * Registers the generated service worker. `immediate` registers at once instead of on the
 * window load event, so the shell is precached even if the user leaves the first page quickly;
 * autoUpdate (vite.config.ts) swaps in a new version on the next load without a prompt, which
 * is right for an app whose drafts are saved continuously to IndexedDB.
 */
export function registerPwa(): void {
  registerSW({ immediate: true })
}
