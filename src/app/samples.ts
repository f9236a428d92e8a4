import type { Router } from 'vue-router'

/**
 * The shipped samples must be in IndexedDB before any page reads templates, a deep link on the
 * very first visit included (/fill/new/dorm-room-safety/1). The home page reads none, so the
 * database code is imported here on demand and stays off the first route.
 */
export function installSamplesBeforeData(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.name === 'home') return
    const { ensureSamplesInstalled } = await import('@/db/boot')
    // Not fatal: the page shows its own empty state, and the next navigation tries again
    // (ensureSamplesInstalled forgets a failed run).
    await ensureSamplesInstalled().catch((error: unknown) => console.warn('Installing the sample templates failed', error))
  })
}
