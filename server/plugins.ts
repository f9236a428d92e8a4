/**
 * The route plugins `server/main.ts` mounts: the one place where the server's parts are wired.
 */
import type { RoutePlugin } from './app'
import syncRoutes from './sync/routes'

export const defaultPlugins: readonly RoutePlugin[] = [syncRoutes]
