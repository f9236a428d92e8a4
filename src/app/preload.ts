import type { RouteLocationNormalized, Router } from 'vue-router'

/** A route's lazy component: a function returning the module, as in src/app/router.ts. */
type Loader = () => Promise<unknown>

/**
 * Starts downloading the target route's lazy page chunks as soon as a navigation begins.
 * vue-router loads them only after every global guard has resolved, and the guards wait for the
 * database and the samples (app/samples.ts) and FormKit (app/formkit.ts); without this, the page's
 * chunks would start one network round after those. Calling the loader early is safe: an
 * `import()` runs a module once, and vue-router's own call later gets the same module.
 */
export function installRoutePreload(router: Router): void {
  router.beforeEach((to) => {
    for (const loader of lazyLoaders(to)) {
      // A failure is vue-router's to report when it loads the page itself.
      loader().catch(() => undefined)
    }
  })
}

/**
 * Fetches and runs the page chunks of the route named `name` once the main thread is idle: a
 * page whose next step is nearly always that route (the drafts list → a draft) then opens it
 * without waiting for its code.
 */
export function preloadRouteWhenIdle(router: Router, name: string): void {
  const to = router.resolve({ name, params: { responseId: '_' } })
  const run = (): void => {
    for (const loader of lazyLoaders(to)) loader().catch(() => undefined)
  }
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 })
  else setTimeout(run, 0)
}

function lazyLoaders(to: Pick<RouteLocationNormalized, 'matched'>): Loader[] {
  const out: Loader[] = []
  for (const record of to.matched) {
    for (const component of Object.values(record.components ?? {})) {
      // A page component is an object (an SFC); only the lazy ones are bare functions.
      if (typeof component === 'function' && !('props' in component) && !('displayName' in component)) out.push(component as Loader)
    }
  }
  return out
}
