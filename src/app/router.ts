import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import HomeView from '@/views/HomeView.vue'
import { ensureAllMessages } from '@/app/i18n'

/** The top-bar section a route belongs to, so /fill/abc highlights 填写 like /fill does. */
export type NavSection = 'home' | 'templates' | 'fill' | 'results' | 'settings'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (document.title). */
    titleKey: string
    nav: NavSection
    /** Install FormKit before entering (see app/formkit.ts); keeps it off the first load. */
    formkit?: boolean
    /**
     * The page shows only texts of the first load's message areas (app, home, fill: see
     * scripts/i18n-precompile.ts); any other page waits for the rest of the messages.
     */
    firstLoadMessages?: boolean
  }
}

/**
 * Route names and paths are a contract with the fill views and e2e tests. Only home is eager:
 * everything else is a lazy chunk so the first route stays within its size budget.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'app.titles.home', nav: 'home', firstLoadMessages: true } },
  {
    path: '/templates',
    name: 'templates',
    component: () => import('@/views/TemplatesView.vue'),
    meta: { titleKey: 'app.titles.templates', nav: 'templates' },
  },
  {
    path: '/templates/:templateId/edit',
    name: 'builder',
    component: () => import('@/views/BuilderView.vue'),
    meta: { titleKey: 'builder.title', nav: 'templates', formkit: true },
  },
  {
    path: '/fill',
    name: 'drafts',
    component: () => import('@/views/DraftsView.vue'),
    meta: { titleKey: 'app.titles.drafts', nav: 'fill', firstLoadMessages: true },
  },
  {
    path: '/fill/new/:templateId/:version',
    name: 'fill-start',
    component: () => import('@/views/FillStartView.vue'),
    meta: { titleKey: 'app.titles.fillStart', nav: 'fill', firstLoadMessages: true },
  },
  {
    path: '/fill/:responseId',
    name: 'fill',
    component: () => import('@/views/FillView.vue'),
    meta: { titleKey: 'app.titles.fill', nav: 'fill', firstLoadMessages: true },
  },
  {
    // A room's QR label (#14): the address it encodes (core/register/qr.ts labelUrl).
    path: '/s/:subjectId',
    name: 'scan',
    component: () => import('@/views/ScanLandingView.vue'),
    meta: { titleKey: 'fill.scan.landingTitle', nav: 'fill', firstLoadMessages: true },
  },
  {
    path: '/register/labels',
    name: 'register-labels',
    component: () => import('@/views/QrLabelsView.vue'),
    meta: { titleKey: 'labels.title', nav: 'settings' },
  },
  {
    path: '/plans',
    name: 'plans',
    component: () => import('@/views/PlansView.vue'),
    meta: { titleKey: 'plans.title', nav: 'results' },
  },
  {
    path: '/plans/today',
    name: 'plans-today',
    component: () => import('@/views/TodayView.vue'),
    meta: { titleKey: 'plans.today.title', nav: 'fill' },
  },
  {
    path: '/plans/:planId/coverage',
    name: 'plan-coverage',
    component: () => import('@/views/CoverageView.vue'),
    meta: { titleKey: 'plans.cov.title', nav: 'results' },
  },
  // Evaluation cycles' results (#15): the league table, one branch's panel view, the printed 评审汇总表.
  {
    path: '/cycles/:cycleId/results',
    name: 'cycle-results',
    component: () => import('@/views/CycleResultsView.vue'),
    meta: { titleKey: 'cycleResults.title', nav: 'results' },
  },
  {
    // `subject`: the branch's label (its key values joined by a space), encoded by the router.
    path: '/cycles/:cycleId/results/:subject',
    name: 'cycle-panel',
    component: () => import('@/views/CyclePanelView.vue'),
    meta: { titleKey: 'cycleResults.panelTitle', nav: 'results' },
  },
  {
    path: '/cycles/:cycleId/print',
    name: 'cycle-print',
    component: () => import('@/views/CycleSummaryPrintView.vue'),
    meta: { titleKey: 'cycleResults.printTitle', nav: 'results' },
  },
  {
    // Evaluation cycles (#15); the panel's results (/cycles/:cycleId/results) are their own page.
    path: '/cycles',
    name: 'cycles',
    component: () => import('@/views/CyclesView.vue'),
    meta: { titleKey: 'cycles.title', nav: 'results' },
  },
  {
    path: '/cycles/new',
    name: 'cycle-new',
    component: () => import('@/views/CycleEditView.vue'),
    meta: { titleKey: 'cycles.form.titleNew', nav: 'results' },
  },
  {
    path: '/cycles/:cycleId/edit',
    name: 'cycle-edit',
    component: () => import('@/views/CycleEditView.vue'),
    meta: { titleKey: 'cycles.form.titleEdit', nav: 'results' },
  },
  {
    path: '/cycles/:cycleId',
    name: 'cycle',
    component: () => import('@/views/CycleView.vue'),
    meta: { titleKey: 'cycles.cycleTitle', nav: 'results' },
  },
  {
    path: '/results',
    name: 'results',
    component: () => import('@/views/ResultsView.vue'),
    meta: { titleKey: 'app.titles.results', nav: 'results' },
  },
  {
    path: '/results/dashboard/:templateId',
    name: 'dashboard',
    component: () => import('@/views/DashboardView.vue'),
    meta: { titleKey: 'results.dash.title', nav: 'results' },
  },
  {
    path: '/results/:responseId',
    name: 'response',
    component: () => import('@/views/ResponseDetailView.vue'),
    meta: { titleKey: 'results.detail.title', nav: 'results' },
  },
  {
    path: '/tasks',
    name: 'tasks',
    component: () => import('@/views/TasksView.vue'),
    meta: { titleKey: 'results.task.title', nav: 'results' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/SettingsView.vue'),
    meta: { titleKey: 'app.titles.settings', nav: 'settings', formkit: true },
  },
  {
    path: '/backup',
    name: 'backup',
    component: () => import('@/views/BackupView.vue'),
    meta: { titleKey: 'backup.title', nav: 'settings' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('@/views/RegisterView.vue'),
    meta: { titleKey: 'register.title', nav: 'settings' },
  },
  {
    path: '/sync',
    name: 'sync',
    component: () => import('@/views/SyncView.vue'),
    meta: { titleKey: 'sync.title', nav: 'settings' },
  },
  {
    path: '/admin',
    name: 'admin',
    component: () => import('@/views/AdminView.vue'),
    meta: { titleKey: 'admin.title', nav: 'settings' },
    // Only a signed-in admin; the server checks the role again on every request.
    beforeEnter: async () => {
      const { useAccountStore } = await import('@/stores/account')
      return useAccountStore().isAdmin || { name: 'sync' }
    },
  },
  // An unknown address (an old bookmark) lands on home rather than a blank page.
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** History mode; tests pass `createMemoryHistory()`. */
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  // Whether the page being left was scrolled, read when the navigation starts, while its layout
  // is still clean. scrollBehavior runs after the new page is in the DOM, where reading or setting
  // the scroll position forces a synchronous layout of it; a page left at the top needs neither.
  let leftScrolled = false
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? (leftScrolled ? { top: 0 } : false),
  })
  router.beforeEach((to) => {
    leftScrolled = typeof window !== 'undefined' && window.scrollY > 0
    // A failed load (offline, chunk missing) still enters the page: zh-CN keys show, not a dead end.
    if (!to.meta.firstLoadMessages) return ensureAllMessages().catch(() => undefined)
  })
  return router
}
