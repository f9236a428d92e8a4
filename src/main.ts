// Wiring only: the app, its plugins, and the order they must start in.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from '@/app/App.vue'
import { createAppRouter } from '@/app/router'
import { applyLang, ensureLangLoaded, i18n, useLang } from '@/app/i18n'
import { installFormKitOnDemand } from '@/app/formkit'
import { installSamplesBeforeData } from '@/app/samples'
import { installRoutePreload } from '@/app/preload'
import { whenIdleAfterLoad } from '@/app/idle'
import '@/app/theme.css'

const app = createApp(App)
const router = createAppRouter()

// The stored language is already in `i18n` (read at import); this also sets <html lang>.
applyLang(useLang().value)

// The guards go in before app.use(router), which starts the first navigation (a deep link
// straight to /settings must already wait for FormKit, one to a template for the samples).
// The preload goes first, so the page's chunks download while the other guards wait.
installRoutePreload(router)
installFormKitOnDemand(router, app)
installSamplesBeforeData(router)
app.use(createPinia())
app.use(i18n)
app.use(router)

// An English start first loads the English messages (their own chunk in production builds); if
// that fails the app still opens, in zh-CN.
const lang = ensureLangLoaded(useLang().value).catch(() => undefined)
void Promise.all([router.isReady(), lang]).then(() => app.mount('#app'))

// The service worker is for production builds only; dev gets no stale-cache surprises. Its
// registration (src/app/pwa.ts) waits until the first page is up: nothing on screen needs it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  whenIdleAfterLoad(() => void import('@/app/pwa').then(({ registerPwa }) => registerPwa()))
}
