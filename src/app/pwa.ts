/**
 * Registers the service worker that vite-plugin-pwa generates (`sw.js`, see vite.config.ts) with
 * the platform API. workbox-window, which `virtual:pwa-register` would load for this, costs
 * 2.7 KiB gzip on every page for two things done here in a few lines: register, and reload once
 * when an updated worker takes over (autoUpdate: the new worker skips waiting and claims the
 * page; drafts are saved continuously to IndexedDB, so the reload loses nothing).
 */
export function registerPwa(container: ServiceWorkerContainer = navigator.serviceWorker, reload: () => void = () => window.location.reload()): void {
  // The first worker of a first visit also takes control (clientsClaim); that is no update.
  let hadController = container.controller !== null
  container.addEventListener('controllerchange', () => {
    if (hadController) reload()
    hadController = true
  })
  const base = import.meta.env.BASE_URL
  container.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => console.warn('Registering the service worker failed', error))
}
