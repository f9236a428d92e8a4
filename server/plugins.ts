/**
 * The route plugins `server/main.ts` mounts: the one place where the server's parts are wired.
 * The sync service (server/sync/routes.ts, default export `syncRoutes`) joins this list.
 */
import type { RoutePlugin } from './app'

export const defaultPlugins: readonly RoutePlugin[] = []
